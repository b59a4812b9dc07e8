import { describe, expect, it } from 'vitest';
import { text } from '../../src/core/values.js';
import { isLegacyCall, isStandardCall } from '../../src/decorators/member-decorator.js';
import { selectMetrics } from '../../src/decorators/track-metrics.js';

describe('selectMetrics', () => {
  it('returns the object itself when every field is a metric (no copy on the hot path)', () => {
    const metrics = { loss: 0.1, nested: { a: 1, b: true }, note: text('hi'), big: 2n };
    const selection = selectMetrics(metrics);
    expect(selection?.metrics).toBe(metrics);
    expect(selection?.skipped).toEqual([]);
  });

  it('copies without the non-metric fields, at any depth, and names them', () => {
    const metrics = { a: 1, s: 'x', deep: { b: 2, f: () => 0, u: undefined }, z: 3 };
    const selection = selectMetrics(metrics);
    expect(selection?.metrics).toEqual({ a: 1, deep: { b: 2 }, z: 3 });
    expect(selection?.skipped).toEqual(['s (string)', 'deep/f (function)', 'deep/u (undefined)']);
    expect(metrics.s).toBe('x');
  });

  it('rejects values that are not objects of metrics', () => {
    for (const value of [undefined, null, 1, 'x', [1], text('t'), {}, { s: 'only strings' }, new Map()]) {
      expect(selectMetrics(value)).toBeUndefined();
    }
  });
});

describe('decorator call shapes', () => {
  it('tells standard, legacy and factory calls apart', () => {
    expect(isStandardCall([() => 0, { kind: 'method', name: 'm' }])).toBe(true);
    expect(isStandardCall([undefined, { kind: 'field', name: 'f' }])).toBe(true);
    expect(isLegacyCall([{}, 'm', { value: () => 0 }])).toBe(true);
    expect(isLegacyCall([class {}, Symbol('s'), undefined])).toBe(true);
    // Factory calls: @Profiled('name', {category}), @Profiled(undefined, {category}), @Profiled({category}).
    for (const args of [
      ['name', { category: 'io' }],
      [undefined, { category: 'io' }],
      [{ category: 'io' }],
    ]) {
      expect(isStandardCall(args)).toBe(false);
      expect(isLegacyCall(args)).toBe(false);
    }
  });
});
