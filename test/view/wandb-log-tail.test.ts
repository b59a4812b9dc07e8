import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WandbLogReader } from '../../src/trackers/wandb/offline/log-reader.js';
import { PathGuard } from '../../src/view/path-guard.js';
import { ViewRun } from '../../src/view/view-run.js';
import { scanWandbLogFrom } from '../../src/view/wandb-log-tail.js';
import { WandbRunIndexer } from '../../src/view/wandb-run-indexer.js';
import { tempDir } from '../helpers/view.js';

const MULTIBLOCK = join(
  import.meta.dirname,
  '../fixtures/wandb/offline-multiblock/offline-run-20261130_004554-7s31pit4/run-7s31pit4.wandb',
);

function snapshot(run: ViewRun): unknown {
  return {
    summary: run.toSummaryJson(0),
    scalars: Object.fromEntries([...run.scalars].map(([tag, s]) => [tag, [...s.steps, ...s.values]])),
    system: Object.fromEntries([...run.system].map(([tag, s]) => [tag, [...s.values]])),
    console: run.consoleLines,
    texts: Object.fromEntries(run.texts),
  };
}

describe('scanWandbLogFrom', () => {
  const bytes = readFileSync(MULTIBLOCK);
  const full = WandbLogReader.scan(bytes);

  it('frames the same records from a resume block on, without errors for what it skipped', () => {
    expect(bytes.length).toBeGreaterThan(3 * 32_768);
    for (const resume of [0, 40_000, 70_000, 100_000]) {
      const { scan } = scanWandbLogFrom(MULTIBLOCK, resume);
      const blockStart = Math.floor(resume / 32_768) * 32_768;
      const expected = full.records.filter((r) => r.offset >= blockStart && r.offset >= 7);
      const got = scan.records.filter((r) => r.offset >= blockStart);
      expect(got.map((r) => r.offset)).toEqual(expected.map((r) => r.offset));
      const payloads = new Map(full.records.map((r) => [r.offset, r.payload]));
      expect(got.every((r) => payloads.get(r.offset)?.equals(r.payload))).toBe(true);
      expect(scan.errors).toEqual([]);
    }
  });

  it('an indexer that follows the file as it grows ends with what one read of the whole file gives', () => {
    const dir = tempDir();
    const growing = join(dir, 'run-grow.wandb');
    writeFileSync(growing, bytes.subarray(0, 5));
    const live = new ViewRun('live', 'x', 'wandb', growing);
    const liveIndexer = new WandbRunIndexer(live, growing, new PathGuard([dir]));
    for (let at = 5; at < bytes.length; at += 4_999) {
      appendFileSync(growing, bytes.subarray(at, Math.min(bytes.length, at + 4_999)));
      liveIndexer.poll();
    }
    const once = new ViewRun('live', 'x', 'wandb', growing);
    new WandbRunIndexer(once, growing, new PathGuard([dir])).poll();
    expect(live.scalars.size).toBeGreaterThan(0);
    expect(snapshot(live)).toEqual(snapshot(once));
    expect(live.problems).toEqual([]);
  });
});
