import type { PushResult } from './metric-queue.js';
import type { MetricKey } from './priority-filter.js';

/**
 * Which `log()` call a value came from: its step, time (ms since the epoch) and id (see `CallContext`, which is
 * one). Passed as one object so that the call's time, a double, is read where it is needed instead of being
 * boxed into a fresh number for every value pushed.
 */
export interface CallOrigin {
  readonly step: number;
  readonly time: number;
  readonly call: number;
}

/**
 * The caller-side queue `MetricRecorder` pushes into: `MetricQueue` (drained on the training thread) or
 * `RingQueue` (a shared ring drained by the writer thread). Both share the overflow contract of `MetricQueue`.
 */
export interface ValueQueue {
  readonly capacity: number;
  readonly size: number;
  readonly dropped: number;
  readonly droppedByPriority: readonly number[];
  readonly highWater: number;
  /** The option that sizes this queue, as the queue-full warning names it (default `logging.queueCapacity`). */
  readonly sizedBy?: { readonly option: string; readonly value: string };
  push(key: MetricKey, value: unknown, priority: number, origin: CallOrigin): PushResult;
  /** The largest depth since the last call. */
  takePeak(): number;
}

/** What `SelfMetrics` reports of a queue: its size, depth and drops. */
export type QueueFigures = Pick<
  ValueQueue,
  'capacity' | 'dropped' | 'droppedByPriority' | 'highWater' | 'takePeak'
>;

/** What the run drives of the drain: `DrainLoop` (training thread) or `WriterDrain` (writer thread). */
export interface DrainControl {
  start(): void;
  stop(): void;
  /** After each `log()` call. */
  afterLog(): void;
  /** Hands everything queued on (and, when the queue is full of high values, waits for room). */
  drain(): void;
  /** The last drain before the run closes. */
  drainFinal(): void;
}
