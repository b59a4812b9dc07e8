import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Logger, MetricRow, RunInfo } from '../../../core/backend.js';
import type { MetricValue } from '../../../core/values.js';
import { HistoryBuilder } from '../history-builder.js';
import {
  type EncodedHistoryRow,
  encodeHistoryRow,
  encodeMetricValue,
  jsonObjectLine,
} from '../history-value.js';
import { configEntries, configYaml, runMetadata, summaryJson } from '../run-files.js';
import { wandbSystemMetrics } from '../system-metrics.js';
import type { TableFile } from '../table-file.js';
import { wandbJsonNumber } from '../wandb-json.js';
import { HistoryRecordEncoder } from './history-record-encoder.js';
import { WandbLogWriter } from './log-writer.js';
import { encodeWandbRecord } from './record-codec.js';
import type { WandbItem, WandbRecord, WandbTimestamp } from './wandb-record.js';

export interface OfflineRunWriterOptions {
  /** `offline-run` for offline mode (default); `run` for the local copy of an online run (the spool). */
  readonly prefix?: 'offline-run' | 'run';
  readonly logger?: Logger;
  /** Framed bytes that may wait in memory while a write is in flight (default 16 MiB). */
  readonly maxPendingBytes?: number;
  /**
   * Called with every history row the step rule completes, already encoded, in log order: the online stream sends
   * these same rows, so its line offset N is history record N of the log (what lets `trainscope sync` resume).
   */
  readonly onHistoryRow?: (encoded: EncodedHistoryRow) => void;
  /** Called with the items (W&B names, JSON values) of every `stats` record, with the row they came from. */
  readonly onStatsRow?: (item: readonly WandbItem[], row: MetricRow) => void;
  /** Called with every table file the run stores (history and summary), before the record that names it. */
  readonly onTableFile?: (file: TableFile) => void;
}

/** What an `OfflineRunWriter` has done so far. */
export interface OfflineRunCounters {
  readonly historyRows: number;
  readonly statsRows: number;
  readonly tableFiles: number;
  /** Rows dropped by W&B's step rule (a step lower than the current one), or that came after `finish()`. */
  readonly droppedRows: number;
  /** Bytes lost to failed writes (disk full, ...). */
  readonly droppedBytes: number;
  readonly bytesWritten: number;
  readonly errors: number;
}

const WANDB_METADATA = 'wandb-metadata.json';

/**
 * Writes one run as the official client's offline run directory, which `wandb sync <dir>` uploads:
 *
 * `<rootDir>/wandb/<prefix>-<YYYYmmdd_HHMMSS>-<id>/run-<id>.wandb` plus `files/` (`wandb-metadata.json`,
 * `config.yaml`, `wandb-summary.json`, `media/table/...`), and a best-effort `<rootDir>/wandb/latest-run` link.
 *
 * Records follow the order both the 0.15.12 and the current sync accept: `header, run, files, [config...],
 * history/stats/files..., summary, exit, final, footer`. History rows go through W&B's step rule
 * (`HistoryBuilder`). Every method only encodes and queues; file I/O happens in batches off the caller's
 * call (see `WandbLogWriter`), except table files, which are written before the record that names them.
 */
export class OfflineRunWriter {
  /** The run directory (`.../wandb/offline-run-<ts>-<id>`). */
  readonly directory: string;
  /** The `.wandb` transaction log. */
  readonly wandbPath: string;
  readonly filesDirectory: string;

  private readonly log: WandbLogWriter;
  private readonly history: HistoryBuilder;
  private readonly logger: Logger | undefined;
  private readonly onHistoryRow: OfflineRunWriterOptions['onHistoryRow'];
  private readonly onTableFile: OfflineRunWriterOptions['onTableFile'];
  private readonly onStatsRow: OfflineRunWriterOptions['onStatsRow'];
  private readonly config: Record<string, unknown>;
  private num = 0;
  /** Latest W&B JSON of every summary key, in first-seen order. */
  private readonly summaryValues = new Map<string, string>();
  /** Whether the summary changed since the last summary record. */
  private summaryChanged = false;
  /** `wandb-summary.json`'s text, once `finish` wrote the closing records. */
  private finalSummary: string | undefined;
  private readonly historyEncoder = new HistoryRecordEncoder();
  private lastStep = 0;
  private finished = false;
  private historyRows = 0;
  private statsRows = 0;
  private tableFiles = 0;
  private errors = 0;
  /** Rows that arrived after `finish()` (counted as dropped). */
  private rowsAfterFinish = 0;

