import type { ConsoleChunk } from '../../core/console-tap.js';
import type { EncodedHistoryRow } from './history-value.js';
import type { WandbItem } from './offline/wandb-record.js';
import type { RunFile } from './run-files.js';
import type { MergedStats } from './stats-record-merger.js';
import type { WandbSummary } from './wandb-summary.js';

/** How a run ended, as every sink needs it. */
export interface WandbRunEnd {
  /** The exit code as the core reports it; each format normalizes it its own way. */
  readonly exitCode: number;
  /** Whole seconds from the run's start to its end (`exit.runtime`, `_wandb.runtime`). */
  readonly runtimeSeconds: number;
  /** The closed summary: `summary.line()` is the text of `wandb-summary.json`. */
  readonly summary: WandbSummary;
  /**
   * The last `stats` record (partial samples, trainscope's counters), when anything was left to publish: the
   * official client writes it after the `exit` record (online: before `complete`, which ends the stream).
   */
  readonly finalStats?: MergedStats;
}

/**
 * Where a `WandbRunModel` sends what W&B's rules completed: the `.wandb` log (`WandbLogSink`) and the live
 * `file_stream` (`WandbStreamSink`). The model calls every sink in the same order with the same values; a sink
 * never calls another one. Methods only encode and queue (no waiting on disk or network), except `finish`.
 */
export interface WandbSink {
  /**
   * The sink streams the run to W&B as it goes (online): the model then gives logged tables' values the paths of
   * their run-table artifacts, as the online client does (in its local log too), where offline values have none.
   */
  readonly live?: boolean;
  /**
   * Run files (tables, a logged model's config): stored or uploaded before the history row or summary that names
   * them.
   */
  runFiles(files: readonly RunFile[]): void;
  /**
   * The summary changed outside a history row (`run.logModel`, `run.summary.update()`): to be recorded or sent
   * like a row's changes.
   */
  summaryChanged(summary: WandbSummary): void;
  /**
   * One history row completed by the step rule; `summary` already holds its values. `row` is the encoder's, reused
   * for the next row: take what is needed during the call.
   */
  historyRow(row: EncodedHistoryRow, summary: WandbSummary): void;
  /**
   * Optional: a metric definition. `record` is the encoded `MetricRecord` of a user's `defineMetric` (persisted
   * offline); `undefined` for one W&B derives (a glob match), which only changes `configM` (config `_wandb.m`).
   */
  metricDefined?(record: Uint8Array | undefined, configM: readonly Record<string, unknown>[]): void;
  /** Optional: one captured console write (`OutputRawRecord` offline, `output.log` lines online). */
  consoleOutput?(chunk: ConsoleChunk): void;
  /** One `stats` record (merged system aggregates and trainscope's counters): W&B names with JSON values. */
  statsRow(items: readonly WandbItem[], timeMs: number): void;
  /**
   * The run ended. The part before the first `await` must write what a process exit needs (the core may not
   * await it on `process.exit`); the promise resolves when the sink is done (files closed, server answered).
   */
  finish(end: WandbRunEnd): Promise<void>;
}
