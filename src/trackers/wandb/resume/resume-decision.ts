import type { ResumeMode, RunInfo } from '../../../core/backend.js';
import type { WandbGraphqlClient } from '../online/graphql-client.js';
import { latestLocalRunDir, resumeStateFromLocalRun } from './local-run-lookup.js';
import { queryResumeStatus } from './resume-status-query.js';
import { emptyResumeState, type WandbResumeState } from './wandb-resume-state.js';

/** What `init({ resume })` means for the W&B run (W&B's table, protocol-2 §4). */
export interface ResumeDecision {
  /** The earlier run to continue; undefined: a new run. */
  readonly state?: WandbResumeState;
  /** The mode cannot be honoured (`must` without a run, `never` with one): the run does not start. */
  readonly refusal?: string;
  /** Said once (a reused id without `resume`, a server that could not be asked). */
  readonly warning?: string;
  /** Online, the server could not be asked: streaming could overwrite the run, so the run is only spooled. */
  readonly serverUnknown?: boolean;
}

/** Where to look: the server (online) and the local run directories under `rootDir`. */
export interface ResumeLookup {
  readonly rootDir: string;
  readonly graphql?: WandbGraphqlClient;
  readonly redact?: (text: string) => string;
}

/**
 * Decides whether the run continues an earlier one. Online the server is the authority (`RunResumeStatus`,
 * asked before any `UpsertBucket`); offline, or when the server cannot be asked, the newest local run directory
 * of the id is.
 */
export async function decideResume(run: RunInfo, lookup: ResumeLookup): Promise<ResumeDecision> {
  const mode = run.resume;
  let warning: string | undefined;
  let serverUnknown = false;
  let state: WandbResumeState | undefined;
  let where = 'on W&B';
  // Online without `resume`, `UpsertBucket`'s `inserted` tells whether the id was reused (no extra request).
  if (lookup.graphql !== undefined && mode === undefined) return {};
  if (lookup.graphql !== undefined) {
    try {
      state = await queryResumeStatus(lookup.graphql, run.entity, run.project, run.id);
    } catch (error) {
      serverUnknown = true;
      const message = lookup.redact?.((error as Error).message) ?? (error as Error).message;
      warning = `W&B: could not ask the server about run ${run.id} (${message}); it is kept locally only (upload it with \`trainscope sync\`, which appends)`;
    }
  }
  if (lookup.graphql === undefined || serverUnknown) {
    const dir = latestLocalRunDir(lookup.rootDir, run.id);
    where = `in ${lookup.rootDir}/wandb`;
    if (dir !== undefined && mode === undefined) {
      return { warning: reusedLocally(run.id, dir) };
    }
    if (dir !== undefined) {
      try {
        state = resumeStateFromLocalRun(dir, run.id);
      } catch (error) {
        return { refusal: `cannot read the earlier run ${dir} to resume it: ${(error as Error).message}` };
      }
    }
  }
  const refusal = refuse(mode, state !== undefined, run.id, where);
  if (refusal !== undefined) return { refusal };
  // Not knowing what the server holds, the log still says "resumed": its sync appends at the server's counts.
  if (serverUnknown && state === undefined) state = emptyResumeState('the local log only');
  return { state, ...(warning ? { warning } : {}), ...(serverUnknown ? { serverUnknown } : {}) };
}

function refuse(
  mode: ResumeMode | undefined,
  exists: boolean,
  id: string,
  where: string,
): string | undefined {
  if (mode === 'must' && !exists) {
    return `resume 'must' but run ${id} does not exist ${where}; use resume: 'allow' to start it`;
  }
  if (mode === 'never' && exists) {
    return `resume 'never' but run ${id} already exists ${where}; use another id, or resume: 'allow' to continue it`;
  }
  return undefined;
}

function reusedLocally(id: string, dir: string): string {
  return `W&B: run ${id} already has a local run (${dir}) and \`resume\` is not set: this session is a separate start, and uploading both overwrites the first one's history. Pass resume: 'allow' to continue it`;
}

/** The warning when `UpsertBucket` finds the run already there and the session did not ask to resume it. */
export function reusedIdWarning(id: string): string {
  return `W&B: run ${id} already existed on the server and \`resume\` is not set: this session overwrites its history from step 0. Pass resume: 'allow' to continue it instead`;
}
