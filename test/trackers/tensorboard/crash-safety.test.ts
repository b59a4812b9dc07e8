import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { soakSize } from '../../helpers/soak-size.js';
import { bundleScript, removeBundle } from '../../helpers/child-process.js';
import { runInfo, tempDir } from '../../helpers/tensorboard.js';
import { CHILDREN } from '../../helpers/paths.js';

const CHILD = join(CHILDREN, 'tensorboard-crash-child.ts');
const TRIALS = soakSize(4, 8);
const CONCURRENCY = TRIALS;
/** The child bundled into one plain script: a start costs node's start-up only, not tsx's. */
let script = '';
beforeAll(async () => {
  script = await bundleScript(CHILD);
});
afterAll(() => removeBundle(script));

/** Starts the child, waits for `flushes` flush notes plus `extraMs`, SIGKILLs it, returns the last flushed step. */
function runAndKill(logDir: string, flushes: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, logDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastFlushed = 0;
    let seen = 0;
    let buffered = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^flushed (\d+)$/.exec(line);
        if (!match) continue;
        lastFlushed = Number(match[1]);
        if (++seen === flushes) killTimer = setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited without being killed: ${stderr}`));
      else resolve(lastFlushed);
    });
  });
}

describe('crash safety', () => {
  const { dir, cleanup } = tempDir('trainscope-tb-crash-');
  afterAll(cleanup);

  it(`leaves readable files after SIGKILL at ${TRIALS} different moments`, { timeout: 300_000 }, async () => {
    const run = runInfo();
    // Children run concurrently: most of a trial is node's start-up.
    const lastFlushed: number[] = [];
    for (let wave = 0; wave < TRIALS; wave += CONCURRENCY) {
      const trials = Array.from({ length: Math.min(CONCURRENCY, TRIALS - wave) }, (_, i) => wave + i);
      const results = await Promise.all(
        trials.map((trial) => runAndKill(join(dir, `trial-${trial}`), 1 + (trial % 3), (trial * 7) % 23)),
      );
      lastFlushed.push(...results);
    }
    const outcomes: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const logDir = join(dir, `trial-${trial}`);
      const flushed = lastFlushed[trial]!;
      expect(flushed).toBeGreaterThan(0);
      const result = inspectLogDir(logDir);
      // No CRC errors; at most one truncated final record.
      expect(result.errors).toBe(0);
      expect(result.warnings).toBeLessThanOrEqual(1);
      const tbRun = result.runs[run.name]!;
      expect(tbRun.files).toHaveLength(1);
      const file = tbRun.files[0]!;
      expect(['ok', 'truncated']).toContain(file.status);
      for (const problem of result.problems) {
        expect(problem.kind).toBe('truncated');
        expect(problem.offset + problem.unreadBytes).toBe(file.sizeBytes);
      }
      // Every value flushed before the kill is there, in order, with nothing missing in between.
      for (const [tag, sign] of [
        ['training/loss', 1],
        ['training/negative', -1],
      ] as const) {
        const points = tbRun.tags[tag]!.points;
        expect(points.length).toBeGreaterThanOrEqual(flushed);
        points.forEach((point, i) => {
          expect(point.step).toBe(i + 1);
          expect(point.value).toBe(sign * (i + 1));
        });
      }
      outcomes.push(`${file.status}:${tbRun.tags['training/loss']!.count}>=${flushed}`);
    }
    expect(outcomes).toHaveLength(TRIALS);
  });
});
