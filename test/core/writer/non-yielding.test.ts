import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { readEventFile } from '../../../src/trackers/tensorboard/event-file-reader.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { tempRoot } from '../../helpers/child-process.js';
import { captureStderr } from '../../helpers/recording-backend.js';
import { soakSize } from '../../helpers/soak-size.js';

const STEPS = soakSize(100_000, 300_000);
const { dir, cleanup } = tempRoot('trainscope-writer-');
afterAll(() => cleanup());

/** Values per key in the run's `.wandb` history records. */
function wandbHistoryCounts(root: string): Map<string, number> {
  const wandbRoot = join(root, 'wandb');
  const runDir = readdirSync(wandbRoot).find((d) => d.startsWith('offline-run-')) as string;
  const file = readdirSync(join(wandbRoot, runDir)).find((f) => f.endsWith('.wandb')) as string;
  const counts = new Map<string, number>();
  for (const record of readWandbFile(join(wandbRoot, runDir, file)).records) {
    if (record.type !== 'history') continue;
    for (const item of record.history?.item ?? []) {
      const key = item.key ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

describe('writer thread: a loop that never yields', () => {
  it(`keeps every value of every priority (${STEPS} steps x high/medium/low, TensorBoard + W&B offline)`, {
    timeout: 180_000,
  }, async () => {
    const run = await init({
      project: 'writer',
      logLevel: 'silent',
      handleExit: false,
      tensorboard: { logDir: join(dir, 'tb') },
      wandb: { mode: 'offline', dir: join(dir, 'wb') },
      profiling: { enabled: false },
      // The default ring (logging.ringMiB 64) absorbs the burst while the writer catches up.
      logging: { thread: 'worker' },
    });
    // loss is high, gradient_norm medium, throughput low (the default priorities).
    for (let step = 0; step < STEPS; step++) {
      run.log({ loss: 1 / (step + 1), gradient_norm: step, throughput: step * 2 });
    }
    expect(run.summary.get('throughput')).toBe((STEPS - 1) * 2);
    await run.finish();
    expect(run.summary.get('trainscope/dropped') ?? 0).toBe(0);

    const tb = inspectLogDir(join(dir, 'tb'));
    const tags = Object.values(tb.runs)[0]?.tags ?? {};
    for (const tag of ['loss', 'gradient_norm', 'throughput']) {
      expect(tags[tag]?.count, tag).toBe(STEPS);
      expect(tags[tag]?.lastStep, tag).toBe(STEPS - 1);
    }
    expect(tags.throughput?.last).toBe((STEPS - 1) * 2);
    const wandb = wandbHistoryCounts(join(dir, 'wb'));
    for (const key of ['loss', 'gradient_norm', 'throughput']) expect(wandb.get(key), key).toBe(STEPS);
  });

  it('reports the ring depth (what the writer has yet to catch up with) in trainscope/queue_depth', {
    timeout: 60_000,
  }, async () => {
    const steps = 20_000;
    const logDir = join(dir, 'depth');
    const run = await init({
      project: 'writer',
      name: 'depth',
      logLevel: 'silent',
      handleExit: false,
      tensorboard: { logDir },
      wandb: false,
      profiling: { gpu: 'off', systemMetricsSecs: 0, reportEverySteps: 1_000 },
      logging: { thread: 'worker' },
    });
    for (let step = 0; step < steps; step++)
      run.log({ loss: 1 / (step + 1), gradient_norm: step, throughput: 1 });
    await run.finish();
    const runDir = join(logDir, 'depth');
    const depths: number[] = [];
    for (const file of readdirSync(runDir))
      for (const event of readEventFile(join(runDir, file)).events)
        for (const value of event.summary?.value ?? [])
          if (value.tag === 'trainscope/queue_depth') depths.push(value.simpleValue ?? 0);
    expect(depths.length).toBeGreaterThan(1);
    // 4 entries per call (a header and 3 values): the writer, ~10x slower per call than the loop, finds most of
    // the burst waiting in the ring — far more than its own batch queue (16,384 values) could ever hold.
    const peak = Math.max(...depths);
    expect(peak).toBeGreaterThan(16_384);
    expect(peak).toBeLessThanOrEqual(4 * steps);
  });

  it('a ring too small for the burst drops lower priorities, never high, and the warning names logging.ringMiB', {
    timeout: 60_000,
  }, async () => {
    const steps = 60_000; // 180,000 entries into a ring of 65,536: the writer cannot keep up
    const stderr = captureStderr();
    let dropped: unknown;
    try {
      const run = await init({
        project: 'writer',
        name: 'small-ring',
        logLevel: 'warn',
        handleExit: false,
        tensorboard: { logDir: join(dir, 'small-ring') },
        wandb: false,
        profiling: { enabled: false },
        logging: { thread: 'worker', ringMiB: 1 },
      });
      for (let step = 0; step < steps; step++) run.log({ loss: step, gradient_norm: step, throughput: step });
      await run.finish();
      dropped = run.summary.get('trainscope/dropped');
    } finally {
      stderr.restore();
    }
    expect(stderr.text()).toContain(
      'the metrics queue is full (logging.ringMiB = 1 MiB: 65536 entries, one per value plus at most two per log() call)',
    );
    expect(dropped).toBeGreaterThan(0);
    const tags = Object.values(inspectLogDir(join(dir, 'small-ring')).runs)[0]?.tags ?? {};
    expect(tags.loss?.count).toBe(steps);
    expect(tags.throughput?.count ?? 0).toBeLessThan(steps);
  });
  it('a ring full of high values: log() waits for the writer, nothing is dropped, and the end summary counts the waits', {
    timeout: 60_000,
  }, async () => {
    const steps = 60_000; // 180,000 high values into a ring of 65,536: only waiting keeps them all
    const stderr = captureStderr();
    let dropped: unknown;
    try {
      const run = await init({
        project: 'writer',
        name: 'all-high',
        logLevel: 'info',
        handleExit: false,
        tensorboard: { logDir: join(dir, 'all-high') },
        wandb: false,
        profiling: { enabled: false },
        logging: { thread: 'worker', ringMiB: 1 },
      });
      for (let step = 0; step < steps; step++) {
        run.log({ loss: step, gradient_norm: step, throughput: step }, { priority: 'high' });
      }
      await run.finish();
      dropped = run.summary.get('trainscope/dropped') ?? 0;
    } finally {
      stderr.restore();
    }
    expect(dropped).toBe(0);
    const tags = Object.values(inspectLogDir(join(dir, 'all-high')).runs)[0]?.tags ?? {};
    expect([tags.loss?.count, tags.gradient_norm?.count, tags.throughput?.count]).toEqual([
      steps,
      steps,
      steps,
    ]);
    const waited = /log\(\) waited for it (\d+) times? \(([\d.]+) ms, included in the figures above\)/.exec(
      stderr.text(),
    );
    expect(waited, stderr.text()).not.toBeNull();
    expect(Number(waited?.[1])).toBeGreaterThan(0);
    expect(Number(waited?.[2])).toBeGreaterThan(0);
  });
});
