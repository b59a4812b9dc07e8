import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WandbLogReader } from '../../src/trackers/wandb/offline/log-reader.js';
import { decodeWandbRecord } from '../../src/trackers/wandb/offline/record-codec.js';
import { PathGuard } from '../../src/view/path-guard.js';
import { ViewRun } from '../../src/view/view-run.js';
import { scanWandbLogFrom } from '../../src/view/wandb-log-tail.js';
import { WandbRunIndexer } from '../../src/view/wandb-run-indexer.js';
import { testRunInfo } from '../helpers/run-info.js';
import { tempDir } from '../helpers/view.js';
import { OfflineRun } from '../helpers/wandb-offline-run.js';

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

  it('keeps the last stats record a run writes after its exit record, also when it arrives in a later poll', async () => {
    const dir = tempDir();
    const info = testRunInfo();
    const writer = OfflineRun.create(dir, info);
    writer.write([{ step: 0, time: info.startTime + 500, channel: 'history', keys: ['loss'], values: [1] }]);
    writer.write([{ step: 0, time: info.startTime + 900, channel: 'system', keys: ['cpu'], values: [42] }]);
    await writer.finish(0, undefined, info.startTime + 1_000);
    const bytes = readFileSync(writer.wandbPath);
    const records = WandbLogReader.scan(bytes).records;
    const types = records.map((r) => decodeWandbRecord(r.payload).type);
    expect(types.slice(-4)).toEqual(['exit', 'stats', 'final', 'footer']);
    const statsAt = records[types.lastIndexOf('stats')]?.offset as number;

    const growing = join(dir, 'run-after-exit.wandb');
    writeFileSync(growing, bytes.subarray(0, statsAt));
    const run = new ViewRun('after-exit', 'x', 'wandb', growing);
    const indexer = new WandbRunIndexer(run, growing, new PathGuard([dir]));
    indexer.poll();
    expect(run.ended).toBe('finished');
    expect(run.system.size).toBe(0);
    appendFileSync(growing, bytes.subarray(statsAt));
    expect(indexer.poll()).toBe(true);
    expect([...(run.system.get('cpu')?.values ?? [])]).toEqual([42]);
    expect(run.ended).toBe('finished');
    expect(run.problems).toEqual([]);
  });
});
