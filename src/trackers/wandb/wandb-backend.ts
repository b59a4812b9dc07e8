import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Backend,
  BackendContext,
  BackendStats,
  Logger,
  MetricRow,
  RunInfo,
  RunOutcome,
} from '../../core/backend.js';
import type { WandbOptions } from '../../core/options.js';
import { nonEmpty, resolveWandbCredentials, type WandbCredentials } from './credentials.js';
import { type EncodedHistoryRow, historyLine } from './history-value.js';
import type { TableFile } from './table-file.js';
import { OfflineRunWriter, type WandbItem } from './offline/index.js';
import {
  type BatchSchedule,
  DEFAULT_MAX_PENDING_CHARS,
  type FileStreamStop,
} from './online/file-stream-client.js';
import { WandbGraphqlError } from './online/graphql-client.js';
import { WandbHttpClient } from './online/http-client.js';
import { OnlineRun } from './online/online-run.js';
import type { BackoffOptions, EndpointKind } from './online/retry-policy.js';
import { runPageUrl } from './online/run-page-url.js';
import { initialSyncState, saveSyncState } from './sync/sync-state.js';
import { systemEventsLine } from './system-metrics.js';

const WANDB_METADATA = 'wandb-metadata.json';

/** Knobs for tests and benchmarks; the defaults are the official client's. */
export interface WandbBackendTuning {
  /** Environment for key/base URL/entity lookup (`WANDB_API_KEY`, `WANDB_BASE_URL`, `WANDB_ENTITY`, `HOME`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly schedule?: BatchSchedule;
  readonly heartbeatMs?: number;
  readonly backoff?: Partial<Record<EndpointKind, BackoffOptions>>;
  /** Characters of lines waiting for the server before the backend stops streaming and relies on sync. */
  readonly maxPendingChars?: number;
  /** How long `finish` may spend sending the rest of the run (ms, default 20 s). */
  readonly finishBudgetMs?: number;
}

export type WandbEffectiveMode = 'online' | 'offline' | 'disabled';

/**
 * Sends a run to Weights & Biases the way the official client does.
 *
 * Every mode but `disabled` writes the run's transaction log (`run-<id>.wandb`) through `OfflineRunWriter`:
 * offline runs as `wandb/offline-run-<ts>-<id>/`, online runs as `wandb/run-<ts>-<id>/`. Online, the same rows
 * (merged by W&B's step rule in lockstep with the log) also stream to W&B over `file_stream`. If the server
 * refuses the key, stays unreachable past `retryBudgetMs`, or falls too far behind (more than
 * `DEFAULT_MAX_PENDING_CHARS`, about 64 MB of lines waiting: the bound on the memory a slow server can pin),
 * streaming stops, the log keeps everything, and `trainscope sync <dir>` uploads the rest later, resuming at the
 * offsets W&B acknowledged (`trainscope-sync.json` in the run directory).
 *
 * Nothing here waits on the network on the caller's behalf: `write` only encodes and queues.
 */
export class WandbBackend implements Backend {
  readonly name = 'wandb';
  readonly mode: WandbEffectiveMode;
  private readonly credentials: WandbCredentials | undefined;
  private readonly run: RunInfo;
  private logger: Logger | undefined;
  private writer: OfflineRunWriter | undefined;
  private http: WandbHttpClient | undefined;
  private online: OnlineRun | undefined;
  private connecting: Promise<void> | undefined;
  private stopped: FileStreamStop | undefined;
  private completedOnline = false;
  private readonly uploadedPaths: string[] = [];
  /** Lines produced before `UpsertBucket` answered. */
  private early: { history: string[]; events: string[]; uploads: { path: string; bytes: Uint8Array }[] } = {
    history: [],
    events: [],
    uploads: [],
  };
  private earlyChars = 0;
  private droppedLines = 0;
  private errors = 0;
  private modeNote: string | undefined;
  private readonly reportedErrors = new Set<string>();