  private constructor(
    private readonly run: RunInfo,
    directory: string,
    options: OfflineRunWriterOptions,
  ) {
    this.directory = directory;
    this.filesDirectory = join(directory, 'files');
    this.wandbPath = join(directory, `run-${run.id}.wandb`);
    this.logger = options.logger;
    this.onHistoryRow = options.onHistoryRow;
    this.onTableFile = options.onTableFile;
    this.onStatsRow = options.onStatsRow;
    this.config = { ...run.config };
    this.history = new HistoryBuilder((row) => this.writeHistoryRow(row), options.logger);
    this.log = WandbLogWriter.create(this.wandbPath, {
      maxPendingBytes: options.maxPendingBytes,
      onError: (error) => this.reportError(`writing ${this.wandbPath} failed: ${error.message}`),
    });
  }

  /** Creates the run directory and writes the `header`, `run` and `files(wandb-metadata.json)` records. */
  static create(rootDir: string, run: RunInfo, options: OfflineRunWriterOptions = {}): OfflineRunWriter {
    const wandbDir = join(rootDir, 'wandb');
    const base = `${options.prefix ?? 'offline-run'}-${directoryTimestamp(run.startTime)}-${run.id}`;
    let name = base;
    // `wandb sync` needs exactly one `.wandb` file per directory: never reuse one that has a log already.
    for (let n = 1; fs.existsSync(join(wandbDir, name, `run-${run.id}.wandb`)); n++) name = `${base}-${n}`;
    const directory = join(wandbDir, name);
    fs.mkdirSync(join(directory, 'files'), { recursive: true });
    fs.writeFileSync(
      join(directory, 'files', WANDB_METADATA),
      `${JSON.stringify(runMetadata(run), null, 4)}\n`,
    );
    fs.writeFileSync(join(directory, 'files', 'config.yaml'), configYaml(run.config));
    linkLatestRun(wandbDir, name);
    const writer = new OfflineRunWriter(run, directory, options);
    writer.writeOpeningRecords();
    // On disk before the first row: a run killed at any moment after `create` still syncs.
    writer.log.flushSync();
    return writer;
  }

  get counters(): OfflineRunCounters {
    return {
      historyRows: this.historyRows,
      statsRows: this.statsRows,
      tableFiles: this.tableFiles,
      droppedRows: this.history.droppedRows + this.rowsAfterFinish,
      droppedBytes: this.log.droppedBytes,
      bytesWritten: this.log.bytesWritten,
      errors: this.errors,
    };
  }

  /**
   * The summary as W&B's summary line: the latest value of every key so far; after `finish`, the whole final
   * summary with `_wandb.runtime` (the text of `wandb-summary.json`).
   */
  summaryLine(): string {
    return (
      this.finalSummary ?? jsonObjectLine([...this.summaryValues.keys()], [...this.summaryValues.values()])
    );
  }

  /** Routes drained rows: `history` rows through the step rule, `system` rows as stats records. */
  write(rows: readonly MetricRow[]): void {
    for (const row of rows) {
      if (row.channel === 'system') this.stats(row);
      else this.historyRow(row);
    }
  }

  /** One logged row (channel `history`); rows at the same step are merged into one history record. */
  historyRow(row: MetricRow): void {
    if (this.finished) {
      this.rowsAfterFinish++;
      return;
    }
    this.history.add(row);
  }

  /** One sample of system metrics (channel `system`) as a `stats` record. */
  stats(row: MetricRow): void {
    if (this.finished) {
      this.rowsAfterFinish++;
      return;
    }
    const metrics = wandbSystemMetrics(row.keys, row.values);
    if (metrics.keys.length === 0) return;
    const item: WandbItem[] = new Array(metrics.keys.length);
    for (let i = 0; i < metrics.keys.length; i++) {
      item[i] = { key: metrics.keys[i] as string, value_json: wandbJsonNumber(metrics.values[i] as number) };
    }
    this.append({ type: 'stats', num: 0, stats: { timestamp: timestamp(row.time), item } });
    this.statsRows++;
    this.onStatsRow?.(item, row);
  }

  /** Sets summary values (overriding the latest logged value of those keys), as `run.summary[k] = v`. */
  summary(values: ReadonlyMap<string, MetricValue> | Readonly<Record<string, MetricValue>>): void {
    if (this.finished) return;
    // The row logged so far comes first, so that its values do not override these later ones.
    this.history.flush();
    const entries = values instanceof Map ? values.entries() : Object.entries(values);
    for (const [key, value] of entries as Iterable<[string, MetricValue]>) this.setSummary(key, value, true);
  }

