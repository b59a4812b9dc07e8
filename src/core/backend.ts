import type { LoggedModel } from './logged-model.js';
import type { StagedArtifact } from './staged-artifact.js';
import type { ConsoleChunk } from './console-tap.js';
import type { MetricDefinition } from './metric-definition.js';
import type { SummaryUpdate } from './summary-update.js';
import type { MetricValue } from './values.js';

/**
 * One drained log call (or one merged sample of system metrics): every key logged at one step.
 * Keys are full tags (`training/loss`). Values are already validated and sanitized by the core:
 * numbers may still be NaN or ±Infinity (valid in both TensorBoard and W&B).
 */
export interface MetricRow {
  readonly step: number;
  /** Wall-clock time in milliseconds since the Unix epoch, taken on the caller's thread. */
  readonly time: number;
  /** `history` for what the trainer logs; `system` for the profiler's periodic system metrics. */
  readonly channel: 'history' | 'system';
  readonly keys: readonly string[];
  readonly values: readonly MetricValue[];
  /**
   * Set when the `log()` call advanced the run's step past this row (a call without `step`, W&B's commit): no
   * later row belongs to this step. W&B then drops a later row at this step, as the official client does.
   */
  readonly commit?: true;
  /**
   * Set when the row holds the rest of the previous row's `log()` call: a drain fell inside the call (the queue
   * filled mid-call, or the writer thread read a call half-published). W&B merges it into that row, even one
   * marked `commit`; any other later row at a committed step is dropped.
   */
  readonly continues?: true;
}

/**
 * How `init({ resume })` treats a run id that already has data (W&B's modes): `allow` continues it or starts it,
 * `must` only continues (an error when there is nothing), `never` only starts (an error when there is something),
 * `auto` is `allow` with the id of the last run in the same directory that did not finish cleanly.
 */
export type ResumeMode = 'allow' | 'must' | 'never' | 'auto';

/** Everything a backend needs to know about the run it records. */
export interface RunInfo {
  /** 8 characters `[a-z0-9]`, as W&B run ids. */
  readonly id: string;
  readonly name: string;
  readonly project: string;
  readonly entity: string | undefined;
  readonly group: string | undefined;
  readonly jobType: string | undefined;
  readonly tags: readonly string[];
  readonly notes: string | undefined;
  /** Hyper-parameters, as given in the options (plain JSON-compatible data). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Milliseconds since the Unix epoch. */
  readonly startTime: number;
  readonly host: string;
  /** The entry script (`process.argv[1]`), as W&B's `program`. */
  readonly program: string;
  readonly rank: number;
  readonly worldSize: number;
  /** Rank on this machine (the launcher's `LOCAL_RANK`); absent means `rank`. */
  readonly localRank?: number;
  /** `init({ resume })`: whether (and how) to continue earlier data of this run id; absent = a new run. */
  readonly resume?: ResumeMode;
  /** `init({ resumeStep })`: the step to continue from, even when earlier data goes further (a rewind). */
  readonly resumeStep?: number;
}

/**
 * What a backend found when it started (plain data): where the run it continues left off, or why it refuses
 * the resume mode (`must` with nothing to continue, `never` with something). Absent fields: nothing to say.
 */
export interface BackendStartInfo {
  /** The step the next row should have: the last step this backend holds of the run + 1. */
  readonly resumeStep?: number;
  /** The resume mode cannot be honoured; `init()` fails with this message. */
  readonly refusal?: string;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Logs `message` as a warning the first time `key` is seen in this run, and counts later occurrences. */
  warnOnce(key: string, message: string): void;
}

export interface BackendContext {
  readonly run: RunInfo;
  readonly logger: Logger;
  /** The latest value of every key logged so far (W&B's summary), maintained by the core. */
  readonly summary: ReadonlyMap<string, MetricValue>;
}

