import { rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import {
  type FakeWandbServer,
  type FakeWandbServerOptions,
  startFakeWandbServer,
} from './fake-wandb-server.js';
import { tempDir } from './wandb-backend.js';

/**
 * The setup the W&B tests share: a fake W&B server and temporary folders made inside a test, closed and removed
 * after each test (registered with `afterEach` when called at the top of a test file).
 */
export function fakeWandbPerTest(apiKey: string): {
  /** Options override the file's key (`{ apiKey: undefined }`: a server that takes any key). */
  start(options?: FakeWandbServerOptions): Promise<FakeWandbServer>;
  /** The server `start()` gave this test (for helpers shared by the tests of a file). */
  current(): FakeWandbServer;
  dir(): string;
} {
  let server: FakeWandbServer | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await server?.close();
    server = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return {
    async start(options: FakeWandbServerOptions = {}) {
      server = await startFakeWandbServer({ apiKey, ...options });
      return server;
    },
    current() {
      if (server === undefined) throw new Error('fakeWandbPerTest: start() the server first');
      return server;
    },
    dir() {
      const d = tempDir();
      dirs.push(d);
      return d;
    },
  };
}
