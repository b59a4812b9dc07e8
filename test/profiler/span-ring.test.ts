import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerOperation } from '../../src/profiler/operations.js';
import { Profiler } from '../../src/profiler/profiler.js';
import { type SpanConsumer, SpanRing } from '../../src/profiler/span-ring.js';
import { FakeHost } from '../helpers/fake-profiler-host.js';
import { profilingOptions } from '../helpers/profiling-options.js';

const options = profilingOptions({ memorySampleEvery: 1 });

function collector(): SpanConsumer & { spans: [number, number, number, number, boolean, number][] } {
  const spans: [number, number, number, number, boolean, number][] = [];
  return { spans, consume: (...args) => spans.push(args) };
}

describe('SpanRing', () => {
  it('rounds capacity up to a power of two and folds spans in order with their step', () => {
    const ring = new SpanRing(5, () => {});
    expect(ring.capacity).toBe(8);
    ring.step = 3;
    ring.record(1, 100n, 10n, Number.NaN, false);
    ring.step = 4;
    ring.record(2, 200n, 20n, 512, true);
    const c = collector();
    expect(ring.fold(c)).toBe(2);
    expect(c.spans[0]?.slice(0, 3)).toEqual([1, 100, 10]);
    expect(Number.isNaN(c.spans[0]?.[3])).toBe(true);
    expect(c.spans[0]?.[5]).toBe(3);
    expect(c.spans[1]).toEqual([2, 200, 20, 512, true, 4]);
    expect(ring.pending).toBe(0);
  });

  it('wraps around many times without losing or reordering spans', () => {
    const ring = new SpanRing(8, () => {
      throw new Error('must not overflow');
    });
    const c = collector();
    for (let i = 0; i < 1000; i++) {
      ring.record(i % 3, BigInt(i), BigInt(i + 1), Number.NaN, false);
      if (i % 7 === 6) ring.fold(c);
    }
    ring.fold(c);
    expect(c.spans.map((s) => Number(s[1]))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(ring.bypassed).toBe(0);
  });

  it('reads 64-bit times back exactly (both 32-bit halves, and negative values)', () => {
    const ring = new SpanRing(8, () => {});
    const values = [
      0n,
      1n,
      2n ** 32n - 1n,
      2n ** 32n,
      2n ** 40n + 5n,
      2n ** 53n - 1n,
      -7n,
      -(2n ** 33n) - 3n,
    ];
    for (const v of values) ring.record(0, v, v < 0n ? -v : v, Number.NaN, false);
    const c = collector();
    ring.fold(c);
    expect(c.spans.map((s) => s[1])).toEqual(values.map(Number));
    expect(c.spans.map((s) => s[2])).toEqual(values.map((v) => Number(v < 0n ? -v : v)));
  });

  it('never overwrites an unfolded span: a full ring hands spans to the overflow handler', () => {
    const overflowed: [number, bigint][] = [];
    const ring = new SpanRing(4, (op, durationNs) => overflowed.push([op, durationNs]));
    for (let i = 0; i < 10; i++) ring.record(7, BigInt(i), BigInt(100 + i), Number.NaN, false);
    expect(ring.bypassed).toBe(6);
    expect(overflowed).toEqual([
      [7, 104n],
      [7, 105n],
      [7, 106n],
      [7, 107n],
      [7, 108n],
      [7, 109n],
    ]);
    const c = collector();
    ring.fold(c);
    expect(c.spans.map((s) => s[2])).toEqual([100, 101, 102, 103]);
  });
});

describe('Profiler span accounting under overload', () => {
  it('counts every span exactly when far more spans arrive than the ring holds', async () => {
    const host = new FakeHost();
    const profiler = new Profiler(
      { ...options, trace: { path: join(mkdtempSync(join(tmpdir(), 'trainscope-ring-')), 't.json') } },
      { ringCapacity: 64 },
    );
    const op = registerOperation('ring.overload', 'test');
    profiler.start(host);
    let expectedTotal = 0;
    for (let i = 0; i < 10_000; i++) {
      const d = 1_000 + (i % 100);
      expectedTotal += d;
      profiler.spans.record(op, BigInt(i * 2_000), BigInt(d), i % 4 === 0 ? 1024 : Number.NaN, i % 10 === 0);
    }
    await profiler.finish();
    const stats = profiler.statistics().find((s) => s.operation.id === op);
    expect(stats?.count).toBe(10_000);
    expect(stats?.totalNs).toBe(expectedTotal);
    expect(stats?.errors).toBe(1_000);
    expect(stats?.heapSamples).toBe(2_500);
    expect(stats?.minNs).toBe(1_000);
    expect(stats?.maxNs).toBe(1_099);
    expect(profiler.spans.bypassed).toBe(10_000 - 64);
    expect(profiler.describe().join('\n')).toContain('9,936 spans arrived while the span ring was full');
  });

  it('ignores spans after finish and unknown operation ids', async () => {
    const host = new FakeHost();
    const profiler = new Profiler(options);
    profiler.start(host);
    profiler.spans.record(1_000_000, 0n, 10n, Number.NaN, false);
    await profiler.finish();
    const op = registerOperation('ring.late', 'test');
    profiler.spans.record(op, 0n, 10n, Number.NaN, false);
    expect(profiler.statistics()).toEqual([]);
  });
});
