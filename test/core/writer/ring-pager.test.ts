import { describe, expect, it } from 'vitest';
import { RingPager } from '../../../src/core/writer/ring-pager.js';
import { SharedRing } from '../../../src/core/writer/shared-ring.js';

describe('RingPager (the writer touches the ring ahead of the training thread)', () => {
  it('never changes a value already written, and is done after one lap', () => {
    const ring = SharedRing.create(1 << 12);
    for (let i = 0; i < ring.capacity; i += 7) {
      ring.num[i] = i + 0.5;
      ring.code[i] = i * 8 + 3;
    }
    const pager = new RingPager(ring, 1 << 9);
    pager.keepAheadOf(0);
    expect(pager.done).toBe(false);
    pager.keepAheadOf(ring.capacity - 1);
    expect(pager.done).toBe(true);
    for (let i = 0; i < ring.capacity; i++) {
      const written = i % 7 === 0;
      expect(ring.num[i]).toBe(written ? i + 0.5 : 0);
      expect(ring.code[i]).toBe(written ? i * 8 + 3 : 0);
    }
  });

  it.runIf(process.platform === 'linux')('commits the pages it touches (and only as far as asked)', () => {
    const ring = SharedRing.create(SharedRing.entriesWithin(40)); // 24 MiB of entries, not yet committed
    const pager = new RingPager(ring, 0);
    const rss0 = process.memoryUsage().rss;
    pager.keepAheadOf(ring.capacity >> 2);
    const rss1 = process.memoryUsage().rss;
    pager.keepAheadOf(ring.capacity);
    const rss2 = process.memoryUsage().rss;
    const MiB = 2 ** 20;
    expect((rss1 - rss0) / MiB).toBeGreaterThan(4.5);
    expect((rss1 - rss0) / MiB).toBeLessThan(10.5);
    expect((rss2 - rss0) / MiB).toBeGreaterThan(22);
    expect(pager.done).toBe(true);
  });
});
