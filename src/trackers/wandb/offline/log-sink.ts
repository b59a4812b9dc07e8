import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Logger, RunInfo } from '../../../core/backend.js';
import type { ConsoleChunk } from '../../../core/console-tap.js';
import type { EncodedHistoryRow } from '../history-value.js';
import type { RunFile } from '../run-files.js';
import type { WandbRunEnd, WandbSink } from '../wandb-sink.js';
import type { WandbSummary } from '../wandb-summary.js';
import { HistoryRecordEncoder } from './history-record-encoder.js';
import { WandbLogWriter } from './log-writer.js';
import { encodeWandbRecord } from './record-codec.js';
import type { GpuProbeMode } from '../metadata-file.js';
import { createRunDirectory } from './run-directory.js';
import {
  closingRecords,
  openingRecords,
  type ResumedRun,
  statsRecord,
  summaryRecord,
  wandbTimestamp,
} from './run-records.js';
import type { WandbItem, WandbRecord } from './wandb-record.js';

export interface WandbLogSinkOptions {
  /** `offline-run` for offline mode (default); `run` for the local copy of an online run (the spool). */
  readonly prefix?: 'offline-run' | 'run';
  readonly logger?: Logger;
  /** Framed bytes that may wait in memory while a write is in flight (default 16 MiB). */
  readonly maxPendingBytes?: number;
  /** The run continues an earlier one: its `run` record says so (`resumed`, `starting_step`, `runtime`). */
  readonly resumed?: ResumedRun;
  /** Whether `wandb-metadata.json` may ask the GPU tools (`profiling.gpu`; default `'auto'`). */
  readonly gpu?: GpuProbeMode;
}

/** What a `WandbLogSink` has done so far. */
export interface WandbLogCounters {
  readonly tableFiles: number;
  /** Bytes lost to failed writes (disk full, ...). */
  readonly droppedBytes: number;
  readonly bytesWritten: number;
  readonly errors: number;
}

/**
 * Writes a run as the official client's offline run directory, which `wandb sync <dir>` uploads:
 * `run-<id>.wandb` (records → LevelDB-log framing → file, through `WandbLogWriter`) plus `files/`
 * (`wandb-metadata.json`, `config.yaml`, `wandb-summary.json`, `media/table/...`).
 *
 * Records are encoded and queued; file I/O happens in batches off the caller's call, except table files, which
 * are written before the record that names them. `flush()` adds a `summary` record when rows came since the last
 * one, so a run killed after a flush still has its summary.
 */
export class WandbLogSink implements WandbSink {
  readonly directory: string;
  readonly filesDirectory: string;
  readonly wandbPath: string;
  /** The bytes of `files/wandb-metadata.json`, once written (after the GPU probe; `finish` waits for it). */
  readonly metadata: Promise<Buffer>;

  private readonly log: WandbLogWriter;
  private readonly historyEncoder = new HistoryRecordEncoder();
  private readonly logger: Logger | undefined;
  private num = 0;
  /** The model's summary, and whether rows changed it since the last summary record. */
  private summary: WandbSummary | undefined;
  private summaryDirty = false;
  private finished = false;
  private tableFiles = 0;
  private errors = 0;

  private constructor(rootDir: string, run: RunInfo, options: WandbLogSinkOptions) {
    const created = createRunDirectory(
      rootDir,
      run,
      options.prefix ?? 'offline-run',
      options.gpu,
      (message) => this.reportError(message),
    );
    this.directory = created.directory;
    this.filesDirectory = created.filesDirectory;
    this.wandbPath = created.wandbPath;
    this.metadata = created.metadata;
    this.logger = options.logger;
    this.log = WandbLogWriter.create(this.wandbPath, {
      maxPendingBytes: options.maxPendingBytes,
      onError: (error) => this.reportError(`writing ${this.wandbPath} failed: ${error.message}`),
    });
  }

