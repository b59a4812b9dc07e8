import type { Logger, MetricRow, RunInfo } from '../../core/backend.js';
import type { LoggedModel } from '../../core/logged-model.js';
import type { MetricValue } from '../../core/values.js';
import { HistoryBuilder } from './history-builder.js';
import { encodeHistoryRow, encodeMetricValue } from './history-value.js';
import { MODEL_SUMMARY_KEY, modelRunFiles } from './model-run-files.js';
import type { WandbItem } from './offline/wandb-record.js';
import { wandbSystemMetrics } from './system-metrics.js';
import { wandbJsonNumber } from './wandb-json.js';
import type { WandbSink } from './wandb-sink.js';
import { WandbSummary } from './wandb-summary.js';

/** What a `WandbRunModel` has done so far. */
export interface WandbRunCounters {
  readonly historyRows: number;
  readonly statsRows: number;
  /** Rows dropped by W&B's step rule (a step lower than the current one), or that came after `finish()`. */
  readonly droppedRows: number;
}

/**
 * One W&B run as W&B's client models it, in no file or wire format: the step rule (`HistoryBuilder`), history
 * rows with `_timestamp`/`_runtime`/`_step`, system-metric samples under W&B's names, table files, and the
 * summary. Whatever it completes goes to every sink in the same order (see `WandbSink`): the `.wandb` log and
 * the live stream get the same rows, which is what lets `trainscope sync` resume at the stream's offsets.
 */
export class WandbRunModel {
  /** The run's summary (the latest value of every key). */
  readonly summary = new WandbSummary();
  private readonly history: HistoryBuilder;
  private lastStep = 0;
  private finished = false;
  private historyRows = 0;
  private statsRows = 0;
  /** Rows that arrived after `finish()` (counted as dropped). */
  private rowsAfterFinish = 0;

  constructor(
    private readonly run: RunInfo,
    private readonly sinks: readonly WandbSink[],
    private readonly logger?: Logger,
  ) {
    this.history = new HistoryBuilder((row) => this.completeHistoryRow(row), logger);
  }

  get counters(): WandbRunCounters {
    return {
      historyRows: this.historyRows,
      statsRows: this.statsRows,
      droppedRows: this.history.droppedRows + this.rowsAfterFinish,
    };
  }

  /**
   * Continues an earlier run: history from `startingStep` on (lower steps are dropped by the step rule) and the
   * earlier summary under what this session logs.
   */
  resumeFrom(startingStep: number, summary: ReadonlyMap<string, string>): void {
    this.history.startAt(startingStep);
    for (const [key, json] of summary) if (!this.summary.has(key)) this.summary.set(key, json);
  }

  /** Routes drained rows: `history` rows through the step rule, `system` rows as stats samples. */
  write(rows: readonly MetricRow[]): void {
    for (const row of rows) {
      if (this.finished) this.rowsAfterFinish++;
      else if (row.channel === 'system') this.statsRow(row);
      else this.history.add(row);
    }
  }

  /** A logged model: its files first, then the `model/summary` table in the summary (no history row). */
  logModel(model: LoggedModel): void {
    if (this.finished) return;
    const logged = modelRunFiles(model);
    for (const sink of this.sinks) sink.runFiles(logged.files);
    this.summary.set(MODEL_SUMMARY_KEY, logged.summaryJson);
    for (const sink of this.sinks) sink.summaryChanged(this.summary);
  }

  /** Completes the pending history row (rows at its step that come later become a second row). */
  flush(): void {
    if (!this.finished) this.history.flush();
  }

  /**
   * Ends the run: completes the pending row, merges `summary` (the core's latest values) into the summary, closes
   * it with the runtime and hands the end to every sink. Everything up to the sinks' first `await` is synchronous.
   */
  finish(
    exitCode: number,
    summary?: ReadonlyMap<string, MetricValue>,
    endTime: number = Date.now(),
  ): Promise<void> {
    if (this.finished) return Promise.resolve();
    this.history.flush();
    if (summary !== undefined) {
      for (const [key, value] of summary) this.setFinalValue(key, value);
    }
    const runtimeSeconds = Math.max(0, Math.trunc((endTime - this.run.startTime) / 1000));
    this.summary.close(runtimeSeconds);
    this.finished = true;
    const end = { exitCode, runtimeSeconds, summary: this.summary };
    return settleAll(this.sinks.map((sink) => sink.finish(end)));
  }

  private statsRow(row: MetricRow): void {
    const metrics = wandbSystemMetrics(row.keys, row.values);
    if (metrics.keys.length === 0) return;
    const items: WandbItem[] = new Array(metrics.keys.length);
    for (let i = 0; i < metrics.keys.length; i++) {
      items[i] = { key: metrics.keys[i] as string, value_json: wandbJsonNumber(metrics.values[i] as number) };
    }
    this.statsRows++;
    for (const sink of this.sinks) sink.statsRow(items, row.time);
  }

  private completeHistoryRow(row: MetricRow): void {
    const encoded = encodeHistoryRow(row, this.run.startTime);
    if (encoded.reservedKeys.length > 0) {
      this.logger?.warnOnce(
        'wandb/reserved-key',
        `W&B reserves the history keys _step, _runtime and _timestamp; logged values under ${encoded.reservedKeys.join(', ')} were left out of W&B history`,
      );
    }
    if (encoded.tableFiles.length > 0) {
      for (const sink of this.sinks) sink.runFiles(encoded.tableFiles);
    }
    this.summary.setAll(encoded.keys, encoded.valuesJson);
    this.lastStep = row.step;
    this.historyRows++;
    for (const sink of this.sinks) sink.historyRow(encoded, this.summary);
  }

  /**
   * A value of the core's summary at finish. A table there is the one already logged (its file exists), so the
   * logged reference is kept instead of storing the file again.
   */
  private setFinalValue(key: string, value: MetricValue): void {
    if (typeof value === 'number') {
      this.summary.set(key, wandbJsonNumber(value));
      return;
    }
    if (value.kind === 'table' && this.summary.has(key)) return;
    const encoded = encodeMetricValue(key, this.lastStep, value);
    if (encoded.tableFile !== undefined) {
      for (const sink of this.sinks) sink.runFiles([encoded.tableFile]);
    }
    this.summary.set(key, encoded.json);
  }
}

/** Waits for every promise, then rethrows the first failure (one sink failing does not cut another short). */
async function settleAll(work: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(work);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
}
