import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { tempRoot } from '../../helpers/child-process.js';
import { soakSize } from '../../helpers/soak-size.js';

const STEPS = soakSize(300_000, 300_000);
const { dir, cleanup } = tempRoot('trainscope-writer-');
afterEach(() => cleanup());

describe('writer thread: a loop that never yields', () => {
  it(`keeps every value of every priority (${STEPS} steps x 3 priorities, TensorBoard + W&B offline)`, {
    timeout: 120_000,
  }, async () => {
    const run = await init({
      project: 'writer',
      logLevel: 'silent',
      handleExit: false,
      tensorboard: { logDir: join(dir, 'tb') },
      wandb: { mode: 'offline', dir: join(dir, 'wb') },
      profiling: { enabled: false },
      logging: { queueCapacity: 1_000_000 },
    });
    for (let step = 0; step < STEPS; step++) {
      run.log({ loss: 1 / (step + 1), gradient_norm: step, throughput: step * 2 });
    }
    await run.finish();
    const tb = inspectLogDir(join(dir, 'tb'));
    console.log(JSON.stringify(tb).slice(0, 600));
    const wandbRoot = join(dir, 'wb', 'wandb');
    const runDir = readdirSync(wandbRoot).find((d) => d.startsWith('offline-run-')) as string;
    const file = readdirSync(join(wandbRoot, runDir)).find((f) => f.endsWith('.wandb')) as string;
    const records = readWandbFile(join(wandbRoot, runDir, file));
    console.log(JSON.stringify(records).slice(0, 600));
  });
});
