import { endianness } from 'node:os';
import type { SpanSink } from '../core/run-handle.js';

const TWO_32 = 4294967296;
const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * Receives the spans the background fold takes out of the ring, oldest first. Times are nanoseconds as doubles:
 * exact below 2^53 ns (104 days of `hrtime` uptime), within a few ns beyond.
 */
export interface SpanConsumer {
  consume(
    operation: number,
    startNs: number,
    durationNs: number,
    heapDelta: number,
    failed: boolean,
    step: number,
  ): void;
}

/**
 * Where a span goes when the ring is full: folded straight into its operation's statistics (O(1)), so counts,
 * totals and quantiles stay exact; only the Chrome trace misses it (counted in `SpanRing.bypassed`).
 */
export type SpanOverflowHandler = (
  operation: number,
  durationNs: bigint,
  heapDelta: number,
  failed: boolean,
) => void;

/**
 * The profiler's `SpanSink`: a single-producer ring of preallocated typed arrays. `record` runs on the trainer's
 * call stack and only stores six numbers (no allocation, no hashing); `fold` runs in the background (step, timer,
 * finish) and hands the spans to a `SpanConsumer`. Memory is fixed at construction (37 bytes per slot).
 *
 * Overflow policy: a span is never overwritten before it is folded. When the ring is full, `record` hands the span
 * to the overflow handler instead, which updates statistics immediately; such a span is missing from the trace only.
 */
export class SpanRing implements SpanSink {
  readonly capacity: number;
  /** The run's current step, stamped on every span (set by the profiler on `onStep`). */
  step = 0;
  /** Spans that went to the overflow handler because the ring was full. */
  bypassed = 0;
  /** When false, `record` ignores spans (the run has finished). */
  accepting = true;
  private readonly mask: number;
  private readonly operations: Int32Array;
  private readonly starts: BigInt64Array;
  private readonly durations: BigInt64Array;
  private readonly heapDeltas: Float64Array;
  private readonly failures: Uint8Array;
  private readonly steps: Float64Array;
  /** 32-bit views of the bigint columns: the fold reads them without allocating a BigInt per value. */
  private readonly startWords: Uint32Array;
  private readonly durationWords: Uint32Array;
  private writeIndex = 0;
  private readIndex = 0;

  constructor(
    capacity: number,
    private readonly onOverflow: SpanOverflowHandler,
  ) {
    let size = 1;
    while (size < capacity) size *= 2;
    this.capacity = size;
    this.mask = size - 1;
    this.operations = new Int32Array(size);
    this.starts = new BigInt64Array(size);
    this.durations = new BigInt64Array(size);
    this.heapDeltas = new Float64Array(size);
    this.failures = new Uint8Array(size);
    this.steps = new Float64Array(size);
    this.startWords = new Uint32Array(this.starts.buffer);
    this.durationWords = new Uint32Array(this.durations.buffer);
  }

  /** Spans written and not yet folded. */
  get pending(): number {
    return this.writeIndex - this.readIndex;
  }

  /** Spans written into the ring since construction (bypassed ones excluded). */
  get written(): number {
    return this.writeIndex;
  }

  record(operation: number, startNs: bigint, durationNs: bigint, heapDelta: number, failed: boolean): void {
    if (!this.accepting) return;
    const w = this.writeIndex;
    if (w - this.readIndex >= this.capacity) {
      this.bypassed++;
      this.onOverflow(operation, durationNs, heapDelta, failed);
      return;
    }
    const i = w & this.mask;
    this.operations[i] = operation;
    this.starts[i] = startNs;
    this.durations[i] = durationNs;
    this.heapDeltas[i] = heapDelta;
    this.failures[i] = failed ? 1 : 0;
    this.steps[i] = this.step;
    this.writeIndex = w + 1;
  }

  /** Hands every pending span to `consumer`, oldest first, and frees their slots. Returns how many. */
  fold(consumer: SpanConsumer): number {
    const end = this.writeIndex;
    let r = this.readIndex;
    const n = end - r;
    for (; r < end; r++) {
      const i = r & this.mask;
      // Advance first, so a consumer that throws loses one span, never the ring.
      this.readIndex = r + 1;
      consumer.consume(
        this.operations[i] as number,
        this.readNs(this.starts, this.startWords, i),
        this.readNs(this.durations, this.durationWords, i),
        this.heapDeltas[i] as number,
        this.failures[i] === 1,
        this.steps[i] as number,
      );
    }
    return n;
  }

  /** Slot `i` of a bigint column as a double, from its two 32-bit halves (two's complement). */
  private readNs(column: BigInt64Array, words: Uint32Array, i: number): number {
    if (!LITTLE_ENDIAN) return Number(column[i] as bigint);
    const high = words[2 * i + 1] as number;
    const low = words[2 * i] as number;
    return high >= 0x80000000 ? (high - TWO_32) * TWO_32 + low : high * TWO_32 + low;
  }
}
