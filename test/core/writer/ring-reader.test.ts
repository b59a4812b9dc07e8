import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../src/core/metric-queue.js';
import { MetricSummary } from '../../../src/core/metric-summary.js';
import { RingReader } from '../../../src/core/writer/ring-reader.js';
import { isHeader, MAX_TIME_STEP, TIME_CODE } from '../../../src/core/writer/shared-ring.js';
import { ringWriterEnds } from '../../helpers/ring-writer-end.js';

const ends = ringWriterEnds();

/** Both ends of one ring: what `RingQueue` writes, `RingReader` hands to a drain that keeps every value. */
function bothEnds(entries = 64) {
  const { ring, channel, queue: writer, key } = ends.create(entries);
  const taken: { key: string; num: number; step: number; time: number; call: number }[] = [];
  const item = {} as QueueItem;
  const drain = () => {
    while (reader.shift(item))
      taken.push({
        key: item.key?.key ?? '',
        num: item.num,
        step: item.step,
        time: item.time,
        call: item.call,
      });
  };
  const reader: RingReader = new RingReader(ring, channel.port2, new MetricSummary(), drain, () => {});
  const read = () => taken.splice(0);
  return { ring, writer, reader, key, read };
}

describe('RingReader (the writer thread end of the ring)', () => {
  it('reads back each call time exactly: a time entry for the first call and after a long pause, else a step in the header', () => {
    const { ring, writer, reader, key, read } = bothEnds();
    const t0 = 1_796_400_543_123; // a Date.now() of these days: too far from 0 for a header's step
    const far = t0 + 2 ** 30;
    const times = [
      t0,
      t0,
      t0 + 7,
      t0 - 3,
      far,
      far + 1,
      far + 1 + MAX_TIME_STEP,
      far + 1,
      far + 2 + MAX_TIME_STEP,
    ];
    for (const [i, time] of times.entries()) {
      writer.push(key('loss'), i / 10, 0, { step: i, time, call: i % 2 === 0 ? i + 1 : -(i + 1) });
    }
    writer.publish();
    const codes = [...ring.code.subarray(0, 4)];
    expect(codes[0]).toBe(TIME_CODE);
    expect(codes.map(isHeader)).toEqual([false, true, false, true]);
    // Time entries: the first call, the 2^30 ms pause, and the step just past what a header holds (the steps of
    // exactly +MAX_TIME_STEP and -MAX_TIME_STEP ride in their headers).
    const timeEntries = [...ring.code.subarray(0, times.length * 2 + 3)].filter((c) => c === TIME_CODE);
    expect(timeEntries).toHaveLength(3);
    expect(reader.pump()).toBe(times.length * 2 + 3);
    const rows = read();
    expect(rows.map((r) => r.time)).toEqual(times);
    expect(rows.map((r) => r.step)).toEqual(times.map((_, i) => i));
    expect(rows.map((r) => r.num)).toEqual(times.map((_, i) => i / 10));
    // Call ids restart on the writer's side; the sign of a committing call crosses.
    expect(rows.map((r) => Math.sign(r.call))).toEqual(times.map((_, i) => (i % 2 === 0 ? 1 : -1)));
  });

  it('pump(limit) reads at most `limit` entries and the rest on the next pass, in order', () => {
    const { writer, reader, key, read } = bothEnds();
    for (let i = 0; i < 10; i++) writer.push(key('v'), i, 0, { step: i, time: 1000 + i, call: i + 1 });
    writer.publish();
    expect(reader.pump(7)).toBe(7);
    expect(reader.pump(7)).toBe(7);
    expect(reader.pump(7)).toBe(6);
    expect(read().map((r) => [r.step, r.num, r.time])).toEqual(
      Array.from({ length: 10 }, (_, i) => [i, i, 1000 + i]),
    );
  });
});
