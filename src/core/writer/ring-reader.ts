import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { DrainSource } from '../drain-loop.js';
import type { QueueItem } from '../metric-queue.js';
import type { MetricSummary } from '../metric-summary.js';
import type { MetricKey } from '../priority-filter.js';
import type { QueueFigures } from '../value-queue.js';
import type { MetricValue } from '../values.js';
import { RingPager } from './ring-pager.js';
import type { SideMessage } from './ring-queue.js';
import {
  CALL_CODE,
  DROPPED_LOW,
  DROPPED_MEDIUM,
  headerCommits,
  headerTimeStep,
  isHeader,
  PRIORITY_MASK,
  READ,
  RICH_FLAG,
  type SharedRing,
  STARTS_CALL_FLAG,
  TIME_CODE,
  valueTagId,
  WRITE,
} from './shared-ring.js';

/** A `BackendSet` call forwarded from the training thread. */
export type ForwardedCall = Extract<SideMessage, { kind: 'call' }>;

/** Entries read between two publications of the read index (frees room for the producer as it goes). */
const RELEASE_EVERY = 1024;

/**
 * How far ahead of the training thread the ring's pages are made resident (entries; at most an eighth of the
 * ring): 1 MiB, what the trainer writes in about 10 ms of a non-yielding loop, far more than between two reads
 * (every `RELEASE_EVERY` entries). Pages touched past the last entry ever written are pure cost (a fault each).
 */
const PAGER_LEAD = 1 << 16;

/**
 * Values handed to one drain, at most (the rest of the call that crosses it included): the rows built from a
 * long burst then die young. With 16,384 the rows of a batch outlived scavenges, and garbage collection took about
 * twice the writer's time.
 */
const DRAIN_BATCH = 1 << 10;

/**
 * The writer thread's end of the shared ring, and the `DrainSource` of the writer's `DrainLoop`: `pump` lets
 * the drain take the values published so far straight from the ring (header entries start a new call; tag ids
 * and rich values are resolved from the side port, read synchronously with `receiveMessageOnPort`, in order),
 * which turns them into rows for the backends as the in-thread drain does. Forwarded `BackendSet` calls run at
 * their place in the ring, after the rows before them. Its `QueueFigures` are the ring's: depth, capacity and
 * the training thread's drop counters, so `trainscope/*` and the summary report them.
 */
export class RingReader implements DrainSource, QueueFigures {
  private read = 0;
  /** Where the current pass stops reading: what the training thread has published. */
  private end = 0;
  /**
   * Where the current pass stops starting calls (its `limit`): a call that crosses it is read whole, so that a
   * pass never splits a row (a split row goes to the backends in two parts that they merge again).
   */
  private stopAt = 0;
  /** Values the current drain may still take. */
  private batchLeft = 0;
  /** A forwarded call stopped the drain: it runs before reading on. */
  private callWaiting = false;
  /** The most entries found waiting at the start of a `pump` since `takePeak` (`trainscope/queue_depth`). */
  private peak = 0;
  private deepest = 0;
  private step = 0;
  private time = 0;
  private call = 0;
  private readonly keys: MetricKey[] = [];
  private readonly values: MetricValue[] = [];
  private readonly calls: ForwardedCall[] = [];
  private readonly pager: RingPager;

  constructor(
    private readonly ring: SharedRing,
    private readonly side: MessagePort,
    private readonly summary: MetricSummary,
    /** Runs the writer's drain, which takes values with `shift` until it answers false. */
    private readonly drain: () => void,
    private readonly runCall: (call: ForwardedCall) => void,
  ) {
    this.pager = new RingPager(ring, Math.min(ring.capacity >> 3, PAGER_LEAD));
    this.pager.keepAheadOf(0);
  }

  get capacity(): number {
    return this.ring.capacity;
  }

  /** Entries left in the current pass. */
  get size(): number {
    return (this.end - this.read) | 0;
  }

  get dropped(): number {
    return Atomics.load(this.ring.control, DROPPED_LOW) + Atomics.load(this.ring.control, DROPPED_MEDIUM);
  }

  get droppedByPriority(): readonly number[] {
    return [0, Atomics.load(this.ring.control, DROPPED_MEDIUM), Atomics.load(this.ring.control, DROPPED_LOW)];
  }

  /** The ring's deepest backlog seen (entries). */
  get highWater(): number {
    return this.deepest;
  }

