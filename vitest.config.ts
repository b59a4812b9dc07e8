import { defineConfig } from 'vitest/config';

/**
 * The default suite (`npm test`): every test, with the soak, SIGKILL and load tests at their small sizes
 * (test/helpers/soak-size.ts). `npm run test:reliability` runs those at full size (vitest.reliability.config.ts).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The consumer matrix (npm pack, an offline install, twelve projects built and run) is in the slower suite.
    exclude: ['test/consumers/**', '**/node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (cores - 1); most files here wait on child processes,
    // timers and I/O, so two keep both cores busy.
    maxWorkers: 2,
  },
});
