import type { MetricRow } from './backend.js';
import type { BackendSet } from './backend-set.js';
import { CALL_SAMPLE_MASK, CallTimer } from './call-timer.js';
import type { QueueFigures } from './value-queue.js';
import type { MetricSummary } from './metric-summary.js';
import type { RunSummaryInput } from './run-summary.js';
import type { MetricValue } from './values.js';

/** The parts of the end-of-run summary that measure trainscope itself. */
export type SelfSummary = Pick<
  RunSummaryInput,
  | 'logCalls'
  | 'logNsP50'
  | 'logNsP99'
  | 'logSamples'
  | 'logNsMean'
  | 'drainNs'
  | 'queuePeak'
  | 'queueCapacity'
  | 'dropped'
  | 'droppedByPriority'
  | 'callerWaits'
>;

/** `log()` figures of the training thread for the `trainscope/*` rows. */
export interface CallerFigures {
  readonly calls: number;
  readonly p50: number;
  readonly p99: number;
  /** The most values (entries, with the writer thread's ring) waiting since the last row. */
  readonly queuePeak: number;
}

/**
 * trainscope's own cost and health, logged as `trainscope/*` metrics and printed in the end-of-run summary:
 * how long `log()` takes on the caller's thread (sampled, see `CallTimer`), how many calls were made, the queue's
 * peak depth and drops, and each backend's counters (`trainscope/<backend>/*`).
 *
 * It only counts and builds rows; when a row is written is the `DrainLoop`'s decision.
 */
export class SelfMetrics {
  private readonly callTimer = new CallTimer();
  private logCalls = 0;
  /** Total time of every drain so far (ns): on the trainer's thread, whether from a `log()` call or the timer. */
  private drainNsTotal = 0;
  /** Where the training thread's waits for the writer thread are counted (writer-thread mode only). */
  waitSource: { readonly waits: number; readonly waitNs: number } | undefined;

  constructor(
    private readonly queue: QueueFigures,
    private readonly backends: BackendSet,
    private readonly latest: MetricSummary,
  ) {}

  /** Counts one `log()` call. @returns whether this call is timed (1 in `CALL_SAMPLE_EVERY`). */
  countCall(): boolean {
    return (++this.logCalls & CALL_SAMPLE_MASK) === 0;
  }

  /** `log()` calls so far. */
  get calls(): number {
    return this.logCalls;
  }

  /** p50 and p99 of the sampled `log()` durations (ns; NaN before the first sample). */
  callQuantiles(): number[] {
    return this.callTimer.quantiles([0.5, 0.99]);
  }

  /** Total drain time so far (ns); a timed call reads it before and after to leave its drains out. */
  get drainNs(): number {
    return this.drainNsTotal;
  }

  /** Adds one drain's duration (ns). */
  addDrainTime(ns: number): void {
    this.drainNsTotal += ns;
  }

  /**
   * Records the duration of a timed call that started at `startedNs` (`process.hrtime.bigint()`), less
   * `drainedNs` spent draining during it (counted once, in the drain total).
   */
  endTimedCall(startedNs: bigint, drainedNs = 0): void {
    this.callTimer.record(Number(process.hrtime.bigint() - startedNs) - drainedNs);
  }

  /**
   * The full `trainscope/*` row at `step`: log() time quantiles (once sampled), call count, queue peak since
   * the last row, drops, and every backend's counters.
   */
  fullRow(step: number): MetricRow {
    const keys: string[] = [];
    const values: number[] = [];
    const caller = this.callerFigures();
    if (!Number.isNaN(caller.p50)) {
      keys.push('trainscope/log_ns_p50', 'trainscope/log_ns_p99');
      values.push(caller.p50, caller.p99);
    }
    keys.push('trainscope/log_calls', 'trainscope/queue_depth', 'trainscope/dropped');
    values.push(caller.calls, caller.queuePeak, this.queue.dropped);
    this.backends.forEachStats((name, s) => {
      const base = `trainscope/${name}/`;
      keys.push(
        `${base}bytes_written`,
        `${base}requests`,
        `${base}retries`,
        `${base}errors`,
        `${base}dropped`,
        `${base}send_latency_ms`,
      );
      values.push(s.bytesWritten, s.requests, s.retries, s.errors, s.dropped, s.sendLatencyMs);
    });
    return this.row(step, keys, values);
  }

  /**
   * What the training thread measured of its `log()` calls, and the queue's peak since the last row. The writer
   * thread overrides it with the figures the training thread publishes in the shared ring and the ring's depth.
   */
  protected callerFigures(): CallerFigures {
    const [p50, p99] = this.callTimer.sampled > 0 ? this.callQuantiles() : [Number.NaN, Number.NaN];
    return { calls: this.logCalls, p50: p50 as number, p99: p99 as number, queuePeak: this.queue.takePeak() };
  }

  /** Only `trainscope/dropped` at `step` (drops are reported even when the profiler's reports are off). */
  droppedRow(step: number): MetricRow {
    return this.row(step, ['trainscope/dropped'], [this.queue.dropped]);
  }

  /** The summary's figures about trainscope itself. */
  summary(): SelfSummary {
    const [logNsP50, logNsP99] = this.callTimer.quantiles([0.5, 0.99]);
    // What a call costs the trainer on average: the sampled call itself plus its share of every drain.
    const drainPerCall = this.logCalls > 0 ? this.drainNsTotal / this.logCalls : 0;
    return {
      logCalls: this.logCalls,
      logNsP50: logNsP50 as number,
      logNsP99: logNsP99 as number,
      logSamples: this.callTimer.sampled,
      logNsMean: this.callTimer.mean() + drainPerCall,
      drainNs: this.drainNsTotal,
      queuePeak: Math.max(this.queue.takePeak(), this.queue.highWater),
      queueCapacity: this.queue.capacity,
      dropped: this.queue.dropped,
      droppedByPriority: this.queue.droppedByPriority,
      ...(this.waitSource === undefined
        ? {}
        : { callerWaits: { count: this.waitSource.waits, ms: this.waitSource.waitNs / 1e6 } }),
    };
  }

  /** A history row whose values also become the run summary's latest values. */
  private row(step: number, keys: string[], values: MetricValue[]): MetricRow {
    for (let i = 0; i < keys.length; i++) this.latest.set(keys[i] as string, values[i] as MetricValue);
    return { step, time: Date.now(), channel: 'history', keys, values };
  }
}
