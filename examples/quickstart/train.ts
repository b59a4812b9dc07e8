/**
 * The README's quickstart: a toy trainer instrumented with trainscope's decorators.
 * Run with `npx tsx examples/quickstart/train.ts [outDir]`; it writes TensorBoard files and an offline W&B run.
 */
import { histogram, init, Priority, Profiled, TrackMetrics } from '../../src/index.js';

class Trainer {
  globalStep = 0;
  weight = 4;

  @Profiled('load_batch', { category: 'data' })
  loadBatch(): number[] {
    return Array.from({ length: 32 }, (_, i) => Math.sin(this.globalStep + i));
  }

  @Priority('high')
  @TrackMetrics({ prefix: 'training', every: 10, step: 'globalStep' })
  @Profiled('train_step', { category: 'model' })
  trainStep(batch: number[]): { loss: number; learning_rate: number; gradient_norm: number } {
    const lr = 0.1 * 0.99 ** this.globalStep;
    const gradient = 2 * this.weight;
    this.weight -= lr * gradient;
    const noise = batch.reduce((a, b) => a + b, 0) / batch.length / 100;
    return { loss: this.weight ** 2 + noise, learning_rate: lr, gradient_norm: Math.abs(gradient) };
  }

  @TrackMetrics({ prefix: 'validation', step: 'globalStep' })
  @Profiled('evaluate', { category: 'eval' })
  async evaluate(): Promise<{ loss: number; weights: ReturnType<typeof histogram> }> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return { loss: this.weight ** 2, weights: histogram([this.weight, this.weight / 2, 0], { bins: 8 }) };
  }
}

const outDir = process.argv[2] ?? '.';
const run = await init({
  project: 'quickstart',
  config: { learning_rate: 0.1, steps: 100 },
  logging: { level: 'medium' },
  profiling: { systemMetricsSecs: 0 },
  tensorboard: { logDir: `${outDir}/runs` },
  wandb: { mode: 'offline', dir: outDir },
});

const trainer = new Trainer();
for (trainer.globalStep = 0; trainer.globalStep < 100; trainer.globalStep++) {
  trainer.trainStep(trainer.loadBatch());
  if (trainer.globalStep % 25 === 0) await trainer.evaluate();
}
run.log({ 'final/weight': trainer.weight }, { step: 100 });
await run.finish();
