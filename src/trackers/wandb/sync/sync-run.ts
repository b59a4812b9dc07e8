import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveWandbCredentials } from '../credentials.js';
import { readWandbFile } from '../offline/read-wandb-file.js';
import { exceedsLineLimit, type FileStreamStop, type StreamedFile } from '../online/file-stream-client.js';
import { WandbGraphqlError } from '../online/graphql-client.js';
import { WandbHttpClient } from '../online/http-client.js';
import { OnlineRun } from '../online/online-run.js';
import type { BackoffOptions, EndpointKind } from '../online/retry-policy.js';
import { runPageUrl } from '../online/run-page-url.js';
import { planReplay, ReplayError } from './run-replay.js';
import { initialSyncState, loadSyncState, type SyncState, saveSyncState } from './sync-state.js';

export interface SyncProgress {
  readonly runDir: string;
  readonly phase: 'history' | 'events' | 'output' | 'files' | 'finish' | 'done';
  /** Lines and files W&B holds so far (including those a previous sync sent). */
  readonly done: number;
  readonly total: number;
}

export interface SyncRunOptions {
  readonly entity?: string;
  readonly project?: string;
  readonly baseUrl?: string;
  readonly apiKey?: string;
  /** Environment for key/base URL lookup (`WANDB_API_KEY`, `WANDB_BASE_URL`, `HOME`); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
  /** How long one request may keep retrying before the sync stops (resumable) (ms). */
  readonly retryBudgetMs?: number;
  readonly backoff?: Partial<Record<EndpointKind, BackoffOptions>>;
  /** Characters of lines sent per request (at most). */
  readonly maxRequestChars?: number;
  readonly onProgress?: (progress: SyncProgress) => void;
  readonly onWarning?: (message: string) => void;
}

export interface SyncResult {
  readonly runDir: string;
  readonly runId: string;
  readonly entity: string;
  readonly project: string;
  readonly url: string;
  /** Nothing was sent: an earlier sync (or the live run) already completed this run. */
  readonly alreadySynced: boolean;
  readonly historyLines: number;
  /** History lines sent by this call (0 on a repeated sync). */
  readonly sentHistoryLines: number;
  readonly uploadedFiles: number;
  readonly exitCode: number;
  readonly warnings: readonly string[];
}

