import type { MessagePort } from 'node:worker_threads';
import type { Logger } from '../backend.js';
import { DROPPED, MUST_DRAIN, type PushResult, PUSHED } from '../metric-queue.js';
import type { MetricSummary, TagSlot } from '../metric-summary.js';
import { type MetricKey, PRIORITY_HIGH, PRIORITY_LOW, PRIORITY_MEDIUM } from '../priority-filter.js';
import type { CallOrigin, ValueQueue } from '../value-queue.js';
import { sanitizeValue } from '../value-sanitizer.js';
import type { MetricValue } from '../values.js';
import {
  CALL_CODE,
  DROPPED_LOW,
  DROPPED_MEDIUM,
  headerCode,
  MAX_TAG_IDS,
  MAX_TIME_STEP,
  READ,
  type SharedRing,
  TIME_CODE,
  valueCode,
  WRITE,
} from './shared-ring.js';
import { errorMessage } from '../error-message.js';

/** What travels on the side port, in the order the ring refers to it. */
export type SideMessage =
  | { readonly kind: 'tag'; readonly id: number; readonly tag: string }
  | { readonly kind: 'value'; readonly value: MetricValue }
  | {
      readonly kind: 'call';
      readonly id: number;
      readonly method: string;
      readonly args: readonly unknown[];
    };

/**
 * The training thread's end of the shared ring (`ValueQueue` for `MetricRecorder`): a number costs two
 * typed-array writes; a tag string crosses once (interned to an id, sent on the side port when first seen); a
 * value that is not a number is sanitized here (so its warning names the call site's run) and handed over with
 * `postMessage` (a structured clone, ~3 µs: fine for text, histograms and tables). Nothing blocks.
 *
 * Overflow, only when the writer thread genuinely cannot keep up: a low value is dropped when less than a
 * quarter of the ring is free, a medium one when less than an eighth is free (so lows never crowd out the
 * others); a high value answers `MUST_DRAIN` when the ring is full, and the caller waits for room (`WriterDrain`).
 * The run summary's latest values are kept here, at enqueue time.
 */
export class RingQueue implements ValueQueue {
  readonly capacity: number;
  readonly droppedByPriority = [0, 0, 0];
  dropped = 0;
  highWater = 0;
  private peak = 0;
  /** The next index to write; published to the writer by {@link publish}. */
  private write = 0;
  /** The call of the last value written; 0 is no call (call ids are never 0; negative ones commit). */
  private lastCall = 0;
  /**
   * The writer's read index as last loaded: the room it leaves is a lower bound of the real room, so `push` checks
   * against it and loads the shared word (a cache line the writer thread keeps writing) only when that is short.
   */
  private knownRead = 0;
  /** The time of the last header written (headers carry their time as a step from it). */
  private lastTime = 0;
  /** The step of the last call written. */
  private lastStep = 0;
  /** Tag ids handed out (a slot keeps its own, see `tagId`). */
  private tagCount = 0;
  private nextCallId = 0;

  constructor(
    private readonly ring: SharedRing,
    private readonly side: MessagePort,
    private readonly latest: MetricSummary,
    private readonly logger: Logger,
    /** The ring's size as the queue-full warning names it. */
    readonly sizedBy?: { readonly option: string; readonly value: string },
  ) {
    this.capacity = ring.capacity;
  }

  get size(): number {
    return (this.write - Atomics.load(this.ring.control, READ)) | 0;
  }

  /** Free entries right now. */
  get free(): number {
    return this.capacity - this.size;
  }

