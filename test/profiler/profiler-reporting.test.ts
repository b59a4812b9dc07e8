import { describe, expect, it } from 'vitest';
import type { TableValue, TextValue } from '../../src/core/values.js';
import { BOTTLENECK_COLUMNS, BottleneckAnalyzer } from '../../src/profiler/bottleneck-analyzer.js';
import { OperationStats } from '../../src/profiler/operation-stats.js';
import { registerOperation } from '../../src/profiler/operations.js';
import { OPERATIONS_TABLE_COLUMNS, Profiler } from '../../src/profiler/profiler.js';
import { FakeHost } from '../helpers/fake-profiler-host.js';
import { profilingOptions } from '../helpers/profiling-options.js';

const base = profilingOptions({ memorySampleEvery: 1, reportEverySteps: 10 });

const MS = 1_000_000n;
const MB = 1024 * 1024;

describe('BottleneckAnalyzer', () => {
  function stats(id: number, name: string, durationsMs: number[]): OperationStats {
    const s = new OperationStats({ id, name, category: 'cat' });
    for (const d of durationsMs) s.record(d * 1e6, Number.NaN, false);
    return s;
  }

  it('ranks by total time, computes shares and applies the threshold', () => {
    const analyzer = new BottleneckAnalyzer(0.1);
    const ranked = analyzer.rank([
      stats(0, 'small', [1, 1, 2]), // 4 ms
      stats(1, 'big', [30, 30]), // 60 ms
      stats(2, 'middle', [10, 10, 10, 6]), // 36 ms
    ]);
    expect(ranked.map((r) => r.name)).toEqual(['big', 'middle', 'small']);
    expect(ranked.map((r) => r.share)).toEqual([0.6, 0.36, 0.04]);
    expect(ranked.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 12);
    const bottlenecks = analyzer.bottlenecks(ranked);
    expect(bottlenecks.map((r) => r.name)).toEqual(['big', 'middle']);
    const value = analyzer.table(bottlenecks);
    expect(value.columns).toEqual([
      'operation',
      'category',
      'calls',
      'total_ms',
      'mean_ms',
      'p95_ms',
      'share',
    ]);
    expect(value.rows[0]).toEqual(['big', 'cat', 2, 60, 30, expect.closeTo(30, 0) as number, 0.6]);
    expect(value.rows[1]?.slice(0, 5)).toEqual(['middle', 'cat', 4, 36, 9]);
    expect(analyzer.describe(ranked[0]!, 1)).toBe(
      '#1 big [cat]: 60.0% of profiled time, 2 calls, total 60.0 ms, mean 30.0 ms, p95 30.0 ms',
    );
  });

  it('reports share exactly at the threshold and nothing above a threshold of 1', () => {
    const ranked = new BottleneckAnalyzer(0.4).rank([stats(0, 'a', [40]), stats(1, 'b', [60])]);
    expect(new BottleneckAnalyzer(0.4).bottlenecks(ranked).map((r) => r.name)).toEqual(['b', 'a']);
    expect(new BottleneckAnalyzer(1).bottlenecks(ranked)).toEqual([]);
  });
});

