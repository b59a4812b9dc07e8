/**
 * The memory the training thread and the writer thread share: a single-producer single-consumer ring of
 * entries in a `SharedArrayBuffer` (pino's `thread-stream` idea), plus a few control words. Both ends wrap the
 * same buffer in one `SharedRing`; `RingQueue` writes, `RingReader` reads.
 *
 * An entry is two columns at one index: `num` (f64) and `code` (i32) — 12 bytes, since every entry's memory is
 * paid once as a page fault on the ring's first lap: about 10 µs each on the development VM, and with 16-byte
 * entries (a tag and a meta word) the ring's pages were about half of the page faults of a 300,000-call
 * non-yielding loop.
 * - a value: `code` ≥ 0 is {@link valueCode} — the tag's id (interned once: see `RingQueue`) above three flags:
 *   {@link STARTS_CALL_FLAG}, {@link RICH_FLAG} (the value itself travels on the side port) and the priority —
 *   and `num` is the number. A value that starts a call stands for a header too: the call is in the previous
 *   call's millisecond, at its step + 1, and commits as it did (most calls of a loop: a call of three values is
 *   then three entries);
 * - a call header: `code` is {@link headerCode} — the call's time as whole ms after the previous header's and
 *   whether the call commits its step — and `num` is the step; the values after it form one row;
 * - a time entry ({@link TIME_CODE}) before a header whose time is not such a small whole step: `num` = the time
 *   (the header after it then says +0 ms);
 * - a call marker ({@link CALL_CODE}): a forwarded `BackendSet` call (on the side port) runs here, in order.
 *
 * Indices only grow (wrapping at 2^32 through `| 0`); the slot is `index & mask`, so the capacity is a power
 * of two and `(write - read) | 0` is the fill.
 */
export const STARTS_CALL_FLAG = 8;
export const RICH_FLAG = 4;
export const PRIORITY_MASK = 3;
/** Tag ids a value's code has room for (above its four flag bits). */
export const MAX_TAG_IDS = 2 ** 27;
/** A header's time step (ms) fits in its code when within ±2^27 (about 37 hours); else a time entry goes first. */
export const MAX_TIME_STEP = 2 ** 27 - 1;
/** Negative codes are the bitwise complement of a word whose low two bits say the kind of entry. */
const KIND_MASK = 3;
const KIND_HEADER = 0;
const KIND_TIME = 1;
const KIND_CALL = 2;
const COMMIT_BIT = 4;
export const TIME_CODE = ~KIND_TIME;
export const CALL_CODE = ~KIND_CALL;

/** A value's code: its tag id (below {@link MAX_TAG_IDS}), its flags and its priority. */
export function valueCode(tagId: number, priority: number, rich: boolean, startsCall = false): number {
  return (tagId << 4) | (startsCall ? STARTS_CALL_FLAG : 0) | (rich ? RICH_FLAG : 0) | priority;
}

/** A value code's tag id. */
export function valueTagId(code: number): number {
  return code >>> 4;
}

/** A header's code: its time step in ms (within ±{@link MAX_TIME_STEP}) and whether the call commits. */
export function headerCode(timeStep: number, commits: boolean): number {
  return ~(((timeStep + MAX_TIME_STEP + 1) << 3) | (commits ? COMMIT_BIT : 0) | KIND_HEADER);
}

/** Whether a (negative) code is a call header. */
export function isHeader(code: number): boolean {
  return code < 0 && (~code & KIND_MASK) === KIND_HEADER;
}

/** A header code's time step (ms). */
export function headerTimeStep(code: number): number {
  return (~code >>> 3) - (MAX_TIME_STEP + 1);
}

/** Whether a header code's call commits its step. */
export function headerCommits(code: number): boolean {
  return (~code & COMMIT_BIT) !== 0;
}

/**
 * Entries worth waking the writer for: below it the writer gathers (see `WriterService`), at it `log()` rings the
 * doorbell of a sleeping writer at once.
 */
export const WAKE_BATCH = 256;