  /** Adds or changes config keys (a `config` record; `config.yaml` is rewritten at finish). */
  updateConfig(update: Readonly<Record<string, unknown>>): void {
    if (this.finished) return;
    const entries = configEntries(update);
    if (entries.length === 0) return;
    for (const [key] of entries) this.config[key] = update[key];
    this.append({
      type: 'config',
      config: { update: entries.map(([key, value_json]) => ({ key, value_json })) },
    });
  }

  /**
   * Completes the pending history row, writes a summary record when the summary changed, and resolves once
   * everything is on disk.
   */
  async flush(): Promise<void> {
    if (!this.finished) {
      this.history.flush();
      this.writeSummaryChanges();
    }
    await this.log.flush();
  }

  /** `flush()` for exit and signal handlers: written before it returns. */
  flushSync(): void {
    if (!this.finished) {
      this.history.flush();
      this.writeSummaryChanges();
    }
    this.log.flushSync();
  }

  /**
   * Ends the run: the pending row, the whole summary (`summary` overrides the latest logged values),
   * `exit` with `exitCode` and the runtime, `final`, `footer`; then `files/wandb-summary.json` and
   * `files/config.yaml`, and closes the log.
   */
  async finish(
    exitCode: number,
    summary?: ReadonlyMap<string, MetricValue>,
    endTime: number = Date.now(),
  ): Promise<void> {
    if (this.finished) return;
    const summaryText = this.writeClosingRecords(exitCode, summary, endTime);
    await this.log.close();
    await fs.promises
      .writeFile(join(this.filesDirectory, 'wandb-summary.json'), summaryText)
      .catch((error) => {
        this.reportError(`writing wandb-summary.json failed: ${(error as Error).message}`);
      });
    await fs.promises
      .writeFile(join(this.filesDirectory, 'config.yaml'), configYaml(this.config))
      .catch((error) => {
        this.reportError(`writing config.yaml failed: ${(error as Error).message}`);
      });
  }

  /** `finish()` for process exit: everything is written before it returns. */
  finishSync(
    exitCode: number,
    summary?: ReadonlyMap<string, MetricValue>,
    endTime: number = Date.now(),
  ): void {
    if (this.finished) return;
    const summaryText = this.writeClosingRecords(exitCode, summary, endTime);
    this.log.closeSync();
    try {
      fs.writeFileSync(join(this.filesDirectory, 'wandb-summary.json'), summaryText);
      fs.writeFileSync(join(this.filesDirectory, 'config.yaml'), configYaml(this.config));
    } catch (error) {
      this.reportError(`writing the run's files failed: ${(error as Error).message}`);
    }
  }

  private writeOpeningRecords(): void {
    const run = this.run;
    const info = { stream_id: run.id };
    this.append({ type: 'header', header: {}, _info: info });
    const update: WandbItem[] = configEntries(run.config).map(([key, value_json]) => ({ key, value_json }));
    update.push({ key: '_wandb', value_json: '{}' });
    this.append({
      type: 'run',
      run: {
        run_id: run.id,
        ...(run.entity !== undefined ? { entity: run.entity } : {}),
        project: run.project,
        config: { update },
        ...(run.group !== undefined ? { run_group: run.group } : {}),
        ...(run.jobType !== undefined ? { job_type: run.jobType } : {}),
        display_name: run.name,
        ...(run.notes !== undefined ? { notes: run.notes } : {}),
        ...(run.tags.length > 0 ? { tags: [...run.tags] } : {}),
        host: run.host,
        start_time: timestamp(run.startTime),
      },
      _info: info,
    });
    this.append({ type: 'files', files: { files: [{ path: WANDB_METADATA }] } });
  }

  private writeClosingRecords(
    exitCode: number,
    summary: ReadonlyMap<string, MetricValue> | undefined,
    endTime: number,
  ): string {
    this.history.flush();
    if (summary !== undefined) {
      for (const [key, value] of summary) this.setSummary(key, value, false);
    }
    const keys = [...this.summaryValues.keys()];
    const valuesJson = [...this.summaryValues.values()];
    if (keys.length > 0) {
      this.append({
        type: 'summary',
        summary: { update: keys.map((key, i) => ({ key, value_json: valuesJson[i] as string })) },
      });
    }
    this.summaryChanged = false;
    const runtime = Math.max(0, Math.trunc((endTime - this.run.startTime) / 1000));
    const code = Number.isInteger(exitCode) ? exitCode | 0 : 1;
    this.append({ type: 'exit', exit: { ...(code !== 0 ? { exit_code: code } : {}), runtime } });
    this.append({ type: 'final', final: {} });
    this.append({ type: 'footer', footer: {} });
    this.finished = true;
    this.finalSummary = summaryJson(keys, valuesJson, runtime);
    return this.finalSummary;
  }