describe('Profiler reporting through the host', () => {
  it('logs profiling/timing and profiling/memory every reportEverySteps steps, medium priority, commit false', async () => {
    const host = new FakeHost();
    const profiler = new Profiler(base);
    const load = registerOperation('Trainer.loadBatch', 'data');
    const forward = registerOperation('Trainer.forward', 'model');
    profiler.start(host);
    for (let step = 1; step <= 25; step++) {
      host.step = step;
      profiler.spans.record(load, BigInt(step) * 100n * MS, 2n * MS, Number.NaN, false);
      profiler.spans.record(forward, BigInt(step) * 100n * MS + 3n * MS, BigInt(step) * MS, 2 * MB, false);
      profiler.onStep(step);
    }
    const reports = host.logs.filter((l) => 'profiling/timing/Trainer.forward' in l.metrics);
    expect(reports.map((r) => r.step)).toEqual([10, 20]);
    for (const r of reports) expect(r.options).toEqual({ commit: false, priority: 'medium' });
    // Window 1: the spans of steps 1..10 (onStep(10) folds and reports after step 10 recorded its spans).
    expect(reports[0]?.metrics['profiling/timing/Trainer.forward']).toBeCloseTo((1 + 10) / 2, 9);
    expect(reports[0]?.metrics['profiling/timing/Trainer.loadBatch']).toBe(2);
    expect(reports[0]?.metrics['profiling/memory/Trainer.forward']).toBe(2);
    expect('profiling/memory/Trainer.loadBatch' in (reports[0]?.metrics ?? {})).toBe(false);
    expect(reports[1]?.metrics['profiling/timing/Trainer.forward']).toBeCloseTo((11 + 20) / 2, 9);

    host.step = 25;
    await profiler.finish();
    const last = host.logs.filter((l) => 'profiling/timing/Trainer.forward' in l.metrics).at(-1);
    expect(last?.metrics['profiling/timing/Trainer.forward']).toBeCloseTo((21 + 25) / 2, 9);
  });

  it('does not report again at finish when a periodic report already used the current step', async () => {
    const host = new FakeHost();
    const profiler = new Profiler(base);
    const op = registerOperation('report.same-step', 'test');
    profiler.start(host);
    host.step = 10;
    profiler.spans.record(op, 0n, MS, Number.NaN, false);
    profiler.onStep(10);
    // Calls after the report but before the step moves: a second report at step 10 would replace the first.
    profiler.spans.record(op, 0n, 3n * MS, Number.NaN, false);
    await profiler.finish();
    const reports = host.logs.filter(
      (l) =>
        'profiling/timing/test/report.same-step' in l.metrics ||
        'profiling/timing/report.same-step' in l.metrics,
    );
    expect(reports.map((r) => r.step)).toEqual([10]);
    // The later call is not lost: it is in the final statistics.
    expect(profiler.statistics().find((s) => s.operation.name === 'report.same-step')?.count).toBe(2);
  });

  it('reports again at the next multiple of reportEverySteps after the step goes back', () => {
    const host = new FakeHost();
    const profiler = new Profiler(base);
    const op = registerOperation('report.rewind', 'test');
    profiler.start(host);
    const reportedAt: number[] = [];
    for (const step of [5, 10, 37, 3, 8, 10, 12]) {
      host.step = step;
      profiler.spans.record(op, 0n, MS, Number.NaN, false);
      const before = host.logs.length;
      profiler.onStep(step);
      if (host.logs.length > before) reportedAt.push(step);
    }
    expect(reportedAt).toEqual([10, 37, 10]);
  });

  it('logs the bottleneck table, one text per bottleneck and the operations table at finish', async () => {
    const host = new FakeHost();
    const profiler = new Profiler({ ...base, reportEverySteps: 0, bottleneckThreshold: 0.2 });
    const a = registerOperation('report.slow', 'model');
    const b = registerOperation('report.medium', 'data');
    const c = registerOperation('report.fast', 'data');
    profiler.start(host);
    for (let i = 0; i < 10; i++) {
      profiler.spans.record(a, 0n, 7n * MS, Number.NaN, i === 0);
      profiler.spans.record(b, 0n, 2n * MS, MB, false);
      profiler.spans.record(c, 0n, MS, Number.NaN, false);
    }
    await profiler.finish();
    const final = host.logs.find((l) => 'profiling/bottlenecks' in l.metrics);
    expect(final?.options).toEqual({ commit: false, priority: 'medium' });
    const bottlenecks = final?.metrics['profiling/bottlenecks'] as TableValue;
    expect(bottlenecks.kind).toBe('table');
    expect(bottlenecks.columns).toEqual(BOTTLENECK_COLUMNS);
    expect(bottlenecks.rows).toEqual([
      ['report.slow', 'model', 10, 70, 7, 7, 0.7],
      ['report.medium', 'data', 10, 20, 2, 2, 0.2],
    ]);
    const first = final?.metrics['profiling/bottlenecks/bottleneck_1'] as TextValue;
    expect(first).toEqual({
      kind: 'text',
      text: '#1 report.slow [model]: 70.0% of profiled time, 10 calls, 1 failed, total 70.0 ms, mean 7.00 ms, p95 7.00 ms',
    });
    expect((final?.metrics['profiling/bottlenecks/bottleneck_2'] as TextValue | undefined)?.text).toContain(
      '#2 report.medium',
    );
    expect('profiling/bottlenecks/bottleneck_3' in (final?.metrics ?? {})).toBe(false);
    const operations = final?.metrics['profiling/operations'] as TableValue;
    expect(operations.columns).toEqual(OPERATIONS_TABLE_COLUMNS);
    expect(operations.rows.map((r) => r[0])).toEqual(['report.slow', 'report.medium', 'report.fast']);
    expect(operations.rows[1]).toEqual(['report.medium', 'data', 10, 0, 20, 2, 2, 2, 2, 2, 2, 1, 1]);
    expect(operations.rows[0]?.slice(11)).toEqual([null, null]);
    // Only-at-finish reporting covers the whole run.
    const timing = host.logs.find((l) => 'profiling/timing/report.slow' in l.metrics);
    expect(timing?.metrics['profiling/timing/report.slow']).toBe(7);
    expect(timing?.metrics['profiling/memory/report.medium']).toBe(1);

    const lines = profiler.describe();
    expect(lines[0]).toContain('3 operations, 30 calls');
    expect(lines[1]).toMatch(/^ {2}\s+operation\s+calls\s+total\s+mean\s+p95\s+share$/);
    expect(lines[2]).toMatch(/^ {2}\* report\.slow\s+10\s+70\.0 ms\s+7\.00 ms\s+7\.00 ms\s+70\.0%$/);
    expect(lines[4]).toMatch(/^ {4}report\.fast\s+10\s+10\.0 ms\s+1\.00 ms\s+1\.00 ms\s+10\.0%$/);
  });

  it('disambiguates operations that share a name across categories', async () => {
    const host = new FakeHost();
    const profiler = new Profiler({ ...base, reportEverySteps: 0 });
    const x = registerOperation('dup.step', 'train');
    const y = registerOperation('dup.step', 'eval');
    profiler.start(host);
    profiler.spans.record(x, 0n, MS, Number.NaN, false);
    profiler.spans.record(y, 0n, 3n * MS, Number.NaN, false);
    await profiler.finish();
    const timing = host.logs.find((l) => 'profiling/timing/train/dup.step' in l.metrics);
    expect(timing?.metrics['profiling/timing/train/dup.step']).toBe(1);
    expect(timing?.metrics['profiling/timing/eval/dup.step']).toBe(3);
  });

  it('finish is idempotent and logs nothing when no span was recorded', async () => {
    const host = new FakeHost();
    const profiler = new Profiler(base);
    profiler.start(host);
    const first = profiler.finish();
    expect(profiler.finish()).toBe(first);
    await first;
    expect(host.logs).toEqual([]);
    expect(profiler.describe()).toEqual(['Profiler: no profiled operations recorded.']);
  });
});
