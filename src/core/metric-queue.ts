import { PRIORITY_HIGH, PRIORITY_LOW, PRIORITY_MEDIUM, type MetricKey } from './priority-filter.js';
import type { CallOrigin } from './value-queue.js';

/** Marks a slot whose value is in the numeric column (so numbers are never boxed). */
const NUMERIC: unique symbol = Symbol('numeric');

const INITIAL_RING_SIZE = 1024;

/** What `push` did with a value. */
export const PUSHED = 0;
/** The incoming value was dropped (queue full of values at least as important). */
export const DROPPED = 1;
/** The queue is full of high-priority values: the caller must drain synchronously, then push again. */
export const MUST_DRAIN = 2;
export type PushResult = typeof PUSHED | typeof DROPPED | typeof MUST_DRAIN;

/** One FIFO of values of a single priority, in preallocated columns that grow by doubling. */
class PriorityRing {
  seq: Float64Array;
  call: Float64Array;
  step: Float64Array;
  time: Float64Array;
  num: Float64Array;
  ref: unknown[];
  key: (MetricKey | undefined)[];
  head = 0;
  size = 0;

  constructor(
    initial: number,
    private readonly max: number,
  ) {
    this.seq = new Float64Array(initial);
    this.call = new Float64Array(initial);
    this.step = new Float64Array(initial);
    this.time = new Float64Array(initial);
    this.num = new Float64Array(initial);
    this.ref = new Array<unknown>(initial).fill(undefined);
    this.key = new Array<MetricKey | undefined>(initial).fill(undefined);
  }

  get capacity(): number {
    return this.seq.length;
  }

  /** Index of the next free slot, growing the columns when needed (amortized, up to the queue capacity). */
  reserve(): number {
    if (this.size === this.seq.length) this.grow();
    let index = this.head + this.size;
    if (index >= this.seq.length) index -= this.seq.length;
    this.size++;
    return index;
  }

  /** Forgets the oldest slot (after it was read or evicted). */
  shift(): void {
    this.ref[this.head] = undefined;
    this.key[this.head] = undefined;
    this.head++;
    if (this.head === this.seq.length) this.head = 0;
    this.size--;
  }

  private grow(): void {
    const old = this.seq.length;
    const next = Math.min(Math.max(old * 2, 16), this.max);
    const move = <T extends Float64Array>(column: T, fresh: T): T => {
      for (let i = 0; i < this.size; i++) fresh[i] = column[(this.head + i) % old] as number;
      return fresh;
    };
    this.seq = move(this.seq, new Float64Array(next));
    this.call = move(this.call, new Float64Array(next));
    this.step = move(this.step, new Float64Array(next));
    this.time = move(this.time, new Float64Array(next));
    this.num = move(this.num, new Float64Array(next));
    const ref = new Array<unknown>(next).fill(undefined);
    const key = new Array<MetricKey | undefined>(next).fill(undefined);
    for (let i = 0; i < this.size; i++) {
      ref[i] = this.ref[(this.head + i) % old];
      key[i] = this.key[(this.head + i) % old];
    }
    this.ref = ref;
    this.key = key;
    this.head = 0;
  }
}

/** One value read back from the queue by the drain. The drain reuses one instance. */
export interface QueueItem {
  key: MetricKey | undefined;
  /** Whether the value is a number, in `num` (kept apart from `value` so doubles are not boxed). */
  isNumber: boolean;
  num: number;
  /** The value when it is not a number. */
  value: unknown;
  step: number;
  time: number;
  call: number;
  priority: number;
}

/**
 * The bounded hand-off between the trainer's thread and the background drain.
 *
 * `push` only copies the value (numbers into a `Float64Array`, anything else by reference: primitives are
 * immutable, rich values are immutable by contract, plain objects were flattened by the caller) into
 * preallocated columns: no encoding, no I/O, no allocation once the rings have grown.
 *
 * Capacity counts values across priorities. When full: an incoming low value is dropped; an incoming medium
 * evicts the oldest low, else it is dropped; an incoming high evicts the oldest low, else the oldest medium,
 * else `push` answers {@link MUST_DRAIN} and the caller drains synchronously (explicit back-pressure): high
 * values are never dropped. Every value carries a global sequence number, so the drain reads the three
 * per-priority rings back in call order.
 */
