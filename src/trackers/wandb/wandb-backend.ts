import type {
  Backend,
  BackendContext,
  BackendStartInfo,
  BackendStats,
  Logger,
  MetricRow,
  RunInfo,
  RunOutcome,
} from '../../core/backend.js';
import type { ConsoleChunk } from '../../core/console-tap.js';
import type { LoggedModel } from '../../core/logged-model.js';
import type { MetricDefinition } from '../../core/metric-definition.js';
import type { WandbOptions } from '../../core/options.js';
import type { StagedArtifact } from '../../core/staged-artifact.js';
import type { SummaryUpdate } from '../../core/summary-update.js';
import { withDeadline } from '../../core/with-deadline.js';
import { encodeArtifactRecord } from './artifacts/artifact-record.js';
import { ArtifactUploader } from './artifacts/artifact-uploader.js';
import { runTableHook } from './artifacts/run-table-artifact.js';
import { nonEmpty, resolveWandbCredentials } from './credentials.js';
import { WandbErrorReporter } from './error-reporter.js';
import { WandbLogSink } from './offline/log-sink.js';
import type { BatchSchedule, FileStreamStop } from './online/file-stream-client.js';
import { WandbGraphqlClient } from './online/graphql-client.js';
import { WandbHttpClient } from './online/http-client.js';
import type { BackoffOptions, EndpointKind } from './online/retry-policy.js';
import { runPageUrl } from './online/run-page-url.js';
import { WandbStreamSink } from './online/stream-sink.js';
import { decideResume, type ResumeDecision, reusedIdWarning } from './resume/resume-decision.js';
import { removeResumeFile, writeResumeFile } from './resume/resume-file.js';
import type { WandbResumeState } from './resume/wandb-resume-state.js';
import { WandbRunModel } from './run-model.js';
import { initialSyncState, saveSyncState } from './sync/sync-state.js';
import { resolveWandbMode, type WandbEffectiveMode, type WandbModeDecision } from './wandb-mode.js';
import type { GpuProbeMode } from './metadata-file.js';

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
  /** Config `_wandb.m` upsert delay after a metric definition (ms, default 30 s as the official sender). */
  readonly configDebounceMs?: number;
  readonly gpuProbe?: GpuProbeMode; // `profiling.gpu`: 'off' = the metadata asks no GPU tool
  /** System metrics' publishing interval (ms): `profiling.systemMetricsSecs` × the 15 samples of a report. */
  readonly statsIntervalMs?: number;
}

/**
 * Sends a run to Weights & Biases the way the official client does. It only wires the parts together:
 * a `WandbRunModel` (W&B's step rule and summary) feeding a `WandbLogSink` (the run's transaction log
 * `run-<id>.wandb`, in every mode but `disabled`: offline runs as `wandb/offline-run-<ts>-<id>/`, online runs as
 * `wandb/run-<ts>-<id>/`) and, online, a `WandbStreamSink` (the same rows over `file_stream`).
 *
 * If the server refuses the key, stays unreachable past `retryBudgetMs`, or falls too far behind, streaming
 * stops, the log keeps everything, and `trainscope sync <dir>` uploads the rest later, resuming at the offsets W&B
 * acknowledged (`trainscope-sync.json` in the run directory). Nothing here waits on the network on the caller's
 * behalf: `write` only encodes and queues.
 */