  /**
   * Reads what was published so far into rows handed to the backends: at most `limit` entries and the rest of the
   * call that crosses it. @returns entries read
   */
  pump(limit = Number.POSITIVE_INFINITY): number {
    const started = this.read;
    const published = Atomics.load(this.ring.control, WRITE);
    const waiting = (published - started) | 0;
    if (waiting > this.peak) this.peak = waiting;
    if (waiting > this.deepest) this.deepest = waiting;
    this.end = published;
    this.stopAt = waiting > limit ? (started + limit) | 0 : published;
    this.pager.keepAheadOf(published);
    if (started !== this.end) this.pull();
    for (;;) {
      const before = this.read;
      this.batchLeft = DRAIN_BATCH;
      this.drain();
      if (this.callWaiting) {
        this.callWaiting = false;
        this.runCall(this.next(this.calls, 'call'));
      } else if (this.read === before || this.passDone()) break; // (no drain ran: never spin)
    }
    this.release(this.read);
    return (this.read - started) | 0;
  }

  /** Whether the pass has read everything published, or as far as its limit. */
  private passDone(): boolean {
    return this.read === this.end || ((this.read - this.stopAt) | 0) >= 0;
  }

  /**
   * The next value of the current pass into `out`; false at the end of the pass, at a forwarded call (which
   * `pump` runs before reading on), or at the next call once the drain's batch is full.
   */
  shift(out: QueueItem): boolean {
    const ring = this.ring;
    while (this.read !== this.end) {
      const i = this.read & ring.mask;
      const code = ring.code[i] as number;
      if (code >= 0) {
        if ((code & STARTS_CALL_FLAG) !== 0) {
          if (this.batchLeft <= 0 || this.passDone()) return false;
          // The header it stands for: the next step, the same millisecond and commit sign as the call before.
          this.step++;
          this.call = this.call < 0 ? this.call - 1 : this.call + 1;
        }
        if ((code & RICH_FLAG) === 0) {
          out.isNumber = true;
          out.num = ring.num[i] as number;
          out.value = undefined;
        } else {
          out.isNumber = false;
          out.value = this.next(this.values, 'value');
        }
        out.key = this.key(valueTagId(code));
        out.priority = code & PRIORITY_MASK;
        out.step = this.step;
        out.time = this.time;
        out.call = this.call;
        this.advance();
        this.batchLeft--;
        return true;
      }
      if (isHeader(code)) {
        if (this.batchLeft <= 0 || this.passDone()) return false;
        this.step = ring.num[i] as number;
        this.time += headerTimeStep(code);
        // Call ids restart at 1 on this side; a committing call keeps its negative sign (see RingQueue).
        this.call = headerCommits(code) ? -(Math.abs(this.call) + 1) : Math.abs(this.call) + 1;
      } else if (code === TIME_CODE) {
        this.time = ring.num[i] as number;
      } else if (code === CALL_CODE) {
        this.advance();
        this.callWaiting = true;
        return false;
      }
      this.advance();
    }
    return false;
  }

  /** The ring's peak depth since the last call (entries: one per value, and the calls' headers). */
  takePeak(): number {
    const peak = this.peak;
    this.peak = 0;
    return peak;
  }

  private advance(): void {
    const read = (this.read + 1) | 0;
    this.read = read;
    if ((read & (RELEASE_EVERY - 1)) === 0) this.release(read);
  }

  private release(read: number): void {
    Atomics.store(this.ring.control, READ, read);
    Atomics.notify(this.ring.control, READ);
    if (!this.pager.done) this.pager.keepAheadOf(Atomics.load(this.ring.control, WRITE));
  }

  private key(id: number): MetricKey {
    let key = this.keys[id];
    if (key === undefined) {
      this.pull();
      key = this.keys[id];
      if (key === undefined) throw new Error(`the writer thread got no tag for id ${id}`);
    }
    return key;
  }

  /** The oldest message of a kind, pulling more from the side port when none is buffered. */
  private next<T>(buffer: T[], kind: string): T {
    if (buffer.length === 0) this.pull();
    const item = buffer.shift();
    if (item === undefined) throw new Error(`the writer thread got no ${kind} for a ring entry`);
    return item;
  }

  private pull(): void {
    for (let m = receiveMessageOnPort(this.side); m !== undefined; m = receiveMessageOnPort(this.side)) {
      const message = m.message as SideMessage;
      if (message.kind === 'tag') {
        this.keys[message.id] = {
          key: message.tag,
          prefix: '',
          slot: this.summary.slot(message.tag),
          priority: 0,
          interval: 1,
          lastExplicitStep: 0,
        };
      } else if (message.kind === 'value') this.values.push(message.value);
      else this.calls.push(message);
    }
  }
}
