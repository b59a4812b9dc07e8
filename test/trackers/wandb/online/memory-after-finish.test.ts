import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { init } from '../../../../src/init.js';
import { type FakeWandbServer, startFakeWandbServer } from '../../../helpers/fake-wandb-server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Issue 12, finding 13: ~73 MB of ArrayBuffers stayed allocated after finish() following a burst with the W&B
 * backend. Measured here, what stays is the in-process fake server's record of every request body; once the
 * server is dropped, what trainscope keeps after finish() (the HTTP agents closed, queues and chunks released)
 * is small. This guards that.
 */
describe('W&B online: memory after finish()', () => {
  it('keeps less than 8 MB of ArrayBuffers after a 100,000-call burst', async () => {
    const key = 'memkey-0123456789abcdefghijklmnopqrstuvwxy';
    const dir = mkdtempSync(join(tmpdir(), 'trainscope-mem-'));
    let server: FakeWandbServer | undefined = await startFakeWandbServer({ apiKey: key });
    try {
      await settle();
      const before = process.memoryUsage().arrayBuffers;
      const run = await init({
        project: 'mem',
        tensorboard: false,
        wandb: { mode: 'online', dir, baseUrl: server.url, apiKey: key },
        profiling: { enabled: false },
        logLevel: 'error',
        handleExit: false,
      });
      for (let i = 0; i < 100_000; i++) {
        run.log({ loss: i, accuracy: i / 2, lr: 0.1 });
        if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
      }
      await run.finish();
      await server.close();
      server = undefined;
      await settle();
      const retained = process.memoryUsage().arrayBuffers - before;
      expect(retained).toBeLessThan(8 * 1024 * 1024);
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