export class WandbBackend implements Backend {
  readonly name = 'wandb';
  readonly mode: WandbEffectiveMode;
  private readonly decision: WandbModeDecision;
  /** The run as W&B records it (a resumed run: start time moved back by the earlier runtime, config merged). */
  private run: RunInfo;
  /** Online: uploads what `logArtifact` staged (the log records every artifact in any case). */
  private artifacts: ArtifactUploader | undefined;
  /** `<name>:<digest>` of the artifacts W&B committed. */
  private readonly committedArtifacts: string[] = [];
  /** The earlier run this one continues, if any. */
  private resumed: WandbResumeState | undefined;
  private logger: Logger | undefined;
  private model: WandbRunModel | undefined;
  private log: WandbLogSink | undefined;
  private stream: WandbStreamSink | undefined;
  private http: WandbHttpClient | undefined;
  private reporter: WandbErrorReporter | undefined;
  /** Rows written after streaming stopped with `spool: false` (the user does not count on a later sync). */
  private unspooledRows = 0;

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
    this.decision = resolveWandbMode(options.mode, () =>
      resolveWandbCredentials({ apiKey: options.apiKey, baseUrl: options.baseUrl, env }),
    );
    this.mode = this.decision.mode;
  }

  /** The local run directory (the transaction log and files), once started. */
  get directory(): string | undefined {
    return this.log?.directory;
  }

  async start(context: BackendContext): Promise<BackendStartInfo | undefined> {
    const logger = context.logger;
    this.logger = logger;
    this.reporter = new WandbErrorReporter(logger, (text) => this.http?.redact(text) ?? text);
    if (this.decision.note) logger.warn(this.decision.note);
    if (this.mode === 'disabled') return undefined;
    const credentials = this.decision.credentials;
    if (this.mode === 'online' && credentials?.apiKey !== undefined) {
      if (credentials.insecureWarning) logger.warn(credentials.insecureWarning);
      this.http = new WandbHttpClient({
        baseUrl: credentials.baseUrl,
        apiKey: credentials.apiKey,
        timeoutMs: this.options.timeoutMs,
        retryBudgetMs: this.options.retryBudgetMs,
        backoff: this.tuning.backoff,
      });
    }
    const resume = await this.decideResume();
    if (resume.refusal !== undefined) {
      await this.http?.close();
      this.http = undefined;
      return { refusal: resume.refusal };
    }
    const resumed = this.resumed;
    const log = WandbLogSink.create(this.options.dir, this.run, {
      prefix: this.mode === 'online' ? 'run' : 'offline-run',
      logger,
      gpu: this.tuning.gpuProbe ?? 'auto',
      ...(resumed ? { resumed } : {}),
    });
    this.log = log;
    if (this.http !== undefined && !resume.serverUnknown) {
      this.stream = new WandbStreamSink(this.run, {
        http: this.http,
        metadata: log.metadata,
        filesDirectory: log.filesDirectory,
        schedule: this.tuning.schedule,
        heartbeatMs: this.tuning.heartbeatMs,
        maxPendingChars: this.tuning.maxPendingChars,
        finishBudgetMs: this.tuning.finishBudgetMs,
        configDebounceMs: this.tuning.configDebounceMs,
        onStopped: (stop) => this.streamingStopped(stop),
        onError: (message) => this.reporter?.report(message),
        ...(resumed?.source === 'server'
          ? {
              startOffsets: {
                history: resumed.historyOffset,
                events: resumed.eventsOffset,
                output: resumed.outputOffset,
              },
            }
          : {}),
        onReused: () => {
          if (this.run.resume === undefined) logger.warn(reusedIdWarning(this.run.id));
        },
      });
    }
    const runTables = runTableHook(this.run.id, this.options.dir, (a) => this.logArtifact(a), logger);
    const sinks = this.stream ? [log, this.stream] : [log];
    this.model = new WandbRunModel(this.run, sinks, logger, runTables, this.tuning.statsIntervalMs);
    if (this.run.resume === 'auto') writeResumeFile(this.options.dir, this.run.id);
    if (!resumed) return undefined;
    this.model.resumeFrom(resumed.startingStep, resumed.summary);
    return { resumeStep: resumed.startingStep };
  }

  /**
   * Records the artifact in the log (both syncs upload it from its staging copies) and, online, uploads it in
   * the background once the run exists on W&B.
   */
  logArtifact(artifact: StagedArtifact): void {
    if (!this.log) return;
    this.log.artifact(encodeArtifactRecord(artifact, this.run));
    const http = this.http;
    const stream = this.stream;
    if (!http || !stream || stream.stopped) return;
    this.artifacts ??= new ArtifactUploader(
      http,
      new WandbGraphqlClient(http),
      stream
        .whenOnline()
        .then((o) => (o ? { entity: o.entity, project: o.project, runId: this.run.id } : undefined)),
      {
        onCommitted: (a) => this.committedArtifacts.push(`${a.name}:${a.digest}`),
        onFailed: (a, message) =>
          this.reporter?.report(
            `artifact ${a.name} was not uploaded (${message}); \`trainscope sync\` uploads it`,
          ),
        onRefused: (a, message) => this.logger?.warn(`W&B: artifact ${a.name} was not uploaded: ${message}`),
        onProgress: (message) => this.logger?.info(`W&B artifact: ${message}`),
      },
    );
    this.artifacts.upload(artifact, artifact.step);
  }

  /** W&B cannot delete history: a rewind below what it holds drops the rows up to there (TensorBoard purges). */
  resumeAt(step: number): void {
    const held = this.resumed?.startingStep;
    if (held === undefined || step >= held) return;
    this.logger?.warn(
      `W&B cannot rewind run ${this.run.id}: it already holds steps up to ${held - 1}, so rows logged at steps ${step}-${held - 1} are dropped there (W&B's step rule); W&B continues at step ${held}`,
    );
  }

  /** Whether this run continues an earlier one (see `decideResume`); a resumed run is recorded as one. */
  private async decideResume(): Promise<ResumeDecision> {
    const http = this.http;
    const decision = await decideResume(this.run, {
      rootDir: this.options.dir,
      ...(http ? { graphql: new WandbGraphqlClient(http), redact: (t: string) => http.redact(t) } : {}),
    });
    if (decision.warning !== undefined) this.logger?.warn(decision.warning);
    const state = decision.state;
    if (state === undefined) return decision;
    this.resumed = state;
    this.run = {
      ...this.run,
      startTime: this.run.startTime - state.runtimeSeconds * 1000,
      config: { ...state.config, ...this.run.config },
    };
    this.logger?.info(
      `W&B: run ${this.run.id} resumes at step ${state.startingStep} (from ${state.source === 'server' ? 'W&B' : state.source})`,
    );
    return decision;
  }

  write(rows: readonly MetricRow[]): void {
    if (!this.model) return;
    this.model.write(rows);
    if (this.stream?.stopped && !this.options.spool) this.unspooledRows += rows.length;
  }

  /** The profiler's end-of-run report: in the summary, no history row (see `WandbRunModel.writeReport`). */
  writeReport(row: MetricRow): void {
    this.model?.writeReport(row);
  }

  /** The model's table (`model/summary` in the summary) and config file (`files/model/<name>.json`). */
  logModel(model: LoggedModel): void {
    this.model?.logModel(model);
  }

  /** `run.summary.update()`: summary-only values, in the summary record / `wandb-summary.json` (online and offline). */
  updateSummary(update: SummaryUpdate): void {
    this.model?.updateSummary(update);
  }

  /** `run.defineMetric()`: a `metric` record in the log; config `_wandb.m` online. */
  defineMetric(definition: MetricDefinition): void {
    this.model?.defineMetric(definition);
  }

  /** A captured console write (W&B's Logs tab). */
  consoleOutput(chunk: ConsoleChunk): void {
    this.model?.consoleOutput(chunk);
  }

  /** Durable means on disk: the local log is the spool, so this never waits on the network. */
  async flush(): Promise<void> {
    this.model?.flush();
    await this.log?.flush();
  }

  flushSync(): void {
    this.model?.flush();
    this.log?.flushSync();
  }

  async finish(outcome: RunOutcome): Promise<void> {
    if (!this.model) return;
    // The sinks write their closing records before their first `await`: the core's exit path gets a whole log.
    const finished = this.model.finish(outcome.exitCode, outcome.summary, outcome.endTime);
    if (this.run.resume === 'auto' && outcome.exitCode === 0) removeResumeFile(this.options.dir);
    try {
      await finished;
      await this.finishArtifacts();
    } finally {
      if (this.http) {
        await this.http.close();
        this.saveSyncState();
      }
    }
  }

  stats(): BackendStats {
    const log = this.log?.counters;
    const http = this.http?.counters;
    const streamed = this.stream?.online?.stream.stats;
    return {
      bytesWritten: (log?.bytesWritten ?? 0) + (http?.bytesSent ?? 0),
      requests: http?.requests ?? 0,
      retries: http?.retries ?? 0,
      errors: (this.reporter?.errors ?? 0) + (log?.errors ?? 0),
      dropped:
        (this.model?.counters.droppedRows ?? 0) +
        this.unspooledRows +
        (this.stream?.droppedLines ?? 0) +
        (streamed?.droppedLines ?? 0),
      sendLatencyMs: http && http.latencyCount > 0 ? http.latencyMsSum / http.latencyCount : 0,
    };
  }

  describe(): readonly string[] {
    const dir = this.log?.directory;
    if (this.mode === 'disabled' || dir === undefined) return ['W&B: disabled'];
    if (this.mode === 'offline') {
      return [
        `W&B offline run: ${dir}`,
        `  upload it with: npx trainscope sync ${dir}  (or: wandb sync ${dir})`,
      ];
    }
    const online = this.stream?.online;
    const credentials = this.decision.credentials;
    const url =
      online && credentials
        ? runPageUrl(credentials.baseUrl, online.entity, online.project, this.run.id)
        : undefined;
    if (this.stream?.completed && url) return [`W&B run: ${url}`, `  local copy: ${dir}`];
    const stopped = this.stream?.stopped;
    return [
      `W&B: the run was not fully uploaded${stopped ? ` (${stopped.message})` : ''}; it is kept in ${dir}`,
      `  upload the rest with: npx trainscope sync ${dir}`,
    ];
  }

  /** Waits for artifact uploads within the finish budget, then says what is left for `trainscope sync`. */
  private async finishArtifacts(): Promise<void> {
    const uploader = this.artifacts;
    if (!uploader) return;
    await withDeadline(uploader.idle(), this.tuning.finishBudgetMs ?? 20_000, { keepAlive: false });
    const left = uploader.pending.map((a) => a.name);
    if (left.length === 0) return;
    const dir = this.log?.directory ?? this.options.dir;
    this.logger?.warn(
      `W&B: ${left.length} artifact(s) not uploaded yet (${left.join(', ')}); the run's log keeps them: trainscope sync ${dir}`,
    );
  }

  /** Says once where the run is and how to upload it, and records what W&B already holds. */
  private streamingStopped(stop: FileStreamStop): void {
    const dir = this.log?.directory ?? this.options.dir;
    const where = this.options.spool
      ? `The whole run is kept in ${dir}; upload it with: npx trainscope sync ${dir}`
      : `wandb.spool is off: rows from now on are counted as dropped (the local log ${dir} still has them)`;
    if (stop.reason === 'auth') {
      this.reporter?.countOne();
      this.logger?.error(
        `W&B: ${stop.message}. Check WANDB_API_KEY / \`wandb login\` and the entity's access; streaming stopped. ${where}`,
      );
    } else {
      this.logger?.warn(`W&B: streaming stopped (${stop.message}). ${where}`);
    }
    this.saveSyncState();
  }

  /** Tells a later `trainscope sync` what W&B already holds. */
  private saveSyncState(): void {
    const progress = this.stream?.progress();
    const dir = this.log?.directory;
    const credentials = this.decision.credentials;
    if (!progress || !dir || !credentials) return;
    const host = new URL(credentials.baseUrl).host;
    const state = initialSyncState(this.run.id, host, progress.entity, progress.project);
    state.historyOffset = progress.historyOffset;
    state.eventsOffset = progress.eventsOffset;
    state.uploaded = [...progress.uploaded];
    state.complete = progress.complete;
    state.summarySent = progress.complete;
    state.artifacts = [...this.committedArtifacts];
    if (this.resumed?.source === 'server') {
      state.historyBase = this.resumed.historyOffset;
      state.eventsBase = this.resumed.eventsOffset;
      state.outputBase = this.resumed.outputOffset;
    }
    try {
      saveSyncState(dir, state);
    } catch (error) {
      this.reporter?.report(`could not save the sync state in ${dir}: ${(error as Error).message}`);
    }
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