  /**
   * Non-`explicit` values come from the core's summary at finish: a table there is the one already logged (its
   * file exists), so the logged reference is kept instead of writing the file again.
   */
  private setSummary(key: string, value: MetricValue, explicit: boolean): void {
    if (!explicit && typeof value === 'object' && value.kind === 'table' && this.summaryValues.has(key))
      return;
    let json: string;
    if (typeof value === 'number') {
      json = wandbJsonNumber(value);
    } else {
      const encoded = encodeMetricValue(key, this.lastStep, value);
      if (encoded.tableFile !== undefined) this.writeTableFiles([encoded.tableFile]);
      json = encoded.json;
    }
    if (this.summaryValues.get(key) === json) return;
    this.summaryValues.set(key, json);
    this.summaryChanged = true;
  }

  /** A summary record with every key (W&B merges summary records key by key, so repeating keys is harmless). */
  private writeSummaryChanges(): void {
    if (!this.summaryChanged) return;
    this.summaryChanged = false;
    const update: WandbItem[] = [];
    for (const [key, value_json] of this.summaryValues) update.push({ key, value_json });
    this.append({ type: 'summary', summary: { update } });
  }

  private writeHistoryRow(row: MetricRow): void {
    const encoded = encodeHistoryRow(row, this.run.startTime);
    if (encoded.reservedKeys.length > 0) {
      this.logger?.warnOnce(
        'wandb/reserved-key',
        `W&B reserves the history keys _step, _runtime and _timestamp; logged values under ${encoded.reservedKeys.join(', ')} were left out of W&B history`,
      );
    }
    if (encoded.tableFiles.length > 0) this.writeTableFiles(encoded.tableFiles);
    this.onHistoryRow?.(encoded);
    const { keys, valuesJson } = encoded;
    const summary = this.summaryValues;
    for (let i = 0; i < keys.length; i++) summary.set(keys[i] as string, valuesJson[i] as string);
    this.summaryChanged = true;
    this.lastStep = row.step;
    this.num++;
    const payload = this.historyEncoder.encode(this.num, row.step, keys, valuesJson);
    this.log.append(payload);
    this.historyRows++;
  }

  private writeTableFiles(files: readonly TableFile[]): void {
    const listed: { path: string }[] = [];
    for (const file of files) {
      try {
        const path = join(this.filesDirectory, file.path);
        fs.mkdirSync(join(path, '..'), { recursive: true });
        fs.writeFileSync(path, file.bytes);
        listed.push({ path: file.path });
        this.tableFiles++;
      } catch (error) {
        this.reportError(`writing the table file ${file.path} failed: ${(error as Error).message}`);
      }
      this.onTableFile?.(file);
    }
    if (listed.length > 0) this.append({ type: 'files', files: { files: listed } });
  }

  private append(record: WandbRecord): void {
    this.num++;
    record.num = this.num;
    this.log.append(encodeWandbRecord(record));
  }

  private reportError(message: string): void {
    this.errors++;
    if (this.errors === 1) this.logger?.error(`W&B offline run: ${message}`);
    else this.logger?.debug(`W&B offline run: ${message}`);
  }
}

function timestamp(ms: number): WandbTimestamp {
  const seconds = Math.floor(ms / 1000);
  const nanos = Math.round((ms - seconds * 1000) * 1e6);
  return nanos !== 0 ? { seconds, nanos } : { seconds };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYYmmdd_HHMMSS` in local time, as the official client names run directories. */
export function directoryTimestamp(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}_` +
    `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`
  );
}

function linkLatestRun(wandbDir: string, name: string): void {
  const link = join(wandbDir, 'latest-run');
  try {
    try {
      if (fs.lstatSync(link).isSymbolicLink()) fs.unlinkSync(link);
      else return;
    } catch {
      // No link yet.
    }
    fs.symlinkSync(name, link, 'dir');
  } catch {
    // Best effort (no symlinks on this filesystem, or another process won the race).
  }
}
