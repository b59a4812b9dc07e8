import { describe, expect, it } from 'vitest';
import {
  bucketBounds,
  bucketIndex,
  LogLinearHistogram,
  QUANTILE_RELATIVE_ERROR,
} from '../../src/profiler/log-linear-histogram.js';
import { OperationStats } from '../../src/profiler/operation-stats.js';
import { exactQuantile, seededRandom } from '../helpers/fake-profiler-host.js';

const op = { id: 0, name: 'Trainer.forward', category: 'model' };

function checkQuantiles(values: number[]): void {
  const h = new LogLinearHistogram();
  for (const v of values) h.record(v);
  const sorted = values.map(Math.floor).sort((a, b) => a - b);
  for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1]) {
    const exact = exactQuantile(sorted, q);
    const estimate = h.quantile(q);
    expect(Math.abs(estimate - exact), `q=${q} exact=${exact} estimate=${estimate}`).toBeLessThanOrEqual(
      exact * QUANTILE_RELATIVE_ERROR + 1e-9,
    );
  }
}

describe('LogLinearHistogram', () => {
  it('documents a relative error of 1/128', () => {
    expect(QUANTILE_RELATIVE_ERROR).toBe(1 / 128);
  });

  it('maps values to contiguous buckets whose width is at most 1/64 of their lower edge', () => {
    let previous = -1;
    const violations: number[] = [];
    for (let v = 0; v < 100_000; v++) {
      const index = bucketIndex(v);
      const { lower, width } = bucketBounds(index);
      const contiguous = index === previous || index === previous + 1;
      const inside = v >= lower && v < lower + width;
      const narrow = v < 128 ? width === 1 : width / lower <= 1 / 64;
      if (!contiguous || !inside || !narrow) violations.push(v);
      previous = index;
    }
    expect(violations).toEqual([]);
    // The 32-bit fast path and the wide path meet without a gap at 2^32.
    expect(bucketIndex(2 ** 32)).toBe(bucketIndex(2 ** 32 - 1) + 1);
    expect(bucketBounds(bucketIndex(2 ** 32)).lower).toBe(2 ** 32);
    for (const v of [2 ** 31, 2 ** 32 + 12345, 3.6e12, 2 ** 50 - 1]) {
      const { lower, width } = bucketBounds(bucketIndex(v));
      expect(v >= lower && v < lower + width).toBe(true);
    }
  });

  it('is exact for small integers', () => {
    const h = new LogLinearHistogram();
    for (const v of [3, 1, 4, 1, 5, 9, 2, 6]) h.record(v);
    expect(h.quantile(0.5)).toBe(3);
    expect(h.quantile(1)).toBe(9);
    expect(h.min).toBe(1);
    expect(h.max).toBe(9);
    expect(h.count).toBe(8);
  });

  it('meets the error bound on uniform durations (1 µs – 10 ms)', () => {
    const random = seededRandom(1);
    checkQuantiles(Array.from({ length: 20_000 }, () => 1_000 + random() * 10_000_000));
  });

  it('meets the error bound on skewed (log-normal and Pareto) durations', () => {
    const random = seededRandom(7);
    const logNormal = Array.from({ length: 20_000 }, () => {
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return Math.exp(13 + 1.5 * z);
    });
    checkQuantiles(logNormal);
    const pareto = Array.from({ length: 20_000 }, () => 50_000 / (1 - random()) ** (1 / 1.2));
    checkQuantiles(pareto);
  });

  it('keeps memory bounded: one hour of ns needs under 2,500 buckets', () => {
    const h = new LogLinearHistogram();
    h.record(3.6e12);
    expect(h.bucketCount).toBeLessThanOrEqual(2_432);
    h.record(1e30);
    expect(h.bucketCount).toBeLessThanOrEqual(3_456);
    expect(h.max).toBe(1e30);
  });
});

describe('OperationStats', () => {
  it('keeps exact count, errors, total, min, max and mean', () => {
    const stats = new OperationStats(op);
    const durations = [2_000_000, 4_000_000, 6_000_000, 1_000_000, 12_000_000];
    for (const [i, d] of durations.entries()) stats.record(d, Number.NaN, i === 1);
    expect(stats.count).toBe(5);
    expect(stats.errors).toBe(1);
    expect(stats.totalNs).toBe(25_000_000);
    expect(stats.totalMs).toBe(25);
    expect(stats.meanMs).toBe(5);
    expect(stats.minMs).toBe(1);
    expect(stats.maxMs).toBe(12);
    expect(stats.p50Ms).toBeCloseTo(4, 1);
    expect(Math.abs(stats.p95Ms - 12) / 12).toBeLessThanOrEqual(QUANTILE_RELATIVE_ERROR);
    expect(stats.heapSamples).toBe(0);
    expect(Number.isNaN(stats.meanHeapDelta)).toBe(true);
  });

  it('averages heap growth over sampled calls only, and windows reset', () => {
    const stats = new OperationStats(op);
    stats.record(1_000_000, 2 * 1024 * 1024, false);
    stats.record(3_000_000, Number.NaN, false);
    stats.record(2_000_000, 4 * 1024 * 1024, false);
    expect(stats.meanHeapDelta).toBe(3 * 1024 * 1024);
    expect(stats.maxHeapDelta).toBe(4 * 1024 * 1024);
    const window = stats.takeWindow();
    expect(window).toEqual({ calls: 3, meanMs: 2, meanHeapDeltaMb: 3, heapSamples: 2 });
    stats.record(10_000_000, Number.NaN, false);
    const next = stats.takeWindow();
    expect(next.calls).toBe(1);
    expect(next.meanMs).toBe(10);
    expect(Number.isNaN(next.meanHeapDeltaMb)).toBe(true);
    expect(stats.count).toBe(4);
  });
});
