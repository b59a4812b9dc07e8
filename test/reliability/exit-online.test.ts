import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectLogDir } from '../../src/trackers/tensorboard/inspect-log-dir.js';
import { readWandbFile } from '../../src/trackers/wandb/offline/read-wandb-file.js';
import { type FakeWandbServer, startFakeWandbServer } from '../helpers/fake-wandb-server.js';
import { bundleChild, removeBundle, startChild, tempRoot } from '../helpers/child-process.js';

const KEY = 'exitkey-0123456789abcdefghijklmnopqrstuv';
const { dir, cleanup } = tempRoot('trainscope-rel-exit-');
let script = '';
beforeAll(async () => {
  script = await bundleChild('both-backends-child');
});
afterAll(() => {
  cleanup();
  removeBundle(script);
});

interface Ended {
  code: number | null;
  root: string;
  server: FakeWandbServer;
  stderr: string;
}

async function runMode(mode: string): Promise<Ended> {
  const server = await startFakeWandbServer({ apiKey: KEY });
  const root = join(dir, mode);
  const handle = startChild(script, [root, mode, server.url], { RELIABILITY_KEY: KEY });
  if (mode.startsWith('sig')) {
    await handle.waitFor(/^ready$/);
    handle.child.kill(mode.toUpperCase() as NodeJS.Signals);
  }
  const { code } = await handle.exited;
  return { code, root, server, stderr: handle.stderr() };
}

/** The TensorBoard steps of `loss` and the `.wandb` history steps and exit code. */
function localFiles(root: string) {
  const tb = inspectLogDir(join(root, 'tb'));
  const runDir = readdirSync(join(root, 'wandb')).find((n) => n.startsWith('run-')) as string;
  const wandb = readWandbFile(join(root, 'wandb', runDir, 'run-exitrun1.wandb'));
  return {
    tbErrors: tb.errors + tb.warnings,
    tbSteps: (tb.runs.both?.tags.loss?.points ?? []).map((p) => p.step),
    wandbErrors: [...wandb.errors, ...wandb.warnings],
    wandbSteps: wandb.records.filter((r) => r.type === 'history').map((r) => r.history?.step?.num),
    exitCode: wandb.records.find((r) => r.type === 'exit')?.exit?.exit_code ?? 0,
    last: wandb.records.at(-1)?.type,
  };
}

const STEPS = Array.from({ length: 50 }, (_, i) => i + 1);

describe('ending a process with both backends on, W&B online (fake server)', { timeout: 60_000 }, () => {
  it.each([
    ['sigterm', 143],
    ['sigint', 130],
    ['sighup', 129],
    ['throw', 1],
    ['reject', 1],
    ['exit', 3],
  ] as const)('%s: exit code %i everywhere, files flushed, user handlers ran', async (mode, expected) => {
    const { code, root, server, stderr } = await runMode(mode);
    try {
      expect(code, stderr).toBe(expected);
      const files = localFiles(root);
      expect(files.tbErrors).toBe(0);
      expect(files.tbSteps).toEqual(STEPS);
      expect(files.wandbErrors).toEqual([]);
      expect(files.wandbSteps).toEqual(STEPS);
      expect(files.exitCode).toBe(expected);
      expect(files.last).toBe('footer');
      const handlers = readFileSync(join(root, 'user-handlers.log'), 'utf8');
      expect(handlers).toContain(`exit ${expected}`);
      if (mode === 'exit' || mode === 'throw' || mode === 'reject') {
        // process.exit() and a fatal error leave no time for the network (no user code may run after a fatal
        // error, and a slow network must not keep a crashed process alive): the local log has it all.
        if (mode !== 'exit') expect(stderr).toContain('npx trainscope sync');
        expect(stderr).not.toContain(KEY);
        return;
      }
      // W&B is told over the wire: complete with the non-zero exit code, every row once.
      const run = server.run('exitrun1');
      expect(run.complete).toBe(true);
      expect(run.exitCode).toBe(expected);
      const steps = server.historyLines('exitrun1').map((l) => (JSON.parse(l) as { _step: number })._step);
      expect(steps).toEqual(STEPS);
      expect(stderr).not.toContain(KEY);
    } finally {
      await server.close();
    }
  });
});
