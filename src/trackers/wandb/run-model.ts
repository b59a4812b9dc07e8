import type { Logger, MetricRow, RunInfo } from '../../core/backend.js';
import type { ConsoleChunk } from '../../core/console-tap.js';
import type { LoggedModel } from '../../core/logged-model.js';
import type { MetricDefinition } from '../../core/metric-definition.js';
import type { StagedArtifact } from '../../core/staged-artifact.js';
import type { SummaryUpdate } from '../../core/summary-update.js';
import type { MetricValue, TableValue } from '../../core/values.js';
import { HistoryBuilder } from './history-builder.js';
import { HistoryRowEncoder } from './history-row-encoder.js';
import { type EncodedHistoryRow, encodeMetricValue, RESERVED_HISTORY_KEYS } from './history-value.js';
import { WandbMetricDefinitions } from './metric-definitions.js';
import { MODEL_SUMMARY_KEY, modelRunFiles } from './model-run-files.js';
import { encodeMetricRecord } from './offline/metric-record.js';
import { type MergedStats, StatsRecordMerger } from './stats-record-merger.js';
import { wandbSystemMetrics } from './system-metrics.js';
import { TableArtifactPaths } from './table-artifact-paths.js';
import { stringifyWandbJson, wandbJsonNumber } from './wandb-json.js';
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
  /** Completed history rows as W&B's JSON values. */
  private readonly historyEncoder: HistoryRowEncoder;
  private lastStep = 0;
  private finished = false;
  private historyRows = 0;
  private statsRows = 0;
  /** Rows that arrived after `finish()` (counted as dropped). */
  private rowsAfterFinish = 0;
  /** Keys set by `run.summary.update()` and not logged since: the core's final values do not replace them. */
  private readonly explicitKeys = new Set<string>();
  private readonly metrics = new WandbMetricDefinitions();
  /** System aggregates and trainscope's counters, merged into W&B's `stats` records. */
  private readonly stats: StatsRecordMerger;
  /** With a live sink (online): table values name their run-table artifact, as the online client's do. */
  private readonly tablePaths: TableArtifactPaths | undefined;

  constructor(
    private readonly run: RunInfo,
    private readonly sinks: readonly WandbSink[],
    private readonly logger?: Logger,
    /**
     * A table was logged under `key` at `step` (history, report or summary), before its file and row reach the
     * sinks: the backend makes W&B's run-table artifact of it (handed to the sinks; undefined when it failed).
     */
    private readonly tableLogged?: (
      key: string,
      step: number,
      table: TableValue,
    ) => StagedArtifact | undefined,
    /** The system-metrics publishing interval (ms; default the official 30 s), see `StatsRecordMerger`. */
    statsIntervalMs?: number,
  ) {
    this.history = new HistoryBuilder((row) => this.completeHistoryRow(row), logger);
    this.historyEncoder = new HistoryRowEncoder(run.startTime);
    this.stats = new StatsRecordMerger(run.startTime, statsIntervalMs);
    this.tablePaths = sinks.some((sink) => sink.live === true) ? new TableArtifactPaths() : undefined;
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

  /**
   * Routes drained rows: `history` rows through the step rule, `system` rows into W&B's `stats` records.
   * trainscope's own `trainscope/*` values go to the System section (merged into the same `stats` records), never
   * into the user's history: they add no chart to the workspace and no step.
   */
  write(rows: readonly MetricRow[]): void {
    // An index loop: `for…of` left an iterator result per row where this loop ran unoptimized (once per batch).
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as MetricRow;
      if (this.finished) this.rowsAfterFinish++;
      else if (row.channel === 'system') this.statsRow(row);
      else if (hasSelfMetrics(row)) this.selfMetricsRow(row);
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

  /**
   * Summary-only values (`run.summary.update()`): set in the summary without a history row (`_step` unchanged),
   * as W&B's `run.summary.update` does; every sink is told the summary changed.
   */
  updateSummary(update: SummaryUpdate): void {
    if (this.finished || update.set.length === 0) return;
    for (const { key, value } of update.set) {
      this.summary.set(key, stringifyWandbJson(value));
      this.explicitKeys.add(key);
    }
    for (const sink of this.sinks) sink.summaryChanged(this.summary);
  }

  /**
   * The profiler's end-of-run report (final timings, bottleneck and operations tables): values about the whole
   * run, set in the summary like `run.summary.update()` (tables as `table-file` references, their files stored
   * first), never a history row: a run of steps 0–100 ends at `_step` 100.
   */
  writeReport(row: MetricRow): void {
    if (this.finished || row.keys.length === 0) return;
    for (let i = 0; i < row.keys.length; i++) {
      const key = row.keys[i] as string;
      const value = row.values[i] as MetricValue;
      const encoded = encodeMetricValue(key, this.lastStep, value);
      if (encoded.tableFile !== undefined) {
        if (typeof value === 'object' && value.kind === 'table') this.logTable(key, this.lastStep, value);
        for (const sink of this.sinks) sink.runFiles([encoded.tableFile]);
      }
      this.summary.set(key, this.summaryValue(key, encoded.json));
      this.explicitKeys.add(key);
    }
    for (const sink of this.sinks) sink.summaryChanged(this.summary);
  }

  /** A captured console write, to every sink as it came. */
  consoleOutput(chunk: ConsoleChunk): void {
    if (this.finished) return;
    for (const sink of this.sinks) sink.consoleOutput?.(chunk);
  }

  /** `run.defineMetric()`: persisted as a `metric` record offline, config `_wandb.m` online. */
  defineMetric(definition: MetricDefinition): void {
    if (this.finished) return;
    const record = encodeMetricRecord(this.metrics.define(definition));
    for (const sink of this.sinks) sink.metricDefined?.(record, this.metrics.configM);
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
    const finalStats = this.stats.final(endTime);
    if (finalStats !== undefined) this.statsRows++;
    const end = { exitCode, runtimeSeconds, summary: this.summary, finalStats };
    return settleAll(this.sinks.map((sink) => sink.finish(end)));
  }

  /** Splits a row holding `trainscope/*` keys: those into the next stats record, the rest through the step rule. */
  private selfMetricsRow(row: MetricRow): void {
    const own = splitSelfMetrics(row);
    if (own.keys.length > 0) this.publishStats(this.stats.counters(own.keys, own.values, row.time));
    if (own.rest.keys.length > 0) this.history.add(own.rest);
  }

  private statsRow(row: MetricRow): void {
    const metrics = wandbSystemMetrics(row.keys, row.values);
    if (metrics.keys.length > 0) this.publishStats(this.stats.system(metrics.keys, metrics.values, row.time));
  }

  private publishStats(record: MergedStats | undefined): void {
    if (record === undefined) return;
    this.statsRows++;
    for (const sink of this.sinks) sink.statsRow(record.items, record.timeMs);
  }

  private completeHistoryRow(complete: MetricRow): void {
    const row = this.metrics.active ? this.withStepSync(complete) : complete;
    let encoded = this.historyEncoder.encode(row);
    let tableSummaries: Map<string, string> | undefined;
    if (encoded.reservedKeys.length > 0) {
      this.logger?.warnOnce(
        'wandb/reserved-key',
        `W&B reserves the history keys _step, _runtime and _timestamp; logged values under ${encoded.reservedKeys.join(', ')} were left out of W&B history`,
      );
    }
    if (encoded.tableFiles.length > 0) {
      if (this.tableLogged !== undefined) this.runTables(row);
      if (this.tablePaths?.waiting) ({ encoded, tableSummaries } = this.nameTableArtifacts(encoded));
      for (const sink of this.sinks) sink.runFiles(encoded.tableFiles);
    }
    this.summary.setAll(encoded.keys, encoded.valuesJson);
    if (tableSummaries !== undefined) for (const [key, json] of tableSummaries) this.summary.set(key, json);
    if (this.explicitKeys.size > 0) for (const key of encoded.keys) this.explicitKeys.delete(key);
    if (this.metrics.active) this.applyMetricSummaries(encoded.keys, encoded.valuesJson);
    this.lastStep = row.step;
    this.historyRows++;
    for (const sink of this.sinks) sink.historyRow(encoded, this.summary);
  }

  /** Each table of a history row, for its run-table artifact (reserved keys are not logged, so not these). */
  private runTables(row: MetricRow): void {
    for (let i = 0; i < row.keys.length; i++) {
      const value = row.values[i] as MetricValue;
      const key = row.keys[i] as string;
      if (typeof value === 'object' && value.kind === 'table' && !RESERVED_HISTORY_KEYS.has(key)) {
        this.logTable(key, row.step, value);
      }
    }
  }

  /** The table's run-table artifact, made by the backend's hook (online, its paths go into the table's value). */
  private logTable(key: string, step: number, table: TableValue): void {
    const artifact = this.tableLogged?.(key, step, table);
    if (artifact !== undefined) this.tablePaths?.logged(key, artifact);
  }

  /** A row's table values naming their run-table artifacts, and the summary's form of each (`:latest`). */
  private nameTableArtifacts(encoded: EncodedHistoryRow): {
    encoded: EncodedHistoryRow;
    tableSummaries: Map<string, string>;
  } {
    const valuesJson = [...encoded.valuesJson];
    const tableSummaries = new Map<string, string>();
    for (let i = 0; i < encoded.keys.length; i++) {
      const key = encoded.keys[i] as string;
      const named = this.tablePaths?.take(key, valuesJson[i] as string);
      if (named === undefined) continue;
      valuesJson[i] = named.history;
      tableSummaries.set(key, named.summary);
    }
    return { encoded: { ...encoded, valuesJson }, tableSummaries };
  }

  /** A summary-only value (report, final value): a table's with its run-table artifact's `:latest` paths. */
  private summaryValue(key: string, json: string): string {
    return this.tablePaths?.take(key, json)?.summary ?? json;
  }

  /** Expands globs for the row's keys (config `m`) and adds `step_sync` keys (the step metric's last value). */
  private withStepSync(row: MetricRow): MetricRow {
    const { changed, extra } = this.metrics.beforeRow(row.keys, row.values);
    if (changed) for (const sink of this.sinks) sink.metricDefined?.(undefined, this.metrics.configM);
    if (extra.size === 0) return row;
    return { ...row, keys: [...row.keys, ...extra.keys()], values: [...row.values, ...extra.values()] };
  }

  /** Defined metrics' summaries replace the copied value: `{"min": …, "last": …}`, or nothing for `none`. */
  private applyMetricSummaries(keys: readonly string[], valuesJson: readonly string[]): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const json = this.metrics.summaryJson(key, valuesJson[i] as string);
      if (json === null) this.summary.delete(key);
      else if (json !== undefined) this.summary.set(key, json);
    }
  }

  /**
   * A value of the core's summary at finish. A table there is the one already logged (its file exists), so the
   * logged reference is kept instead of storing the file again.
   */
  private setFinalValue(key: string, value: MetricValue): void {
    if (this.explicitKeys.has(key) || key.startsWith(SELF_PREFIX) || this.metrics.defines(key)) return;
    if (typeof value === 'number') {
      this.summary.set(key, wandbJsonNumber(value));
      return;
    }
    if (typeof value !== 'object' || value === null || typeof value.kind !== 'string') return;
    if (value.kind === 'table' && this.summary.has(key)) return;
    const encoded = encodeMetricValue(key, this.lastStep, value);
    if (encoded.tableFile !== undefined) {
      if (value.kind === 'table') this.logTable(key, this.lastStep, value);
      for (const sink of this.sinks) sink.runFiles([encoded.tableFile]);
    }
    this.summary.set(key, this.summaryValue(key, encoded.json));
  }
}

const SELF_PREFIX = 'trainscope/';

function hasSelfMetrics(row: MetricRow): boolean {
  for (const key of row.keys) if (key.startsWith(SELF_PREFIX)) return true;
  return false;
}

/**
 * A row's `trainscope/*` numbers as W&B system names (`trainscope/wandb/errors` → `trainscope.wandb.errors`),
 * and the row without them.
 */
function splitSelfMetrics(row: MetricRow): { keys: string[]; values: number[]; rest: MetricRow } {
  const keys: string[] = [];
  const values: number[] = [];
  const restKeys: string[] = [];
  const restValues: MetricValue[] = [];
  for (let i = 0; i < row.keys.length; i++) {
    const key = row.keys[i] as string;
    const value = row.values[i] as MetricValue;
    if (!key.startsWith(SELF_PREFIX)) {
      restKeys.push(key);
      restValues.push(value);
    } else if (typeof value === 'number') {
      keys.push(key.replaceAll('/', '.'));
      values.push(value);
    }
  }
  return { keys, values, rest: { ...row, keys: restKeys, values: restValues } };
}

/** Waits for every promise, then rethrows the first failure (one sink failing does not cut another short). */
async function settleAll(work: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(work);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
}
