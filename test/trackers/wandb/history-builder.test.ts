import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../../src/core/backend.js';
import { HistoryBuilder } from '../../../src/trackers/wandb/history-builder.js';
import { MemoryLogger } from '../../helpers/memory-logger.js';

function row(step: number, keys: string[], values: number[], time = 1000 + step): MetricRow {
  return { step, time, channel: 'history', keys, values };
}

describe('HistoryBuilder (W&B step rule)', () => {
  it('merges rows at one step and completes a row when the step increases', () => {
    const out: MetricRow[] = [];
    const builder = new HistoryBuilder((r) => out.push(r));
    builder.add(row(0, ['a', 'b'], [1, 2], 10));
    builder.add(row(0, ['b', 'c'], [20, 3], 12));
    expect(out).toEqual([]);
    builder.add(row(3, ['a'], [4]));
    expect(out).toEqual([
      { step: 0, time: 12, channel: 'history', keys: ['a', 'b', 'c'], values: [1, 20, 3] },
    ]);
    builder.flush();
    expect(out.map((r) => r.step)).toEqual([0, 3]);
    expect(out[1]?.keys).toEqual(['a']);
  });

  it('a committed row completes its step: a later row at that step is dropped (log({a}) then log({b}, {step: 0}))', () => {
    const out: MetricRow[] = [];
    const logger = new MemoryLogger();
    const builder = new HistoryBuilder((r) => out.push(r), logger);
    builder.add(row(0, ['x'], [0])); // log({x}, {commit: false}) at 0: pending
    builder.add({ ...row(0, ['a'], [1]), commit: true }); // log({a}): merged, committed, step 1
    expect(builder.currentStep).toBe(1);
    builder.add(row(0, ['b'], [2])); // log({b}, {step: 0}): dropped, as the official client does
    expect(out.map((r) => [r.step, r.keys])).toEqual([[0, ['x', 'a']]]);
    builder.add(row(1, ['c'], [3]));
    builder.flush();
    expect(out.map((r) => [r.step, r.keys])).toEqual([
      [0, ['x', 'a']],
      [1, ['c']],
    ]);
    expect(builder.droppedRows).toBe(1);
    expect(logger.lines.filter((l) => l.message.includes('row at step 0'))).toHaveLength(1);
  });

  it('the rest of a committed call (`continues`, a drain fell inside it) merges into its row; another call does not', () => {
    const out: MetricRow[] = [];
    const logger = new MemoryLogger();
    const builder = new HistoryBuilder((r) => out.push(r), logger);
    builder.add({ ...row(0, ['a', 'b'], [1, 2]), commit: true }); // log({a, b, c, d}): first drain
    builder.add({ ...row(0, ['c'], [3]), commit: true, continues: true }); // second drain
    builder.add({ ...row(0, ['d'], [4]), commit: true, continues: true }); // third drain
    builder.add(row(0, ['late'], [5])); // log({late}, {step: 0}): dropped
    builder.add({ ...row(1, ['e'], [6]), commit: true }); // log({e, f}) at 1, split
    builder.flush(); // a flush between its two drains
    builder.add({ ...row(1, ['f'], [7]), commit: true, continues: true }); // kept: a second row at step 1
    builder.add(row(1, ['late'], [8])); // dropped
    builder.add(row(2, ['g'], [9]));
    builder.flush();
    expect(out.map((r) => [r.step, r.keys, r.values])).toEqual([
      [0, ['a', 'b', 'c', 'd'], [1, 2, 3, 4]],
      [1, ['e'], [6]],
      [1, ['f'], [7]],
      [2, ['g'], [9]],
    ]);
    // A row nothing merged into is passed on as it came (its marks mean nothing past the builder); merged ones are new.
    expect(out[1]?.commit).toBe(true);
    expect(out[0]?.commit === undefined && out[0]?.continues === undefined).toBe(true);
    expect(builder.droppedRows).toBe(2);
    expect(logger.messages('warn')).toHaveLength(1);
    expect(logger.messages('warn')[0]).toContain('a row at step 0 (keys late)');
  });

  it('drops a lower step with one warning and counts every drop', () => {
    const out: MetricRow[] = [];
    const logger = new MemoryLogger();
    const builder = new HistoryBuilder((r) => out.push(r), logger);
    builder.add(row(5, ['a'], [1]));
    builder.add(row(2, ['a', 'b'], [9, 9]));
    builder.flush();
    builder.add(row(4, ['a'], [9]));
    expect(out.map((r) => [r.step, ...r.values])).toEqual([[5, 1]]);
    expect(builder.droppedRows).toBe(2);
    expect(builder.droppedValues).toBe(3);
    const warnings = logger.messages('warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('step 2');
    expect(warnings[0]).toContain('after step 5');
  });

  it('keeps a row logged at the same step after a flush', () => {
    const out: MetricRow[] = [];
    const builder = new HistoryBuilder((r) => out.push(r));
    builder.add(row(1, ['a'], [1]));
    builder.flush();
    builder.add(row(1, ['b'], [2]));
    builder.flush();
    expect(out.map((r) => [r.step, r.keys[0]])).toEqual([
      [1, 'a'],
      [1, 'b'],
    ]);
    expect(builder.droppedRows).toBe(0);
  });

  it('drops a row whose step is not a finite integer', () => {
    const out: MetricRow[] = [];
    const logger = new MemoryLogger();
    const builder = new HistoryBuilder((r) => out.push(r), logger);
    builder.add(row(Number.NaN, ['a'], [1]));
    builder.add(row(Number.POSITIVE_INFINITY, ['a'], [1]));
    builder.add(row(2, ['a'], [1]));
    builder.flush();
    expect(out.map((r) => r.step)).toEqual([2]);
    expect(builder.droppedRows).toBe(2);
    expect(logger.messages('warn')).toHaveLength(1);
  });
});
