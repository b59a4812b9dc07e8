import { defineConfig } from 'vitest/config';

/**
 * The reliability suite (`npm run test:reliability`): the soak, SIGKILL, load and fault tests at full size
 * (TRAINSCOPE_SOAK=full, read by test/helpers/soak-size.ts). `npm test` runs the same tests smaller.
 */
export default defineConfig({
  test: {
    include: [
      'test/reliability/**/*.test.ts',
      'test/consumers/**/*.test.ts',
      'test/io/append-only-file-sigkill.test.ts',
      'test/trackers/tensorboard/crash-safety.test.ts',
      'test/trackers/wandb/offline/sigkill.test.ts',
    ],
    env: { TRAINSCOPE_SOAK: process.env.TRAINSCOPE_SOAK ?? 'full' },
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
