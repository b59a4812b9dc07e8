import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { captureStderr } from '../../helpers/recording-backend.js';
import { tempDir } from '../../helpers/wandb-backend.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** `_step` and the other keys of every history record of the run's `.wandb` file. */
function historyOf(root: string): { step: number; keys: string[] }[] {
  const runs = join(root, 'wandb');
  const [name] = readdirSync(runs).filter((d) => d.startsWith('offline-run-'));
  if (name === undefined) throw new Error(`no offline run in ${root}`);
  const file = readdirSync(join(runs, name)).find((f) => f.endsWith('.wandb')) as string;
  return readWandbFile(join(runs, name, file))
    .records.filter((r) => r.type === 'history')
    .map((r) => {
      const items = r.history?.item ?? [];
      const step = JSON.parse(items.find((i) => i.key === '_step')?.value_json ?? 'null') as number;
      return { step, keys: items.map((i) => i.key as string).filter((k) => !k.startsWith('_')) };
    });
}

const BIG = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
const BIG_KEYS = Object.keys(BIG);

/**
 * The queue (16 values; the writer thread's ring 32 entries) is smaller than one `log()` call of 40 values, so the
 * call reaches W&B in two drains. Its row committed its step (no `step` given): the rest of the same call still
 * merges into it, while a separate later call at that step is dropped with W&B's warning.
 */
describe.each(['main', 'worker'] as const)("W&B step rule across drains (logging.thread '%s')", (thread) => {
  it('a call split across two drains is one row; a later call at its committed step is dropped once', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const stderr = captureStderr();
    try {
      const run = await init({
        project: 'split',
        tensorboard: false,
        wandb: { mode: 'offline', dir, runId: `split${thread.slice(0, 3)}` },
        profiling: { enabled: false },
        handleExit: false,
        logLevel: 'warn',
        logging: { thread, async: false, queueCapacity: 16 },
      });
      run.log(BIG, { priority: 'high' }); // step 0, committed: run.step is 1
      await new Promise((resolve) => setTimeout(resolve, 50)); // the writer thread drains in between
      run.log({ late: 1 }, { step: 0, priority: 'high' }); // step 0 was committed: dropped
      run.log({ late: 2 }, { step: 0, priority: 'high' }); // dropped too, no second warning
      run.log({ next: 1 }, { priority: 'high' }); // step 1
      await run.finish();
    } finally {
      stderr.restore();
    }
    expect(historyOf(dir)).toEqual([
      { step: 0, keys: BIG_KEYS },
      { step: 1, keys: ['next'] },
    ]);
    const warnings = stderr.text().match(/W&B accepts only increasing steps: a row at step 0 \(keys late\)/g);
    expect(warnings).toHaveLength(1);
  });
});
