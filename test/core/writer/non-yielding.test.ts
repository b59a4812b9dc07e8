import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { tempRoot } from '../../helpers/child-process.js';
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
});