  push(key: MetricKey, value: unknown, priority: number, origin: CallOrigin): PushResult {
    const slot = key.slot as TagSlot;
    let num = 0;
    let rich: MetricValue | undefined;
    if (typeof value === 'number') num = value;
    else {
      const sanitized = sanitizeValue(value, slot.tag, this.logger);
      if (sanitized === undefined) return PUSHED;
      if (typeof sanitized === 'number') num = sanitized;
      else rich = sanitized;
    }
    // A value of the current call is one entry. A new call adds a header (2), or a header and a time entry when its
    // time is not a small whole-millisecond step from the previous call's (3) — except the usual call of a loop:
    // in the previous call's millisecond, at the next step, committing as it did. Its first value says so itself.
    let need = 1;
    let timeStep = 0;
    let startsCall = false;
    const call = origin.call;
    if (call !== this.lastCall) {
      timeStep = origin.time - this.lastTime;
      if (
        timeStep === 0 &&
        this.lastCall !== 0 &&
        origin.step === this.lastStep + 1 &&
        call < 0 === this.lastCall < 0
      ) {
        startsCall = true;
      } else {
        need = timeStep >= -MAX_TIME_STEP && timeStep <= MAX_TIME_STEP && Number.isInteger(timeStep) ? 2 : 3;
      }
    }
    const reserve =
      priority === PRIORITY_LOW ? this.capacity >> 2 : priority === PRIORITY_MEDIUM ? this.capacity >> 3 : 0;
    if (this.capacity - ((this.write - this.knownRead) | 0) - need < reserve) {
      this.knownRead = Atomics.load(this.ring.control, READ);
      if (this.free - need < reserve) {
        if (priority === PRIORITY_HIGH) return MUST_DRAIN;
        this.countDrop(priority);
        return DROPPED;
      }
    }
    const id = this.tagId(slot);
    if (id < 0) return PUSHED;
    const ring = this.ring;
    if (need > 1) this.writeHeader(origin, need === 2 ? timeStep : 0, need === 3);
    const i = this.write & ring.mask;
    if (rich === undefined) {
      ring.code[i] = valueCode(id, priority, false, startsCall);
      ring.num[i] = num;
      this.latest.update(slot, num);
    } else {
      if (!this.post({ kind: 'value', value: rich })) return PUSHED;
      ring.code[i] = valueCode(id, priority, true, startsCall);
      this.latest.update(slot, rich);
    }
    if (startsCall) {
      this.lastCall = call;
      this.lastStep = origin.step;
    }
    this.write = (this.write + 1) | 0;
    return PUSHED;
  }

  private writeHeader(origin: CallOrigin, timeStep: number, timeEntry: boolean): void {
    const ring = this.ring;
    const time = origin.time;
    if (timeEntry) {
      const t = this.write & ring.mask;
      ring.code[t] = TIME_CODE;
      ring.num[t] = time;
      this.write = (this.write + 1) | 0;
    }
    const h = this.write & ring.mask;
    // A committing call (negative id) closes its step in W&B: the writer needs the sign, not the id.
    ring.code[h] = headerCode(timeStep, origin.call < 0);
    ring.num[h] = origin.step;
    this.write = (this.write + 1) | 0;
    this.lastCall = origin.call;
    this.lastStep = origin.step;
    this.lastTime = time;
  }

  /**
   * Queues a forwarded `BackendSet` call behind everything logged so far (the writer runs it at this point of
   * the ring). False when the ring is full: the caller waits for room and tries again.
   */
  mark(method: string, args: readonly unknown[]): number | false {
    if (this.free < 1) return false;
    const id = ++this.nextCallId;
    if (!this.post({ kind: 'call', id, method, args })) return 0;
    const i = this.write & this.ring.mask;
    this.ring.code[i] = CALL_CODE;
    this.write = (this.write + 1) | 0;
    this.lastCall = 0;
    return id;
  }

  /** Makes everything written so far visible to the writer thread. */
  publish(): void {
    Atomics.store(this.ring.control, WRITE, this.write);
    // The depth once per call (not per value): one load of the writer's index.
    this.knownRead = Atomics.load(this.ring.control, READ);
    const size = (this.write - this.knownRead) | 0;
    if (size > this.peak) this.peak = size;
  }

  takePeak(): number {
    const peak = this.peak;
    if (peak > this.highWater) this.highWater = peak;
    this.peak = this.size;
    return peak;
  }

  /**
   * The slot's id in this ring (kept on the slot: one field read per value instead of a map lookup); -1, with one
   * warning, past the ids a code has room for (2^28 distinct tags in one run).
   */
  private tagId(slot: TagSlot): number {
    let id = slot.ringId;
    if (id < 0) {
      if (this.tagCount >= MAX_TAG_IDS) {
        this.logger.warnOnce(
          'writer-tags',
          `more than ${MAX_TAG_IDS} distinct metric names in one run: values of new names are not logged`,
        );
        return -1;
      }
      id = this.tagCount++;
      slot.ringId = id;
      this.post({ kind: 'tag', id, tag: slot.tag });
    }
    return id;
  }

  private post(message: SideMessage): boolean {
    try {
      this.side.postMessage(message);
      return true;
    } catch (error) {
      const reason = errorMessage(error);
      this.logger.warnOnce('writer-clone', `a value could not be handed to the writer thread: ${reason}`);
      return false;
    }
  }

  private countDrop(priority: number): void {
    this.dropped++;
    this.droppedByPriority[priority] = (this.droppedByPriority[priority] as number) + 1;
    const control = this.ring.control;
    Atomics.store(
      control,
      priority === PRIORITY_LOW ? DROPPED_LOW : DROPPED_MEDIUM,
      this.droppedByPriority[priority] as number,
    );
  }
}
