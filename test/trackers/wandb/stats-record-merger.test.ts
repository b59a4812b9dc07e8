import { describe, expect, it } from 'vitest';
import { type MergedStats, StatsRecordMerger } from '../../../src/trackers/wandb/stats-record-merger.js';

const START = 1_800_000_000_000;
const S = 1000;

function asObject(record: MergedStats | undefined): Record<string, string> | undefined {
  return record && Object.fromEntries(record.items.map((i) => [i.key, i.value_json]));
}

describe('StatsRecordMerger: one W&B stats record per publishing interval, as the official SystemMonitor', () => {
  it('a run shorter than two intervals has exactly one record, at finish: the aggregates and counters merged, later keys winning', () => {
    const merger = new StatsRecordMerger(START);
    expect(merger.system(['cpu', 'memory'], [10, 40], START + 30 * S)).toBeUndefined();
    expect(merger.counters(['trainscope.dropped'], [0], START + 35 * S)).toBeUndefined();
    // The profiler's finish: a partial aggregate, well within an interval of the previous one.
    expect(merger.system(['cpu'], [12.5], START + 44 * S)).toBeUndefined();
    expect(
      merger.counters(['trainscope.dropped', 'trainscope.log_calls'], [3, 100], START + 44 * S),
    ).toBeUndefined();
    const last = merger.final(START + 45 * S);
    expect(last?.timeMs).toBe(START + 45 * S);
    // First-seen key order, latest value: Python's dict.update over the queued aggregates.
    expect(last?.items).toEqual([
      { key: 'cpu', value_json: '12.5' },
      { key: 'memory', value_json: '40' },
      { key: 'trainscope.dropped', value_json: '3' },
      { key: 'trainscope.log_calls', value_json: '100' },
    ]);
    expect(merger.final(START + 46 * S)).toBeUndefined();
  });

  it('publishes from the second aggregate on, each with the counters queued since; the partial one waits for the end', () => {
    const merger = new StatsRecordMerger(START);
    expect(merger.system(['cpu'], [1], START + 30 * S)).toBeUndefined();
    expect(merger.counters(['trainscope.log_calls'], [10], START + 45 * S)).toBeUndefined();
    // Sampling jitter: a full aggregate a little less than an interval after the previous one still publishes.
    expect(asObject(merger.system(['cpu'], [2], START + 59.9 * S))).toEqual({
      cpu: '2',
      'trainscope.log_calls': '10',
    });
    expect(merger.counters(['trainscope.log_calls'], [20], START + 75 * S)).toBeUndefined();
    const third = merger.system(['cpu'], [3], START + 90 * S);
    expect(third?.timeMs).toBe(START + 90 * S);
    expect(asObject(third)).toEqual({ cpu: '3', 'trainscope.log_calls': '20' });
    expect(merger.system(['cpu'], [4], START + 92 * S)).toBeUndefined();
    expect(asObject(merger.final(START + 93 * S))).toEqual({ cpu: '4' });
  });

  it('without system aggregates, counters are published alone: the first two intervals after the start, then once per interval', () => {
    const merger = new StatsRecordMerger(START, 10 * S);
    expect(merger.counters(['trainscope.dropped'], [1], START + 5 * S)).toBeUndefined();
    expect(asObject(merger.counters(['trainscope.dropped'], [2], START + 20 * S))).toEqual({
      'trainscope.dropped': '2',
    });
    expect(merger.counters(['trainscope.dropped'], [3], START + 29 * S)).toBeUndefined();
    expect(asObject(merger.counters(['trainscope.queue_depth'], [7], START + 30 * S))).toEqual({
      'trainscope.dropped': '3',
      'trainscope.queue_depth': '7',
    });
    expect(merger.final(START + 31 * S)).toBeUndefined();
  });
});
