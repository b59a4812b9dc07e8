import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import type { DrainLoop } from '../drain-loop.js';
import type { MetricQueue } from '../metric-queue.js';
import type { MetricSummary } from '../metric-summary.js';
import type { MetricKey } from '../priority-filter.js';
import type { MetricValue } from '../values.js';
import { RingPager } from './ring-pager.js';
import type { SideMessage } from './ring-queue.js';
import {
  CALL_ENTRY,
  DROPPED_LOW,
  DROPPED_MEDIUM,
  HEADER_ENTRY,
  PRIORITY_MASK,
  READ,
  RICH_FLAG,
  type SharedRing,
  TIME_ENTRY,
  WRITE,
} from './shared-ring.js';

/** A `BackendSet` call forwarded from the training thread. */
export type ForwardedCall = Extract<SideMessage, { kind: 'call' }>;

/** Entries read between two publications of the read index (frees room for the producer as it goes). */
const RELEASE_EVERY = 1024;

/**
 * The writer thread's end of the shared ring: copies entries into the writer's own `MetricQueue` (header
 * entries start a new call; tag ids and rich values are resolved from the side port, read synchronously with
 * `receiveMessageOnPort`, in order) and lets the writer's `DrainLoop` turn them into rows for the backends, as
 * the in-thread drain does. Forwarded `BackendSet` calls run at their place in the ring, after the rows before
 * them. The training thread's drop counters are mirrored into the local queue, so `trainscope/dropped` and the
 * summary report them.
 */
export class RingReader {
  private read = 0;
  /** The most entries found waiting at the start of a `pump` since `takePeak` (`trainscope/queue_depth`). */
  private peak = 0;
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
    private readonly queue: MetricQueue,
    private readonly drainLoop: DrainLoop,
    private readonly summary: MetricSummary,
    private readonly runCall: (call: ForwardedCall) => void,
  ) {
    // An eighth of the ring ahead of the training thread: far more than it writes between two reads.
    this.pager = new RingPager(ring, ring.capacity >> 3);
    this.pager.keepAheadOf(0);
  }

  /**
   * Reads what was published so far (at most `limit` entries) into rows handed to the backends.
   * @returns entries read
   */
  pump(limit = Number.POSITIVE_INFINITY): number {
    const ring = this.ring;
    let read = this.read;
    const started = read;
    const published = Atomics.load(ring.control, WRITE);
    const waiting = (published - read) | 0;
    if (waiting > this.peak) this.peak = waiting;
    const write = waiting > limit ? (read + limit) | 0 : published;
    this.pager.keepAheadOf(published);
    if (read !== write) this.pull();
    while (read !== write) {
      const i = read & ring.mask;
      const tag = ring.tag[i] as number;
      if (tag === HEADER_ENTRY) {
        const meta = ring.meta[i] as number;
        this.step = ring.num[i] as number;
        this.time += meta >> 1;
        // Call ids restart at 1 on this side; a committing call keeps its negative sign (see RingQueue).
        this.call = (meta & 1) === 1 ? -(Math.abs(this.call) + 1) : Math.abs(this.call) + 1;
      } else if (tag === TIME_ENTRY) {
        this.time = ring.num[i] as number;
      } else if (tag === CALL_ENTRY) {
        this.drainLoop.drain();
        this.runCall(this.next(this.calls, 'call'));
      } else {
        const meta = ring.meta[i] as number;
        const value = (meta & RICH_FLAG) === 0 ? (ring.num[i] as number) : this.next(this.values, 'value');
        if (this.queue.size >= this.queue.capacity) this.drainLoop.drain();
        this.queue.push(this.key(tag), value, meta & PRIORITY_MASK, this.step, this.time, this.call);
      }
      read = (read + 1) | 0;
      if ((read & (RELEASE_EVERY - 1)) === 0) this.release(read);
    }
    this.release(read);
    this.mirrorDrops();
    this.drainLoop.drain();
    return (read - started) | 0;
  }

  /** The ring's peak depth since the last call (entries: one per value, one per `log()` call). */
  takePeak(): number {
    const peak = this.peak;
    this.peak = 0;
    return peak;
  }

  private release(read: number): void {
    this.read = read;
    Atomics.store(this.ring.control, READ, read);
    Atomics.notify(this.ring.control, READ);
    if (!this.pager.done) this.pager.keepAheadOf(Atomics.load(this.ring.control, WRITE));
  }

  private mirrorDrops(): void {
    const low = Atomics.load(this.ring.control, DROPPED_LOW);
    const medium = Atomics.load(this.ring.control, DROPPED_MEDIUM);
    const byPriority = this.queue.droppedByPriority;
    byPriority[2] = low;
    byPriority[1] = medium;
    this.queue.dropped = low + medium;
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
