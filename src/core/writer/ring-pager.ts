import type { SharedRing } from './shared-ring.js';

/** Bytes of a memory page (the usual 4 KiB; a larger page only means more touches than needed). */
const PAGE_BYTES = 4096;

/**
 * Touches the ring's memory pages ahead of the training thread, from the writer thread, so that `log()` does not
 * pay the first write to each page (a page fault of several µs under load: they made `log()`'s p99 once the ring
 * grew to tens of MiB). The ring's memory is committed only as far as the training thread is about to write, so a
 * short run still takes little.
 *
 * A touch is `Atomics.compareExchange(word, 0, 0)`: a write access that faults the page in and never changes a
 * value, whichever thread writes there first. Once every page was touched (the first lap round the ring), it is
 * done for good.
 */
export class RingPager {
  /** Entries (from index 0) whose pages are resident. */
  private touched = 0;
  private readonly words: Int32Array;
  private readonly columns: readonly { readonly byteOffset: number; readonly bytesPerEntry: number }[];

  constructor(
    private readonly ring: SharedRing,
    /** How many entries beyond the training thread's write index to keep resident. */
    private readonly ahead: number,
  ) {
    this.words = new Int32Array(ring.buffer);
    this.columns = [ring.num, ring.code].map((column) => ({
      byteOffset: column.byteOffset,
      bytesPerEntry: column.BYTES_PER_ELEMENT,
    }));
  }

  /** Whether every page of the ring has been touched. */
  get done(): boolean {
    return this.touched >= this.ring.capacity;
  }

  /** Makes the pages resident up to `ahead` entries past `write` (the training thread's published index). */
  keepAheadOf(write: number): void {
    if (this.done) return;
    // Before the first lap the write index is below the capacity; after it, everything is touched.
    const until = Math.min(this.ring.capacity, (write >>> 0) + this.ahead);
    if (until <= this.touched) return;
    for (const { byteOffset, bytesPerEntry } of this.columns) {
      const from = byteOffset + this.touched * bytesPerEntry;
      const to = byteOffset + until * bytesPerEntry;
      for (let byte = from - (from % PAGE_BYTES) + PAGE_BYTES; byte < to; byte += PAGE_BYTES)
        this.touch(byte);
      this.touch(from);
    }
    this.touched = until;
  }

  private touch(byte: number): void {
    Atomics.compareExchange(this.words, byte >>> 2, 0, 0);
  }
}
