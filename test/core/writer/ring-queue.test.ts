import { receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DROPPED, MUST_DRAIN, PUSHED } from '../../../src/core/metric-queue.js';
import {
  DROPPED_LOW,
  DROPPED_MEDIUM,
  headerCode,
  isHeader,
  READ,
  SharedRing,
  valueCode,
  WRITE,
} from '../../../src/core/writer/shared-ring.js';
import { text } from '../../../src/core/values.js';
import { ringWriterEnds } from '../../helpers/ring-writer-end.js';

const ends = ringWriterEnds();

function setup(entries = 64) {
  const { ring, channel, summary, queue, key } = ends.create(entries);
  const side = () => {
    const out: unknown[] = [];
    for (
      let m = receiveMessageOnPort(channel.port2);
      m !== undefined;
      m = receiveMessageOnPort(channel.port2)
    )
      out.push(m.message);
    return out;
  };
  return { ring, queue, key, side, summary };
}

describe('RingQueue (the training thread end of the writer ring)', () => {
  it('writes a header per call and numbers as entries; a tag crosses once; publish makes them visible', () => {
    const { ring, queue, key, side, summary } = setup();
    const loss = key('loss');
    expect(queue.push(loss, 0.5, 0, { step: 7, time: 1000, call: 1 })).toBe(PUSHED);
    expect(queue.push(key('acc'), 0.9, 1, { step: 7, time: 1000, call: 1 })).toBe(PUSHED);
    expect(queue.push(loss, 0.25, 0, { step: 8, time: 2000, call: 2 })).toBe(PUSHED);
    expect(Atomics.load(ring.control, WRITE)).toBe(0);
    queue.publish();
    expect(Atomics.load(ring.control, WRITE)).toBe(5);
    // Each header carries its time as whole ms after the previous header's; each value its tag id and priority.
    expect([...ring.code.subarray(0, 5)]).toEqual([
      headerCode(1000, false),
      valueCode(0, 0, false),
      valueCode(1, 1, false),
      headerCode(1000, false),
      valueCode(0, 0, false),
    ]);
    expect([...ring.code.subarray(0, 5)].map(isHeader)).toEqual([true, false, false, true, false]);
    expect(valueCode(1, 1, false)).toBe(0b10001);
    expect([...ring.num.subarray(0, 5)]).toEqual([7, 0.5, 0.9, 8, 0.25]);
    expect(side()).toEqual([
      { kind: 'tag', id: 0, tag: 'loss' },
      { kind: 'tag', id: 1, tag: 'acc' },
    ]);
    expect(summary.get('loss')).toBe(0.25);
  });

  it('hands rich values and non-numbers over the side port, sanitized', () => {
    const { ring, queue, key, side } = setup();
    queue.push(key('note'), 'hello', 2, { step: 0, time: 0, call: 1 });
    queue.push(key('flag'), true, 2, { step: 0, time: 0, call: 1 });
    queue.push(key('t'), text('x'), 2, { step: 0, time: 0, call: 1 });
    expect(ring.code[1]).toBe(valueCode(0, 2, true));
    expect(ring.code[2]).toBe(valueCode(1, 2, false));
    expect(ring.num[2]).toBe(1);
    const values = side().filter((m) => (m as { kind: string }).kind === 'value');
    expect(values).toEqual([
      { kind: 'value', value: { kind: 'text', text: 'hello' } },
      { kind: 'value', value: { kind: 'text', text: 'x' } },
    ]);
  });

  it('drops low below a quarter free, medium below an eighth, and never drops high (MUST_DRAIN when full)', () => {
    const { ring, queue, key } = setup(64);
    const k = key('v');
    let call = 0;
    let low = 0;
    while (queue.push(k, 1, 2, { step: 0, time: 0, call: ++call }) === PUSHED) low++;
    expect(queue.size).toBe(48); // 2 entries per call until only 16 (a quarter) would be left
    expect(low).toBe(24);
    expect(queue.push(k, 1, 2, { step: 0, time: 0, call: ++call })).toBe(DROPPED);
    let medium = 0;
    while (queue.push(k, 1, 1, { step: 0, time: 0, call: ++call }) === PUSHED) medium++;
    expect(queue.size).toBe(56);
    let high = 0;
    while (queue.push(k, 1, 0, { step: 0, time: 0, call: ++call }) === PUSHED) high++;
    expect(queue.size).toBe(64);
    expect(queue.push(k, 1, 0, { step: 0, time: 0, call: ++call })).toBe(MUST_DRAIN);
    expect(queue.droppedByPriority).toEqual([0, 1, 2]);
    expect(queue.dropped).toBe(3);
    expect(Atomics.load(ring.control, DROPPED_LOW)).toBe(2);
    expect(Atomics.load(ring.control, DROPPED_MEDIUM)).toBe(1);
    // The writer reads 10 entries: room again, for a high value first.
    Atomics.store(ring.control, READ, 10);
    expect(queue.push(k, 1, 0, { step: 0, time: 0, call: ++call })).toBe(PUSHED);
    expect(medium + high).toBeGreaterThan(0);
  });

  it('sizes the ring by logging.ringMiB: the largest power-of-two entries (12 bytes each) within the cap', () => {
    expect(SharedRing.entriesWithin(64)).toBe(2 ** 22); // 48 MiB of entries + the control words
    expect(SharedRing.entriesWithin(1)).toBe(2 ** 16);
    expect(SharedRing.entriesWithin(0.75)).toBe(2 ** 15);
    for (const mib of [1, 3, 64, 100]) {
      const ring = SharedRing.create(SharedRing.entriesWithin(mib));
      expect(ring.buffer.byteLength).toBeLessThanOrEqual(mib * 2 ** 20);
      expect(ring.capacity * 2 * 12).toBeGreaterThan(mib * 2 ** 20 - 128);
    }
  });

  it('retire() lets go of the entries and keeps the control words (a finished run holds no ring)', () => {
    const { ring, queue, key } = setup(1 << 16);
    for (let call = 1; call <= 10; call++) queue.push(key('v'), call, 0, { step: call, time: 0, call });
    queue.publish();
    Atomics.store(ring.control, READ, 4);
    expect(ring.buffer.byteLength).toBeGreaterThan(12 << 16);
    ring.retire();
    expect(ring.buffer.byteLength).toBeLessThan(1024);
    expect(ring.num.length + ring.code.length).toBe(0);
    expect(Atomics.load(ring.control, WRITE)).toBe(11); // a header, then each next step's value alone
    expect(queue.size).toBe(7);
  });
});
