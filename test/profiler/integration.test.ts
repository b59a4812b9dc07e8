import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Backend, type MetricRow, type TableValue, emptyBackendStats, init } from '../../src/index.js';
import { Profiled, profileOperation } from '../../src/decorators/index.js';
import { Profiler } from '../../src/profiler/index.js';

class RecordingBackend implements Backend {
  readonly name = 'recording';
  readonly rows: MetricRow[] = [];
  async start(): Promise<void> {}
  write(rows: readonly MetricRow[]): void {
    this.rows.push(...rows);
  }
  async flush(): Promise<void> {}
  async finish(): Promise<void> {}
  stats() {
    return emptyBackendStats();
  }
  value(key: string): unknown[] {
    return this.rows.flatMap((r) => r.keys.flatMap((k, i) => (k === key ? [r.values[i]] : [])));
  }
}

class Trainer {
  @Profiled('Trainer.forward', { category: 'model' })
  forward(n: number): number {
    let x = 0;
    for (let i = 0; i < n; i++) x += Math.sqrt(i);
    return x;
  }

  @Profiled('Trainer.loadBatch', { category: 'data' })
  async loadBatch(): Promise<number> {
    await new Promise((resolve) => setImmediate(resolve));
    return 1;
  }
}

describe('profiler inside a real run', () => {
  it('receives decorator spans and logs timing, bottlenecks and a trace through init()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trainscope-profiler-run-'));
    const tracePath = join(dir, 'run.pt.trace.json');
    const backend = new RecordingBackend();
    const run = await init(
      {
        project: 'profiler-it',
        name: 'it',
        tensorboard: false,
        wandb: false,
        logLevel: 'silent',
        profiling: { reportEverySteps: 5, systemMetricsSecs: 0, gpu: 'off', trace: { path: tracePath } },
      },
      { backends: [backend] },
    );
    expect(run.profiler).toBeInstanceOf(Profiler);
    const trainer = new Trainer();
    for (let step = 0; step < 12; step++) {
      await trainer.loadBatch();
      trainer.forward(20_000);
      profileOperation('optimizer.step', 'optim', () => trainer.forward(100));
      run.log({ loss: 1 / (step + 1) });
    }
    await run.finish();

    const timing = backend.value('profiling/timing/Trainer.forward') as number[];
    expect(timing.length).toBeGreaterThanOrEqual(3); // steps 5 and 10, and finish
    for (const t of timing) expect(t).toBeGreaterThan(0);
    const operations = backend.value('profiling/operations')[0] as TableValue;
    const calls = Object.fromEntries(operations.rows.map((r) => [r[0], r[2]]));
    expect(calls).toMatchObject({ 'Trainer.forward': 24, 'Trainer.loadBatch': 12, 'optimizer.step': 12 });
    expect((backend.value('profiling/bottlenecks')[0] as TableValue).rows.length).toBeGreaterThan(0);
    const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as {
      traceEvents: { ph: string; name: string }[];
    };
    expect(trace.traceEvents.filter((e) => e.ph === 'X')).toHaveLength(48);
  });
});
