import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../src/core/metric-queue.js';
import { MetricSummary } from '../../../src/core/metric-summary.js';
import { RingReader } from '../../../src/core/writer/ring-reader.js';
import {
  isHeader,
  MAX_TIME_STEP,
  STARTS_CALL_FLAG,
  TIME_CODE,
} from '../../../src/core/writer/shared-ring.js';
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

  it('a call at the next step in the same millisecond, committing as the one before, takes no header', () => {
    const { ring, writer, reader, key, read } = bothEnds();
    const calls: [number, number, number, string[]][] = [
      [5, 100, -1, ['a', 'b']], // a header (the first call)
      [6, 100, -2, ['a', 'b']], // no header: its first value starts it
      [7, 100, -3, ['a']], // no header
      [7, 100, -4, ['a']], // the same step: a header
      [8, 100, 5, ['a']], // does not commit: a header
      [9, 100, 6, ['a']], // no header
      [10, 101, 7, ['a']], // a millisecond later: a header
    ];
    let n = 0;
    for (const [step, time, call, keys] of calls)
      for (const k of keys) writer.push(key(k), n++, 0, { step, time, call });
    writer.publish();
    // Per entry: H a header, S a value that starts its call, v any other value; one group per call.
    const kinds = [...ring.code.subarray(0, 13)]
      .map((c) => (isHeader(c) ? 'H' : (c & STARTS_CALL_FLAG) !== 0 ? 'S' : 'v'))
      .join('');
    expect(kinds).toBe(['Hvv', 'Sv', 'S', 'Hv', 'Hv', 'S', 'Hv'].join(''));
    expect(reader.pump()).toBe(13);
    const rows = read();
    expect(rows.map((r) => [r.key, r.num, r.step, r.time])).toEqual([
      ['a', 0, 5, 100],
      ['b', 1, 5, 100],
      ['a', 2, 6, 100],
      ['b', 3, 6, 100],
      ['a', 4, 7, 100],
      ['a', 5, 7, 100],
      ['a', 6, 8, 100],
      ['a', 7, 9, 100],
      ['a', 8, 10, 101],
    ]);
    // Each call its own id (the values of one call share it), with the sign of its commit.
    const ids = rows.map((r) => r.call);
    expect(ids.map(Math.sign)).toEqual([-1, -1, -1, -1, -1, -1, 1, 1, 1]);
    expect(new Set(ids).size).toBe(calls.length);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
  });

  it('reads calls without headers across drain batches (the batch ends where a call starts)', () => {
    const { writer, reader, key, read } = bothEnds(1 << 13);
    for (let step = 0; step < 3000; step++)
      for (const k of ['x', 'y']) writer.push(key(k), step, 0, { step, time: 5, call: -(step + 1) });
    writer.publish();
    expect(reader.pump()).toBe(1 + 6000); // one header, then the values alone
    const rows = read();
    expect(rows.map((r) => r.step)).toEqual(Array.from({ length: 6000 }, (_, i) => i >> 1));
    expect(rows.every((r) => r.num === r.step && r.time === 5)).toBe(true);
    expect(new Set(rows.map((r) => r.call)).size).toBe(3000);
  });

  it('pump(limit) reads `limit` entries and the rest of the call that crosses it, the rest on the next pass, in order', () => {
    const { writer, reader, key, read } = bothEnds();
    for (let i = 0; i < 10; i++) writer.push(key('v'), i, 0, { step: i, time: 1000 + i, call: i + 1 });
    writer.publish();
    // Each call is a header and a value: a pass never ends between them.
    expect(reader.pump(7)).toBe(8);
    expect(reader.pump(7)).toBe(8);
    expect(reader.pump(7)).toBe(4);
    expect(read().map((r) => [r.step, r.num, r.time])).toEqual(
      Array.from({ length: 10 }, (_, i) => [i, i, 1000 + i]),
    );
  });

  it('a pass ends where a call starts, whatever its limit (headerless calls of three values)', () => {
    const { writer, reader, key, read } = bothEnds(1 << 12);
    for (let step = 1; step <= 100; step++)
      for (const k of ['a', 'b', 'c']) writer.push(key(k), step, 0, { step, time: 9, call: -step });
    writer.publish();
    const passes: number[] = [];
    for (let n = reader.pump(10); n > 0; n = reader.pump(10)) passes.push(n);
    // The first pass: the header and three calls (10 entries, the limit); then four calls (12) per pass.
    expect(passes[0]).toBe(10);
    expect(passes.slice(1, -1).every((n) => n === 12)).toBe(true);
    expect(passes.reduce((a, b) => a + b)).toBe(301);
    const rows = read();
    expect(rows.map((r) => r.step)).toEqual(Array.from({ length: 300 }, (_, i) => 1 + Math.floor(i / 3)));
  });
});
