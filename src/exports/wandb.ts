/** `trainscope/wandb`: the W&B backend, `syncRun` (what `trainscope sync` does) and the `.wandb` reader. */
export {
  WandbBackend,
  createWandbBackend,
  type WandbBackendTuning,
} from '../trackers/wandb/wandb-backend.js';
export { resolveWandbMode, type WandbEffectiveMode } from '../trackers/wandb/wandb-mode.js';
export { resolveWandbCredentials, type WandbCredentials } from '../trackers/wandb/credentials.js';
export {
  syncRun,
  SyncError,
  type SyncRunOptions,
  type SyncResult,
  type SyncProgress,
} from '../trackers/wandb/sync/sync-run.js';
export { SYNC_STATE_FILE } from '../trackers/wandb/sync/sync-state.js';
export { readWandbFile, type WandbRecord, type WandbFileContents } from '../trackers/wandb/offline/index.js';