  constructor(
    private readonly options: WandbOptions,
    run: RunInfo,
    private readonly tuning: WandbBackendTuning = {},
  ) {
    const env = tuning.env ?? process.env;
    this.run = {
      ...run,
      id: options.runId ?? run.id,
      project: options.project ?? run.project,
      entity: options.entity ?? run.entity ?? nonEmpty(env.WANDB_ENTITY),
    };
    if (options.mode === 'disabled') {
      this.mode = 'disabled';
      return;
    }
    if (options.mode === 'offline') {
      this.mode = 'offline';
      return;
    }
    try {
      this.credentials = resolveWandbCredentials({ apiKey: options.apiKey, baseUrl: options.baseUrl, env });
    } catch (error) {
      this.modeNote = `W&B base URL is invalid (${(error as Error).message}); writing the run offline`;
      this.mode = 'offline';
      return;
    }
    if (this.credentials.apiKey === undefined) {
      if (options.mode === 'online') {
        this.modeNote =
          'wandb.mode is online but no API key was found (option apiKey, WANDB_API_KEY or ~/.netrc); writing the run offline';
      }
      this.mode = 'offline';
      return;
    }
    this.mode = 'online';
  }

  /** The local run directory (the transaction log and files), once started. */
  get directory(): string | undefined {
    return this.writer?.directory;
  }

  async start(context: BackendContext): Promise<void> {
    this.logger = context.logger;
    if (this.modeNote) context.logger.warn(this.modeNote);
    if (this.mode === 'disabled') return;
    const streaming = this.mode === 'online' && this.credentials?.apiKey !== undefined;
    this.writer = OfflineRunWriter.create(this.options.dir, this.run, {
      prefix: this.mode === 'online' ? 'run' : 'offline-run',
      logger: context.logger,
      // The local log applies W&B's step rule and keeps the summary once; the stream sends exactly what it writes.
      onHistoryRow: streaming ? (encoded) => this.streamHistoryRow(encoded) : undefined,
      onTableFile: streaming ? (file) => this.uploadTableFile(file) : undefined,
      onStatsRow: streaming ? (item, row) => this.streamSystemRow(item, row.time) : undefined,
    });
    if (!streaming || !this.credentials?.apiKey) return;
    if (this.credentials.insecureWarning) context.logger.warn(this.credentials.insecureWarning);
    this.http = new WandbHttpClient({
      baseUrl: this.credentials.baseUrl,
      apiKey: this.credentials.apiKey,
      timeoutMs: this.options.timeoutMs,
      retryBudgetMs: this.options.retryBudgetMs,
      backoff: this.tuning.backoff,
    });
    this.connecting = this.connect(this.http);
  }

  write(rows: readonly MetricRow[]): void {
    const writer = this.writer;
    if (!writer) return;
    // History and system rows reach the stream through the writer's `onHistoryRow` and `onStatsRow`.
    writer.write(rows);
    // With `spool: false` the user does not count on syncing later: what W&B did not get is reported as dropped.
    if (this.stopped && !this.options.spool) this.droppedLines += rows.length;
  }

  /** Durable means on disk: the local log is the spool, so this never waits on the network. */
  async flush(): Promise<void> {
    await this.writer?.flush();
  }

  flushSync(): void {
    this.writer?.flushSync();
  }