export class MetricQueue {
  readonly capacity: number;
  private readonly rings: [PriorityRing, PriorityRing, PriorityRing];
  private seq = 0;
  /** Values in the queue now. */
  size = 0;
  /** Largest `size` since `takePeak()` was last called. */
  private peak = 0;
  /** Largest `size` ever. */
  highWater = 0;
  /** Values dropped by the overflow policy, by priority (high is always 0). */
  readonly droppedByPriority = [0, 0, 0];
  dropped = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    const initial = Math.min(capacity, INITIAL_RING_SIZE);
    this.rings = [
      new PriorityRing(initial, capacity),
      new PriorityRing(initial, capacity),
      new PriorityRing(initial, capacity),
    ];
  }

  /** Copies one value in: a number into the numeric column (never boxed), anything else by reference. */
  push(key: MetricKey, value: unknown, priority: number, origin: CallOrigin): PushResult {
    if (this.size >= this.capacity && !this.makeRoom(priority))
      return priority === PRIORITY_HIGH ? MUST_DRAIN : DROPPED;
    const ring = this.rings[priority as 0 | 1 | 2];
    const i = ring.reserve();
    ring.seq[i] = this.seq++;
    ring.call[i] = origin.call;
    ring.step[i] = origin.step;
    ring.time[i] = origin.time;
    if (typeof value === 'number') {
      ring.num[i] = value;
      ring.ref[i] = NUMERIC;
    } else {
      ring.ref[i] = value;
    }
    ring.key[i] = key;
    if (++this.size > this.peak) this.peak = this.size;
    return PUSHED;
  }

  /**
   * Reads the oldest value (in push order, across priorities) into `out` and removes it.
   * @returns false when the queue is empty
   */
  shift(out: QueueItem): boolean {
    if (this.size === 0) return false;
    let best = -1;
    let bestSeq = Number.POSITIVE_INFINITY;
    for (let p = 0; p < 3; p++) {
      const ring = this.rings[p as 0 | 1 | 2];
      if (ring.size > 0 && (ring.seq[ring.head] as number) < bestSeq) {
        bestSeq = ring.seq[ring.head] as number;
        best = p;
      }
    }
    const ring = this.rings[best as 0 | 1 | 2];
    const h = ring.head;
    out.key = ring.key[h];
    const ref = ring.ref[h];
    if (ref === NUMERIC) {
      out.isNumber = true;
      out.num = ring.num[h] as number;
      out.value = undefined;
    } else {
      out.isNumber = false;
      out.value = ref;
    }
    out.step = ring.step[h] as number;
    out.time = ring.time[h] as number;
    out.call = ring.call[h] as number;
    out.priority = best;
    ring.shift();
    this.size--;
    return true;
  }

  /** The largest depth since the last call (for the `trainscope/queue_depth` self-metric). */
  takePeak(): number {
    const peak = this.peak;
    if (peak > this.highWater) this.highWater = peak;
    this.peak = this.size;
    return peak;
  }

  /** Evicts one value less important than `priority`; false when there is none (the incoming one loses). */
  private makeRoom(priority: number): boolean {
    if (priority === PRIORITY_LOW) {
      this.countDrop(PRIORITY_LOW);
      return false;
    }
    const low = this.rings[PRIORITY_LOW];
    if (low.size > 0) {
      low.shift();
      this.size--;
      this.countDrop(PRIORITY_LOW);
      return true;
    }
    if (priority === PRIORITY_MEDIUM) {
      this.countDrop(PRIORITY_MEDIUM);
      return false;
    }
    const medium = this.rings[PRIORITY_MEDIUM];
    if (medium.size > 0) {
      medium.shift();
      this.size--;
      this.countDrop(PRIORITY_MEDIUM);
      return true;
    }
    return false;
  }

  private countDrop(priority: number): void {
    this.dropped++;
    this.droppedByPriority[priority] = (this.droppedByPriority[priority] as number) + 1;
  }
}
