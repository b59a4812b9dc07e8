import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { bundleChild, removeBundle, startChild, tempRoot } from '../../helpers/child-process.js';

const STEPS = 20_000;
const KEYS = ['loss', 'gradient_norm', 'throughput'];
const { dir, cleanup } = tempRoot('trainscope-writer-exit-');
let script = '';
beforeAll(async () => {
  script = await bundleChild('writer-exit-child');
});
afterAll(() => {
  cleanup();
  removeBundle(script);
});

/** Per key: how many points TensorBoard's reader finds, and how many W&B history items the `.wandb` file holds. */
function readBack(root: string): {
  tb: Record<string, number>;
  wandb: Record<string, number>;
  damaged: boolean;
} {
  const tags = Object.values(inspectLogDir(join(root, 'tb')).runs)[0]?.tags ?? {};
  const runDir = readdirSync(join(root, 'wandb')).find((d) => d.startsWith('offline-run-')) as string;
  const file = readdirSync(join(root, 'wandb', runDir)).find((f) => f.endsWith('.wandb')) as string;
  const contents = readWandbFile(join(root, 'wandb', runDir, file));
  const tb: Record<string, number> = {};
  const wandb: Record<string, number> = {};
  for (const key of KEYS) {
    tb[key] = tags[key]?.count ?? 0;
    wandb[key] = 0;
  }
  for (const record of contents.records) {
    for (const item of record.history?.item ?? []) {
      const key = item.key ?? '';
      if (key in wandb) wandb[key] = (wandb[key] ?? 0) + 1;
    }
  }
  return { tb, wandb, damaged: contents.errors.length > 0 };
}

const all = (n: number) => Object.fromEntries(KEYS.map((k) => [k, n]));

describe('writer thread: what was logged is durable on every way out (child processes)', () => {
  it.each([
    ['exit', 3],
    ['throw', 1],
    ['sigint', 130],
  ])(
    '%s: every value logged in a loop that never yielded is in both files',
    { timeout: 90_000 },
    async (mode, code) => {
      const root = join(dir, mode);
      const child = startChild(script, [root, mode, String(STEPS)]);
      if (mode === 'sigint') {
        await child.waitFor(/^ready$/);
        child.child.kill('SIGINT');
      }
      const exited = await child.exited;
      expect(exited.code, child.stderr()).toBe(code);
      expect(child.stderr()).not.toMatch(/no worker threads|writer thread did not start/);
      const files = readBack(root);
      expect(files.tb).toEqual(all(STEPS));
      expect(files.wandb).toEqual(all(STEPS));
    },
  );

  it('SIGINT with the program’s own listener: the run stays open and everything logged is on disk at once', {
    timeout: 90_000,
  }, async () => {
    const root = join(dir, 'own-sigint');
    const child = startChild(script, [root, 'own-sigint', String(STEPS)]);
    await child.waitFor(/^ready$/);
    child.child.kill('SIGINT');
    await child.waitFor(/^signalled$/);
    // No finish, no exit: killed right after the signal, the files still hold every value logged before it.
    child.child.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    const files = readBack(root);
    expect(files.tb).toEqual(all(STEPS));
    expect(files.wandb).toEqual(all(STEPS));
  });

  it('SIGKILL after a flush: readable files holding every value up to the flush', {
    timeout: 90_000,
  }, async () => {
    const root = join(dir, 'kill');
    const child = startChild(script, [root, 'kill', String(STEPS)]);
    await child.waitFor(new RegExp(`^flushed ${STEPS}$`));
    child.child.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    const files = readBack(root);
    for (const key of KEYS) {
      expect(files.tb[key], key).toBeGreaterThanOrEqual(STEPS);
      expect(files.wandb[key], key).toBeGreaterThanOrEqual(STEPS);
    }
  });
});