  async finish(outcome: RunOutcome): Promise<void> {
    const writer = this.writer;
    if (!writer) return;
    // Closing records first (synchronously), so the exit path of the core gets a complete log.
    const written = writer.finish(outcome.exitCode, outcome.summary, outcome.endTime);
    if (this.http) {
      const budget = this.tuning.finishBudgetMs ?? 20_000;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), budget);
        timer.unref();
      });
      const result = await Promise.race([this.finishOnline(outcome), deadline]);
      if (timer) clearTimeout(timer);
      if (result === 'timeout') {
        this.stopStreaming({
          reason: 'unreachable',
          message: `W&B did not take the rest of the run within ${budget} ms`,
        });
      }
      await this.http.close();
      this.saveState();
    }
    await written;
  }

  stats(): BackendStats {
    const counters = this.writer?.counters;
    const http = this.http?.counters;
    const stream = this.online?.stream.stats;
    return {
      bytesWritten: (counters?.bytesWritten ?? 0) + (http?.bytesSent ?? 0),
      requests: http?.requests ?? 0,
      retries: http?.retries ?? 0,
      errors: this.errors + (counters?.errors ?? 0),
      dropped: (counters?.droppedRows ?? 0) + this.droppedLines + (stream?.droppedLines ?? 0),
      sendLatencyMs: http && http.latencyCount > 0 ? http.latencyMsSum / http.latencyCount : 0,
    };
  }

  describe(): readonly string[] {
    const dir = this.writer?.directory;
    if (this.mode === 'disabled' || dir === undefined) return ['W&B: disabled'];
    if (this.mode === 'offline') {
      return [`W&B offline run: ${dir}`, `  upload it with: trainscope sync ${dir}  (or: wandb sync ${dir})`];
    }
    const url =
      this.online && this.credentials
        ? runPageUrl(this.credentials.baseUrl, this.online.entity, this.online.project, this.run.id)
        : undefined;
    if (this.completedOnline && url) return [`W&B run: ${url}`, `  local copy: ${dir}`];
    return [
      `W&B: the run was not fully uploaded${this.stopped ? ` (${this.stopped.message})` : ''}; it is kept in ${dir}`,
      `  upload the rest with: trainscope sync ${dir}`,
    ];
  }

  private async connect(http: WandbHttpClient): Promise<void> {
    const run = this.run;
    try {
      this.online = await OnlineRun.open(
        http,
        {
          runId: run.id,
          project: run.project,
          entity: run.entity,
          displayName: run.name,
          group: run.group,
          jobType: run.jobType,
          tags: run.tags,
          notes: run.notes,
          host: run.host,
          program: run.program,
          config: run.config,
          startTime: run.startTime,
        },
        {
          askViewer: true,
          fileStream: {
            schedule: this.tuning.schedule,
            heartbeatMs: this.tuning.heartbeatMs,
            maxPendingChars: this.tuning.maxPendingChars,
          },
          onStopped: (stop) => this.stopStreaming(stop),
          onUploaded: (path) => this.uploadedPaths.push(path),
          onError: (message) => this.reportError(message),
        },
      );
    } catch (error) {
      const failure = error instanceof WandbGraphqlError ? error.failure : 'unreachable';
      const message = http.redact(error instanceof Error ? error.message : String(error));
      this.stopStreaming({ reason: failure === 'auth' ? 'auth' : 'unreachable', message });
      return;
    }
    if (this.stopped) return;
    const online = this.online;
    const early = this.early;
    this.early = { history: [], events: [], uploads: [] };
    this.earlyChars = 0;
    const metadata = this.writer
      ? readFileOrUndefined(join(this.writer.filesDirectory, WANDB_METADATA))
      : undefined;
    if (metadata) online.uploader.upload(WANDB_METADATA, metadata);
    for (const upload of early.uploads) online.uploader.upload(upload.path, upload.bytes);
    for (const line of early.history) this.pushHistory(line);
    for (const line of early.events) online.stream.pushEvents(line);
    if (early.history.length > 0) online.stream.setSummary(this.summarySource);
    online.stream.start();
  }

  private streamHistoryRow(encoded: EncodedHistoryRow): void {
    if (this.stopped) return;
    const line = historyLine(encoded);
    const online = this.online;
    if (online) {
      this.pushHistory(line);
      online.stream.setSummary(this.summarySource);
      return;
    }
    this.early.history.push(line);
    this.noteEarly(line.length);
  }

  /** A table file the local run stored (for a history row or the summary), uploaded before what names it. */
  private uploadTableFile(file: TableFile): void {
    if (this.stopped) return;
    if (this.online) this.online.uploader.upload(file.path, file.bytes);
    else this.early.uploads.push({ path: file.path, bytes: file.bytes });
  }

  private pushHistory(line: string): void {
    // A line W&B would refuse is not sent and does not take an offset; the log has it, and sync skips it too.
    if (!this.online?.stream.pushHistory(line) && !this.online?.stream.stopped) this.droppedLines++;
  }

  /** The local log's `stats` record (W&B names, encoded once there) as a `wandb-events.jsonl` line. */
  private streamSystemRow(item: readonly WandbItem[], time: number): void {
    if (this.stopped) return;
    const line = systemEventsLine(item, time, this.run.startTime);
    if (this.online) {
      this.online.stream.pushEvents(line);
      return;
    }
    this.early.events.push(line);
    this.noteEarly(line.length);
  }

  private noteEarly(chars: number): void {
    this.earlyChars += chars;
    if (this.earlyChars > (this.tuning.maxPendingChars ?? DEFAULT_MAX_PENDING_CHARS)) {
      this.stopStreaming({ reason: 'overflow', message: 'W&B has not answered while the run logged a lot' });
    }
  }

  /** The summary the local run keeps, read when the stream next sends. */
  private readonly summarySource = (): string => this.writer?.summaryLine() ?? '{}';

  private async finishOnline(outcome: RunOutcome): Promise<void> {
    await this.connecting;
    const online = this.online;
    if (!online || this.stopped) return;
    // `writer.finish` has merged the final summary (and stored its tables, uploaded through `onTableFile`).
    online.stream.setSummary(this.summarySource());
    const code = Number.isInteger(outcome.exitCode) ? outcome.exitCode : 1;
    this.completedOnline = await online.finish(code);
  }

  /** Stops streaming for good and says once where the run is and how to upload it. */
  private stopStreaming(stop: FileStreamStop): void {
    if (this.stopped) return;
    this.stopped = stop;
    this.online?.abandon(stop);
    this.early = { history: [], events: [], uploads: [] };
    const dir = this.writer?.directory ?? this.options.dir;
    const where = this.options.spool
      ? `The whole run is kept in ${dir}; upload it with: trainscope sync ${dir}`
      : `wandb.spool is off: rows from now on are counted as dropped (the local log ${dir} still has them)`;
    if (stop.reason === 'auth') {
      this.errors++;
      this.logger?.error(
        `W&B: ${stop.message}. Check WANDB_API_KEY / \`wandb login\` and the entity's access; streaming stopped. ${where}`,
      );
    } else {
      this.logger?.warn(`W&B: streaming stopped (${stop.message}). ${where}`);
    }
    this.saveState();
  }

  /** Tells a later `trainscope sync` what W&B already holds. */
  private saveState(): void {
    const online = this.online;
    const dir = this.writer?.directory;
    if (!online || !dir || !this.credentials) return;
    const state = initialSyncState(
      this.run.id,
      new URL(this.credentials.baseUrl).host,
      online.entity,
      online.project,
    );
    state.historyOffset = online.stream.ackedOffset('history');
    state.eventsOffset = online.stream.ackedOffset('events');
    state.uploaded = [...this.uploadedPaths];
    state.complete = this.completedOnline;
    state.summarySent = this.completedOnline;
    try {
      saveSyncState(dir, state);
    } catch (error) {
      this.reportError(`could not save the sync state in ${dir}: ${(error as Error).message}`);
    }
  }

  /** Dropped batches, lines and files: an error the first time each kind happens, counted after that. */
  private reportError(message: string): void {
    this.errors++;
    const kind = message.slice(0, 40);
    const text = `W&B: ${this.http?.redact(message) ?? message}`;
    if (this.reportedErrors.has(kind)) {
      this.logger?.debug(text);
      return;
    }
    this.reportedErrors.add(kind);
    this.logger?.error(`${text} (later ones are counted in trainscope/wandb/errors)`);
  }
}

/** The W&B backend for `options.wandb` (`mode`: online, offline, disabled, or auto = online when a key is found). */
export function createWandbBackend(
  options: WandbOptions,
  run: RunInfo,
  tuning?: WandbBackendTuning,
): WandbBackend {
  return new WandbBackend(options, run, tuning);
}

function readFileOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