export interface RunOutcome {
  readonly exitCode: number;
  /** Why the run ended. */
  readonly reason: 'finish' | 'signal' | 'exception' | 'exit';
  readonly summary: ReadonlyMap<string, MetricValue>;
  /** Milliseconds since the Unix epoch. */
  readonly endTime: number;
}

/** Counters a backend reports about itself; logged under `trainscope/<backend>/...`. */
export interface BackendStats {
  bytesWritten: number;
  requests: number;
  retries: number;
  errors: number;
  /** Rows or lines the backend could not deliver and did not spool. */
  dropped: number;
  /** Mean latency of the last sends, in milliseconds (0 when the backend sends nothing). */
  sendLatencyMs: number;
}

/**
 * A destination for a run's metrics: one exporter behind one small interface.
 *
 * The core calls `write` from its background drain, never on the trainer's call stack. `write` must not
 * block on I/O: it encodes/buffers and schedules the I/O. A backend that throws is isolated by the core.
 */
export interface Backend {
  readonly name: string;
  /** May return what it found of an earlier run with this id (see `BackendStartInfo`). */
  // biome-ignore lint/suspicious/noConfusingVoidType: backends written as `start(): Promise<void>` stay valid.
  start(context: BackendContext): Promise<void | BackendStartInfo>;
  write(rows: readonly MetricRow[]): void;
  /** Resolves when everything written so far is durable (on disk / acknowledged or spooled). */
  flush(): Promise<void>;
  finish(outcome: RunOutcome): Promise<void>;
  stats(): BackendStats;
  /** Human-readable lines for the end-of-run summary (where the files are, how to view/sync them). */
  describe?(): readonly string[];
  /**
   * Optional: writes everything buffered so far synchronously (`fs.writeSync`). Called from
   * `process.on('exit')` (e.g. the program called `process.exit()`), where no asynchronous work can run: the core
   * first drains its queue into `write`, then calls `finish(outcome)` without awaiting it (so only the part of
   * `finish` before its first `await` runs — put the exit/footer records there), then calls `flushSync()`.
   */
  flushSync?(): void;
  /**
   * Optional: records a model's architecture (`run.logModel`), already checked. Called on the core's side, not
   * through the metric queue; like `write`, it must not block on I/O.
   */
  logModel?(model: LoggedModel): void;
  /**
   * Optional: the step a resumed run continues at, decided by the core from every backend's `resumeStep` (the
   * highest) or `init({ resumeStep })`; called once after `start`, before the first `write`. A step lower than
   * what the backend holds is a rewind: TensorBoard purges the later points, W&B warns that it cannot.
   */
  resumeAt?(step: number): void;
  /**
   * Optional: an artifact `run.logArtifact` staged (its files already copied and digested). Must not block:
   * uploads run in the background, and `finish` waits for them within its budget.
   */
  logArtifact?(artifact: StagedArtifact): void;
  /**
   * Optional: summary-only values set with `run.summary.update()` (no history point), in order with `write`.
   * Each key stays until it is logged again. Plain data; called from the caller's thread after a drain.
   */
  updateSummary?(update: SummaryUpdate): void;
  /**
   * Optional: the profiler's end-of-run report (final timings, bottleneck and operations tables), values about
   * the whole run rather than a step, as one row at the run's current step. Without it the row comes to `write`.
   * W&B puts them in the summary, so the report adds no history row past the trainer's last step.
   */
  writeReport?(row: MetricRow): void;
  /** Optional: `run.defineMetric()` (W&B's `define_metric`), in order with `write`. Plain data. */
  defineMetric?(definition: MetricDefinition): void;
  /** Optional: one captured console write (W&B's Logs tab; `wandb.console: 'wrap'`). Plain data. */
  consoleOutput?(chunk: ConsoleChunk): void;
}

export function emptyBackendStats(): BackendStats {
  return { bytesWritten: 0, requests: 0, retries: 0, errors: 0, dropped: 0, sendLatencyMs: 0 };
}
