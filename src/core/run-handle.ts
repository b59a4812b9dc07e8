import type { Logger, RunInfo } from './backend.js';
import type { Priority, ProfilingOptions } from './options.js';

export interface LogOptions {
  /** The step to log at. Default: the run's current step, which then advances by one (as `wandb.log`). */
  step?: number;
  /** Priority of every metric in this call (overrides configured per-metric priorities). */
  priority?: Priority;
  /** Prepended as `prefix/` to every key. */
  prefix?: string;
  /** With no explicit `step`: `false` logs at the current step without advancing it. Default `true`. */
  commit?: boolean;
  /** Log only when `step % every === 0` (overrides `logging.interval`). */
  every?: number;
  /**
   * In a multi-process job with `distributed.metricsFrom: rank0`: log these metrics on every rank, not only on
   * rank 0 (each rank's go to its own per-rank run). Default `false`.
   */
  allRanks?: boolean;
}

/** Receives finished spans on the caller's thread; must be allocation-free and O(1). */
export interface SpanSink {
  /**
   * @param operation id from `registerOperation`
   * @param startNs `process.hrtime.bigint()` at entry
   * @param durationNs wall time of the call
   * @param heapDelta bytes of heap growth over the call, or NaN when not sampled
   */
  record(operation: number, startNs: bigint, durationNs: bigint, heapDelta: number, failed: boolean): void;
}

/** What the profiler may do with the run it is attached to. */
export interface ProfilerHost {
  readonly run: RunInfo;
  readonly logger: Logger;
  readonly step: number;
  log(metrics: Readonly<Record<string, unknown>>, options?: LogOptions): void;
  /** System metrics (CPU, memory, GPU): TensorBoard scalars under `system/`, W&B `wandb-events.jsonl`. */
  logSystem(metrics: Readonly<Record<string, number>>): void;
  /**
   * Optional: the end-of-run report (final timings, bottleneck and operations tables): values about the whole run,
   * not a step. W&B puts them in the summary (no history row past the trainer's last step); TensorBoard writes
   * them at the current step. Selected as `log()` selects (`priority` against `logging.level`). A host without
   * it gets them through `log(metrics, {commit: false})`.
   */
  logReport?(metrics: Readonly<Record<string, unknown>>, options?: Pick<LogOptions, 'priority'>): void;
}

/** The profiler as the run drives it. */
export interface RunProfiler {
  readonly spans: SpanSink;
  readonly options: ProfilingOptions;
  start(host: ProfilerHost): void;
  /** Called when the run's step advances (cheap; reporting is throttled inside). */
  onStep(step: number): void;
  /** Logs final statistics and the bottleneck table, writes the trace; called before backends drain. */
  finish(): Promise<void>;
  /** Lines for the end-of-run summary (bottleneck table, trace path). */
  describe(): readonly string[];
}

/** The current run, as decorators and the function API see it. */
export interface RunHandle {
  /** Identity and rank (`@RankZeroOnly` reads `info.rank`). */
  readonly info: RunInfo;
  /** The run's logger: decorators warn through it, so their warnings follow `logLevel` and key scrubbing. */
  readonly logger: Logger;
  readonly step: number;
  readonly profiler: RunProfiler | undefined;
  log(metrics: Readonly<Record<string, unknown>>, options?: LogOptions): void;
}