export class SyncError extends Error {
  constructor(
    readonly runDir: string,
    message: string,
    /** `true` when running the same sync again later can succeed (network trouble). */
    readonly resumable: boolean,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The one `.wandb` file of a run directory (W&B's sync rule). */
export function findWandbFile(runDir: string): string {
  let names: string[];
  try {
    names = readdirSync(runDir).filter((n) => n.endsWith('.wandb'));
  } catch (error) {
    throw new SyncError(runDir, `cannot read ${runDir}: ${(error as Error).message}`, false);
  }
  if (names.length !== 1) {
    throw new SyncError(
      runDir,
      names.length === 0
        ? `${runDir} has no .wandb file (is it a W&B run directory, e.g. wandb/offline-run-…?)`
        : `${runDir} has ${names.length} .wandb files; a run directory holds exactly one`,
      false,
    );
  }
  return join(runDir, names[0] as string);
}

/**
 * Uploads one offline run directory (ours or the official client's) to W&B: `UpsertBucket`, then the history,
 * system metrics, console output and summary over `file_stream`, the run's files, and the exit code.
 *
 * Resumable and idempotent: offsets W&B acknowledged are kept in `trainscope-sync.json` in the run directory; an
 * interrupted sync continues from there, and a sync of a completed run sends nothing.
 */
export async function syncRun(dir: string, options: SyncRunOptions = {}): Promise<SyncResult> {
  const runDir = resolve(dir);
  const contents = readWandbFile(findWandbFile(runDir));
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.onWarning?.(message);
  };
  for (const message of contents.errors) warn(`damaged record skipped: ${message}`);
  for (const message of contents.warnings) warn(message);
  let plan: ReturnType<typeof planReplay>;
  try {
    plan = planReplay(contents.records);
  } catch (error) {
    if (error instanceof ReplayError) throw new SyncError(runDir, `${runDir}: ${error.message}`, false);
    throw error;
  }
  for (const message of plan.warnings) warn(message);
  const runId = plan.run.run_id;
  if (!runId) throw new SyncError(runDir, `${runDir}: the run record has no run id`, false);

  const credentials = resolveWandbCredentials({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    env: options.env,
  });
  if (credentials.insecureWarning) warn(credentials.insecureWarning);
  if (!credentials.apiKey) {
    throw new SyncError(
      runDir,
      'no W&B API key: set WANDB_API_KEY, run `wandb login` (writes ~/.netrc), or pass apiKey',
      false,
    );
  }
  const host = new URL(credentials.baseUrl).host;
  const historyLines = plan.historyLines.filter((line) => {
    if (!exceedsLineLimit(line)) return true;
    warn(`a history line of ${Buffer.byteLength(line)} bytes is over W&B's line limit; not sent`);
    return false;
  });

  let state = loadSyncState(runDir);
  const sameDestination =
    state !== undefined &&
    state.runId === runId &&
    state.host === host &&
    (options.entity === undefined || options.entity === state.entity) &&
    (options.project === undefined || options.project === state.project);
  if (!sameDestination) state = undefined;
  const entity = options.entity ?? state?.entity ?? nonEmpty(plan.run.entity);
  const project = options.project ?? state?.project ?? nonEmpty(plan.run.project) ?? 'uncategorized';
  const exitCode = plan.exitCode ?? 1;
  const total = historyLines.length + plan.eventLines.length + plan.outputLines.length + plan.files.length;
  if (state?.complete) {
    options.onProgress?.({ runDir, phase: 'done', done: total, total });
    return {
      runDir,
      runId,
      entity: state.entity,
      project: state.project,
      url: runPageUrl(credentials.baseUrl, state.entity, state.project, runId),
      alreadySynced: true,
      historyLines: historyLines.length,
      sentHistoryLines: 0,
      uploadedFiles: 0,
      exitCode,
      warnings,
    };
  }
  if (plan.exitCode === undefined) {
    warn(
      `${runDir}: the run has no exit record (killed or still running); W&B marks it failed (exit code 1)`,
    );
  }

  const http = new WandbHttpClient({
    baseUrl: credentials.baseUrl,
    apiKey: credentials.apiKey,
    timeoutMs: options.timeoutMs ?? 30_000,
    retryBudgetMs: options.retryBudgetMs ?? 600_000,
    backoff: options.backoff,
  });
  let stop: FileStreamStop | undefined;
  let current: SyncState | undefined = state;
  const offsets = {
    history: state?.historyOffset ?? 0,
    events: state?.eventsOffset ?? 0,
    output: state?.outputOffset ?? 0,
  };
  const startedAt = offsets.history;
  let uploadedNow = 0;
  try {
    let run: OnlineRun;
    try {
      run = await OnlineRun.open(
        http,
        {
          runId,
          project,
          entity,
          displayName: nonEmpty(plan.run.display_name),
          group: nonEmpty(plan.run.run_group),
          jobType: nonEmpty(plan.run.job_type),
          tags: plan.run.tags,
          notes: nonEmpty(plan.run.notes),
          host: nonEmpty(plan.run.host),
          config: plan.config,
          startTime: plan.startTimeMs,
        },
        {
          askViewer: false,
          fileStream: { startOffsets: offsets, maxRequestChars: options.maxRequestChars },
          onAcked: (file: StreamedFile, next: number) => {
            if (!current) return;
            if (file === 'history') current.historyOffset = next;
            else if (file === 'events') current.eventsOffset = next;
            else current.outputOffset = next;
            saveSyncState(runDir, current);
          },
          onUploaded: (path) => {
            uploadedNow++;
            if (!current) return;
            current.uploaded.push(path);
            saveSyncState(runDir, current);
          },
          onStopped: (s) => {
            stop = s;
          },
          onError: warn,
        },
      );
    } catch (error) {
      const resumable = !(error instanceof WandbGraphqlError) || error.failure !== 'auth';
      throw new SyncError(runDir, http.redact((error as Error).message), resumable);
    }
    current = state ?? initialSyncState(runId, host, run.entity, run.project);
    current.entity = run.entity;
    current.project = run.project;
    saveSyncState(runDir, current);
    const state_ = current;
    const already = (): number =>
      state_.historyOffset + state_.eventsOffset + state_.outputOffset + state_.uploaded.length;
    const report = (phase: SyncProgress['phase']): void =>
      options.onProgress?.({ runDir, phase, done: Math.min(total, already()), total });
    const pageChars = Math.max(64 * 1024, (options.maxRequestChars ?? 8 * 1024 * 1024) / 2);

    const feed = async (
      lines: readonly string[],
      from: number,
      push: (line: string) => boolean,
      phase: SyncProgress['phase'],
    ): Promise<void> => {
      for (let i = from; i < lines.length; i++) {
        push(lines[i] as string);
        if (run.stream.pendingChars >= pageChars) {
          await run.stream.drain();
          if (stop) return;
          report(phase);
        }
      }
      await run.stream.drain();
      report(phase);
    };
    report('history');
    await feed(historyLines, offsets.history, (l) => run.stream.pushHistory(l), 'history');
    if (!stop) await feed(plan.eventLines, offsets.events, (l) => run.stream.pushEvents(l), 'events');
    if (!stop) await feed(plan.outputLines, offsets.output, (l) => run.stream.pushOutput(l), 'output');
    if (!stop) {
      for (const path of plan.files) {
        if (state_.uploaded.includes(path)) continue;
        const local = join(runDir, 'files', path);
        if (!existsSync(local)) {
          warn(`${path} is listed in the log but missing from ${join(runDir, 'files')}; not uploaded`);
          continue;
        }
        run.uploader.upload(path, readFileSync(local));
      }
      await run.uploader.idle();
      report('files');
    }
    if (!stop && plan.summaryLine !== undefined) run.stream.setSummary(plan.summaryLine);
    if (!stop) {
      report('finish');
      const completed = await run.finish(exitCode);
      if (completed) {
        state_.complete = true;
        state_.summarySent = true;
        saveSyncState(runDir, state_);
        report('done');
      }
    }
    if (stop || !state_.complete) {
      const reason = stop?.message ?? 'the final message was not accepted';
      throw new SyncError(
        runDir,
        `${http.redact(reason)}; ${state_.historyOffset} of ${historyLines.length} history lines are on the server. ` +
          'Run the same sync again to continue.',
        stop?.reason !== 'auth',
      );
    }
    return {
      runDir,
      runId,
      entity: run.entity,
      project: run.project,
      url: runPageUrl(credentials.baseUrl, run.entity, run.project, runId),
      alreadySynced: false,
      historyLines: historyLines.length,
      sentHistoryLines: historyLines.length - startedAt,
      uploadedFiles: uploadedNow,
      exitCode,
      warnings,
    };
  } finally {
    await http.close();
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value !== '' ? value : undefined;
}