/** Int32 control words. */
export const WRITE = 0;
export const READ = 1;
/** Bumped by the training thread to wake the writer (`Atomics.notify`). */
export const DOORBELL = 2;
/** 1 while the writer waits on the doorbell. */
export const SLEEPING = 3;
/** Exit code + 1 once the training thread asks for the synchronous exit flush. */
export const EXIT_REQUEST = 4;
/** 1 once the writer made everything durable for the exit. */
export const EXIT_ACK = 5;
export const DROPPED_LOW = 6;
export const DROPPED_MEDIUM = 7;
/** Bumped by the training thread for each synchronous flush it waits for (the run stays open). */
export const FLUSH_REQUEST = 8;
/** The last `FLUSH_REQUEST` the writer made durable. */
export const FLUSH_ACK = 9;
/** Why the run ends synchronously (set before `EXIT_REQUEST`): an index into `EXIT_REASONS`. */
export const EXIT_REASON = 10;
export const EXIT_REASONS = ['exit', 'exception', 'signal', 'finish'] as const;
const CONTROL_WORDS = 16;

/** Float64 figures the training thread publishes for the writer's `trainscope/*` rows. */
export const LOG_CALLS = 0;
export const LOG_NS_P50 = 1;
export const LOG_NS_P99 = 2;
const FIGURES = 8;
const HEAD_BYTES = CONTROL_WORDS * 4 + FIGURES * 8;
/** `num` (f64) + `code` (i32). */
const ENTRY_BYTES = 12;

export class SharedRing {
  readonly capacity: number;
  readonly mask: number;
  // Replaced only by `retire()`.
  control: Int32Array;
  figures: Float64Array;
  num: Float64Array;
  code: Int32Array;

  constructor(public buffer: SharedArrayBuffer) {
    const head = HEAD_BYTES;
    const capacity = (buffer.byteLength - head) / ENTRY_BYTES;
    if (!Number.isInteger(capacity) || capacity < 16 || (capacity & (capacity - 1)) !== 0)
      throw new RangeError(`not a trainscope ring buffer (${buffer.byteLength} bytes)`);
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.control = new Int32Array(buffer, 0, CONTROL_WORDS);
    this.figures = new Float64Array(buffer, CONTROL_WORDS * 4, FIGURES);
    this.num = new Float64Array(buffer, head, capacity);
    this.code = new Int32Array(buffer, head + capacity * 8, capacity);
  }

  /** A ring of at least `entries` entries (rounded up to a power of two). */
  static create(entries: number): SharedRing {
    let capacity = 16;
    while (capacity < entries) capacity *= 2;
    return new SharedRing(new SharedArrayBuffer(HEAD_BYTES + capacity * ENTRY_BYTES));
  }

  /** The most entries (a power of two, at least 16) whose ring takes at most `mib` MiB. */
  static entriesWithin(mib: number): number {
    const room = Math.floor(mib * 2 ** 20) - HEAD_BYTES;
    let capacity = 16;
    while (capacity * 2 * ENTRY_BYTES <= room) capacity *= 2;
    return capacity;
  }

  /**
   * Lets go of the ring's memory once the run is over (the writer has read everything and is gone; a finished run
   * may be held for long, and the ring can be tens of MiB): the entries become empty arrays, the control words
   * and figures keep their last values in a small buffer of their own. Nothing is written to the ring afterwards.
   */
  retire(): void {
    const small = new SharedArrayBuffer(HEAD_BYTES);
    const control = new Int32Array(small, 0, CONTROL_WORDS);
    const figures = new Float64Array(small, CONTROL_WORDS * 4, FIGURES);
    control.set(this.control);
    figures.set(this.figures);
    this.buffer = small;
    this.control = control;
    this.figures = figures;
    this.num = new Float64Array(0);
    this.code = new Int32Array(0);
  }

  /** Entries written and not yet read. */
  fill(): number {
    return (Atomics.load(this.control, WRITE) - Atomics.load(this.control, READ)) | 0;
  }

  /** Wakes the writer if it sleeps on the doorbell. */
  ring(): void {
    Atomics.add(this.control, DOORBELL, 1);
    Atomics.notify(this.control, DOORBELL);
  }
}
