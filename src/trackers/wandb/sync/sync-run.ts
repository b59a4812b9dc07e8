import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveWandbCredentials, type WandbCredentials } from '../credentials.js';
import type { StagedArtifact } from '../../../core/staged-artifact.js';
import { decodeArtifactRecord } from '../artifacts/artifact-record.js';
import { readWandbFile } from '../offline/read-wandb-file.js';
import { exceedsLineLimit } from '../online/file-stream-client.js';
import { WandbHttpClient } from '../online/http-client.js';
import type { BackoffOptions, EndpointKind } from '../online/retry-policy.js';
import { runPageUrl } from '../online/run-page-url.js';
import { nonEmptyField, planReplay, ReplayError, type ReplayPlan } from './run-replay.js';
import { RunUpload, type SyncPhase } from './run-upload.js';
import { SyncError } from './sync-error.js';
import { loadSyncState, type SyncState } from './sync-state.js';

export { SyncError } from './sync-error.js';

export interface SyncProgress {
  readonly runDir: string;
  readonly phase: SyncPhase;
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
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    options.onWarning?.(message);
  };
  const { plan, runId, artifacts } = readRunLog(runDir, warn);
  const credentials = syncCredentials(runDir, options, warn);
  const apiKey = credentials.apiKey as string;
  const host = new URL(credentials.baseUrl).host;
  const historyLines = plan.historyLines.filter((line) => {
    if (!exceedsLineLimit(line)) return true;
    warn(`a history line of ${Buffer.byteLength(line)} bytes is over W&B's line limit; not sent`);
    return false;
  });
  const state = savedStateFor(runDir, runId, host, options);
  const exitCode = plan.exitCode ?? 1;
  const total = historyLines.length + plan.eventLines.length + plan.outputLines.length + plan.files.length;
  const result = (entity: string, project: string, sent: { lines: number; files: number } | undefined) => ({
    runDir,
    runId,
    entity,
    project,
    url: runPageUrl(credentials.baseUrl, entity, project, runId),
    alreadySynced: sent === undefined,
    historyLines: historyLines.length,
    sentHistoryLines: sent?.lines ?? 0,
    uploadedFiles: sent?.files ?? 0,
    exitCode,
    warnings,
  });
  const pending = artifacts.filter((a) => !state?.artifacts?.includes(`${a.name}:${a.digest}`));
  // An artifact whose staging copy is gone (another machine's log, a cleaned cache) can never be uploaded.
  const artifactsLeft = pending.filter((a) => a.files.every((f) => existsSync(f.localPath)));
  if (state?.complete && artifactsLeft.length === 0) {
    options.onProgress?.({ runDir, phase: 'done', done: total, total });
    return result(state.entity, state.project, undefined);
  }
  for (const artifact of pending) {
    if (!artifactsLeft.includes(artifact))
      warn(
        `artifact ${artifact.name}: its staging copy is gone (${artifact.files[0]?.localPath}); not uploaded`,
      );
  }
  if (plan.exitCode === undefined) {
    warn(
      `${runDir}: the run has no exit record (killed or still running); W&B marks it failed (exit code 1)`,
    );
  }
  const http = new WandbHttpClient({
    baseUrl: credentials.baseUrl,
    apiKey,
    timeoutMs: options.timeoutMs ?? 30_000,
    retryBudgetMs: options.retryBudgetMs ?? 600_000,
    backoff: options.backoff,
  });
  try {
    const upload = new RunUpload(http, {
      runDir,
      runId,
      plan,
      historyLines,
      artifacts: artifactsLeft,
      entity: options.entity ?? state?.entity ?? nonEmptyField(plan.run.entity),
      project: options.project ?? state?.project ?? nonEmptyField(plan.run.project) ?? 'uncategorized',
      host,
      resumeFrom: state,
      maxRequestChars: options.maxRequestChars,
      warn,
      report: (phase, done) => options.onProgress?.({ runDir, phase, done: Math.min(total, done), total }),
    });
    const { entity, project, uploadedFiles } = await upload.run();
    const lines = historyLines.length - upload.startOffsets.history;
    return result(entity, project, { lines, files: uploadedFiles });
  } finally {
    await http.close();
  }
}

/** The log's records as a replay plan, with its damaged records and odd records reported as warnings. */
function readRunLog(
  runDir: string,
  warn: (message: string) => void,
): { plan: ReplayPlan; runId: string; artifacts: StagedArtifact[] } {
  const contents = readWandbFile(findWandbFile(runDir));
  for (const message of contents.errors) warn(`damaged record skipped: ${message}`);
  for (const message of contents.warnings) warn(message);
  let plan: ReplayPlan;
  try {
    plan = planReplay(contents.records);
  } catch (error) {
    if (error instanceof ReplayError) throw new SyncError(runDir, `${runDir}: ${error.message}`, false);
    throw error;
  }
  for (const message of plan.warnings) warn(message);
  const runId = plan.run.run_id;
  if (!runId) throw new SyncError(runDir, `${runDir}: the run record has no run id`, false);
  const artifacts: StagedArtifact[] = [];
  for (const record of contents.records) {
    if (record.type !== 'artifact' || record.artifact === undefined) continue;
    try {
      artifacts.push(decodeArtifactRecord(record.artifact));
    } catch (error) {
      warn(`an artifact record could not be read (${(error as Error).message}); skipped`);
    }
  }
  return { plan, runId, artifacts };
}

/** The key and base URL to sync with; a sync without a key stops here. */
function syncCredentials(
  runDir: string,
  options: SyncRunOptions,
  warn: (message: string) => void,
): WandbCredentials {
  const credentials = resolveWandbCredentials({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    env: options.env,
  });
  if (credentials.insecureWarning) warn(credentials.insecureWarning);
  if (!credentials.apiKey) {
    throw new SyncError(
      runDir,
      'no W&B API key: set WANDB_API_KEY or run `wandb login` (writes ~/.netrc)',
      false,
    );
  }
  return credentials;
}

/** The saved state when it is about this run at this destination (another server or project starts over). */
function savedStateFor(
  runDir: string,
  runId: string,
  host: string,
  options: SyncRunOptions,
): SyncState | undefined {
  const state = loadSyncState(runDir);
  const sameDestination =
    state !== undefined &&
    state.runId === runId &&
    state.host === host &&
    (options.entity === undefined || options.entity === state.entity) &&
    (options.project === undefined || options.project === state.project);
  return sameDestination ? state : undefined;
}
