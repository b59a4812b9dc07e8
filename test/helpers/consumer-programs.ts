/**
 * The small programs each consumer project runs: a decorated trainer (TypeScript) and the function API (plain
 * JavaScript), each logging `train/loss` = 1 / (step + 1) at steps 0–4 to TensorBoard (out/tb) and an offline
 * W&B run (out/wandb), checking that `currentRun()` is the run, then finishing.
 */

const OPTIONS = `{
  project: 'matrix',
  name: 'matrix',
  tensorboard: { logDir: 'out/tb' },
  wandb: { mode: 'offline', dir: 'out' },
  profiling: { systemMetricsSecs: 0 },
}`;

/** A decorated trainer; `entry` is how the program starts `main` (top-level await where the format allows). */
export function decoratedTrainer(entry: 'top-level-await' | 'main-call', preamble = ''): string {
  const start =
    entry === 'top-level-await'
      ? 'await main();'
      : 'main().catch((error: unknown) => {\n  console.error(error);\n  process.exit(1);\n});';
  return `${preamble}import { currentRun, init, Profiled, TrackMetrics } from 'trainscope';

class Trainer {
  globalStep = 0;

  @TrackMetrics({ prefix: 'train', step: 'globalStep' })
  @Profiled('train_step')
  trainStep(): { loss: number } {
    return { loss: 1 / (this.globalStep + 1) };
  }
}

async function main(): Promise<void> {
  const run = await init(${OPTIONS});
  if (currentRun() !== run) throw new Error('currentRun() is not the run init() returned');
  const trainer = new Trainer();
  for (trainer.globalStep = 0; trainer.globalStep < 5; trainer.globalStep++) trainer.trainStep();
  await run.finish();
  console.log('trained');
}

${start}
`;
}

/** The same trainer as a vitest test file (globals: no import of vitest needed). */
export function vitestTrainer(): string {
  return `import { currentRun, init, Profiled, TrackMetrics } from 'trainscope';

class Trainer {
  globalStep = 0;

  @TrackMetrics({ prefix: 'train', step: 'globalStep' })
  @Profiled('train_step')
  trainStep(): { loss: number } {
    return { loss: 1 / (this.globalStep + 1) };
  }
}

test('trains', async () => {
  const run = await init(${OPTIONS});
  expect(currentRun()).toBe(run);
  const trainer = new Trainer();
  for (trainer.globalStep = 0; trainer.globalStep < 5; trainer.globalStep++) trainer.trainStep();
  await run.finish();
});
`;
}

const FUNCTION_API_BODY = `class Trainer {
  trainStep(step) {
    return { loss: 1 / (step + 1) };
  }
}
const trainer = new Trainer();
let step = 0;
instrument(trainer, 'trainStep', { name: 'train_step', track: { prefix: 'train', step: () => step } });
const train = profiled((n) => n * 2, { name: 'double' });
for (step = 0; step < 5; step++) trainer.trainStep(step);
train(3);`;

/** Plain JavaScript ESM with the function API; also requires the package to check both see one module. */
export function functionApiEsm(): string {
  return `import { createRequire } from 'node:module';
import { currentRun, init, instrument, profiled } from 'trainscope';

const required = createRequire(import.meta.url)('trainscope');
const run = await init(${OPTIONS});
if (currentRun() !== run || required.currentRun() !== run) {
  throw new Error('import and require see different trainscope module instances');
}
${FUNCTION_API_BODY}
await run.finish();
console.log('trained');
`;
}

/** Plain JavaScript CommonJS with the function API; also imports the package to check both see one module. */
export function functionApiCjs(): string {
  return `const { currentRun, init, instrument, profiled } = require('trainscope');
require('trainscope/tensorboard');
require('trainscope/wandb');
require('trainscope/profiler');

async function main() {
  const imported = await import('trainscope');
  const run = await init(${OPTIONS});
  if (currentRun() !== run || imported.currentRun() !== run) {
    throw new Error('import and require see different trainscope module instances');
  }
${FUNCTION_API_BODY.replace(/^/gm, '  ')}
  await run.finish();
  console.log('trained');
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
}
