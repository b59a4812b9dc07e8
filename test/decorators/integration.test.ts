import { describe, expect, it } from 'vitest';
import {
  type Backend,
  type MetricRow,
  Priority,
  Profiled,
  TrackMetrics,
  emptyBackendStats,
  init,
  profileOperation,
} from '../../src/index.js';

class RecordingBackend implements Backend {
  readonly name = 'recording';
  readonly rows: MetricRow[] = [];
  async start(): Promise<void> {}
  write(rows: readonly MetricRow[]): void {
    for (const row of rows) this.rows.push({ ...row, keys: [...row.keys], values: [...row.values] });
  }
  async flush(): Promise<void> {}
  async finish(): Promise<void> {}
  stats() {
    return emptyBackendStats();
  }
}

class Trainer {
  globalStep = 0;

  @Profiled({ category: 'model' })
  forward(): number {
    return 0.5;
  }

  @Priority('high')
  @TrackMetrics({ prefix: 'training', step: 'globalStep' })
  @Profiled()
  async trainStep(): Promise<{ loss: number; accuracy: number }> {
    const loss = this.forward();
    await new Promise((resolve) => setImmediate(resolve));
    this.globalStep++;
    return { loss, accuracy: 1 - loss / this.globalStep };
  }

  @TrackMetrics({ prefix: 'debug', step: 'globalStep' })
  @Priority('low')
  debugStats(): { grad_norm: number } {
    return { grad_norm: 3 };
  }
}

function valuesOf(backend: RecordingBackend, key: string): [number, unknown][] {
  return backend.rows
    .filter((row) => row.channel === 'history')
    .flatMap((row) =>
      row.keys.flatMap((k, i) => (k === key ? [[row.step, row.values[i]] as [number, unknown]] : [])),
    );
}

describe('decorators inside a real run', () => {
  it('log tracked metrics at the trainer step, honour @Priority with logging.level, and feed the profiler', async () => {
    const backend = new RecordingBackend();
    const run = await init(
      {
        project: 'decorators-it',
        name: 'it',
        tensorboard: false,
        wandb: false,
        logLevel: 'silent',
        handleExit: false,
        logging: { level: 'high' },
        profiling: { reportEverySteps: 0, systemMetricsSecs: 0, gpu: 'off' },
      },
      { backends: [backend] },
    );
    const trainer = new Trainer();
    for (let i = 0; i < 3; i++) {
      await trainer.trainStep();
      trainer.debugStats();
      profileOperation('data_loading', 'data', () => i);
    }
    await run.finish();

    expect(valuesOf(backend, 'training/loss')).toEqual([
      [1, 0.5],
      [2, 0.5],
      [3, 0.5],
    ]);
    expect(valuesOf(backend, 'training/accuracy').map(([step]) => step)).toEqual([1, 2, 3]);
    // Low priority is filtered out by logging.level 'high'.
    expect(valuesOf(backend, 'debug/grad_norm')).toEqual([]);
    // The profiler's own metrics are medium priority (filtered here too); its end-of-run table lists the spans.
    const table = run.profiler!.describe().join('\n');
    for (const op of ['Trainer.forward', 'Trainer.trainStep', 'data_loading']) {
      expect(table).toMatch(new RegExp(`${op}\\s+3\\b`));
    }
  });
});