  /** Creates the run directory and the log, and writes the `header`, `run` and `files` records to disk. */
  static create(rootDir: string, run: RunInfo, options: WandbLogSinkOptions = {}): WandbLogSink {
    const sink = new WandbLogSink(rootDir, run, options);
    for (const record of openingRecords(run, options.resumed)) sink.append(record);
    // On disk before the first row: a run killed at any moment after `create` still syncs.
    sink.log.flushSync();
    return sink;
  }

  get counters(): WandbLogCounters {
    return {
      tableFiles: this.tableFiles,
      droppedBytes: this.log.droppedBytes,
      bytesWritten: this.log.bytesWritten,
      errors: this.errors,
    };
  }

  runFiles(files: readonly RunFile[]): void {
    const listed: { path: string }[] = [];
    for (const file of files) {
      try {
        const path = join(this.filesDirectory, file.path);
        fs.mkdirSync(join(path, '..'), { recursive: true });
        fs.writeFileSync(path, file.bytes);
        listed.push({ path: file.path });
        this.tableFiles++;
      } catch (error) {
        this.reportError(`writing the run file ${file.path} failed: ${(error as Error).message}`);
      }
    }
    if (listed.length > 0) this.append({ type: 'files', files: { files: listed } });
  }

  /** The next flush writes a summary record (and `finish` the whole summary anyway). */
  summaryChanged(summary: WandbSummary): void {
    this.summary = summary;
    this.summaryDirty = true;
  }

  /** An encoded `ArtifactRecord` (its staging copies are what a sync uploads). */
  artifact(record: Uint8Array): void {
    if (!this.finished) this.append({ type: 'artifact', artifact: record });
  }

  historyRow(row: EncodedHistoryRow, summary: WandbSummary): void {
    this.summary = summary;
    this.summaryDirty = true;
    this.num++;
    this.historyEncoder.prepare(this.num, row.step, row.keys, row.valuesJson, row.asciiValues);
    this.log.appendEncoded(this.historyEncoder);
  }

  /** A user's `defineMetric` as a persisted `metric` record (derived definitions are never persisted). */
  metricDefined(record: Uint8Array | undefined): void {
    if (record !== undefined && !this.finished) this.append({ type: 'metric', metric: record });
  }

  /** Each console write verbatim as an `OutputRawRecord`, as the official client's `wrap_raw` persists it. */
  consoleOutput(chunk: ConsoleChunk): void {
    if (this.finished) return;
    const output_type = chunk.stream === 'stderr' ? 'STDERR' : 'STDOUT';
    this.append({
      type: 'output_raw',
      output_raw: { output_type, timestamp: wandbTimestamp(chunk.time), line: chunk.text },
    });
  }

  statsRow(items: readonly WandbItem[], timeMs: number): void {
    this.append(statsRecord(items, timeMs));
  }

  /** Writes a summary record when rows changed the summary, and resolves once everything is on disk. */
  async flush(): Promise<void> {
    this.writeSummaryChanges();
    await this.log.flush();
  }

  /** `flush()` for exit and signal handlers: written before it returns. */
  flushSync(): void {
    this.writeSummaryChanges();
    this.log.flushSync();
  }

  /**
   * The whole summary, `exit`, the last `stats` record, `final` and `footer` (before the first `await`, for the
   * exit path); then closes the log and writes `files/wandb-summary.json`.
   */
  async finish(end: WandbRunEnd): Promise<void> {
    if (this.finished) return;
    const summary = end.summary;
    if (summary.size > 0) this.append(summaryRecord(summary.keys(), summary.valuesJson()));
    for (const record of closingRecords(end.exitCode, end.runtimeSeconds, end.finalStats))
      this.append(record);
    this.finished = true;
    await this.log.close();
    await this.metadata;
    await fs.promises
      .writeFile(join(this.filesDirectory, 'wandb-summary.json'), summary.line())
      .catch((error) => {
        this.reportError(`writing wandb-summary.json failed: ${(error as Error).message}`);
      });
  }

  private writeSummaryChanges(): void {
    const summary = this.summary;
    if (this.finished || !this.summaryDirty || summary === undefined) return;
    this.summaryDirty = false;
    this.append(summaryRecord(summary.keys(), summary.valuesJson()));
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
