import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in a run directory that records how much of the run W&B already holds. */
export const SYNC_STATE_FILE = 'trainscope-sync.json';

/**
 * Progress of uploading one run: the offsets W&B acknowledged, files already stored, and whether the final
 * `complete` message was accepted. Written by `trainscope sync` after every acknowledged batch, and by the live
 * backend when it stops streaming (spool) or finishes, so a later sync resumes where the server stopped.
 */
export interface SyncState {
  readonly version: 1;
  runId: string;
  /** Host of the W&B server the offsets belong to (another server starts from zero). */
  host: string;
  entity: string;
  project: string;
  historyOffset: number;
  eventsOffset: number;
  outputOffset: number;
  uploaded: string[];
  /**
   * A resumed run's lines start at these server offsets (the line counts W&B held when it resumed): local line
   * `i` of the log is server line `base + i`. Absent: 0.
   */
  historyBase?: number;
  eventsBase?: number;
  outputBase?: number;
  summarySent: boolean;
  complete: boolean;
  /** Artifacts W&B committed, as `<name>:<digest>`. */
  artifacts?: string[];
  updatedAt: string;
}

export function syncStatePath(runDir: string): string {
  return join(runDir, SYNC_STATE_FILE);
}

/** The saved state, or undefined when there is none (or it is unreadable: then the sync starts over). */
export function loadSyncState(runDir: string): SyncState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(syncStatePath(runDir), 'utf8')) as Partial<SyncState>;
    if (parsed.version !== 1 || typeof parsed.runId !== 'string') return undefined;
    return {
      version: 1,
      runId: parsed.runId,
      host: String(parsed.host ?? ''),
      entity: String(parsed.entity ?? ''),
      project: String(parsed.project ?? ''),
      historyOffset: nonNegative(parsed.historyOffset),
      eventsOffset: nonNegative(parsed.eventsOffset),
      outputOffset: nonNegative(parsed.outputOffset),
      uploaded: Array.isArray(parsed.uploaded) ? parsed.uploaded.map(String) : [],
      ...(parsed.historyBase !== undefined ? { historyBase: nonNegative(parsed.historyBase) } : {}),
      ...(parsed.eventsBase !== undefined ? { eventsBase: nonNegative(parsed.eventsBase) } : {}),
      ...(parsed.outputBase !== undefined ? { outputBase: nonNegative(parsed.outputBase) } : {}),
      summarySent: parsed.summarySent === true,
      ...(Array.isArray(parsed.artifacts) ? { artifacts: parsed.artifacts.map(String) } : {}),
      complete: parsed.complete === true,
      updatedAt: String(parsed.updatedAt ?? ''),
    };
  } catch {
    return undefined;
  }
}

/** Writes the state atomically (temp file + rename), so a crash never leaves half a file. */
export function saveSyncState(runDir: string, state: SyncState): void {
  state.updatedAt = new Date().toISOString();
  const path = syncStatePath(runDir);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, path);
}

export function initialSyncState(runId: string, host: string, entity: string, project: string): SyncState {
  return {
    version: 1,
    runId,
    host,
    entity,
    project,
    historyOffset: 0,
    eventsOffset: 0,
    outputOffset: 0,
    uploaded: [],
    summarySent: false,
    complete: false,
    updatedAt: '',
  };
}

function nonNegative(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}
