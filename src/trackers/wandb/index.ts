export { WandbBackend, createWandbBackend, type WandbBackendTuning } from './wandb-backend.js';
export { resolveWandbMode, type WandbEffectiveMode, type WandbModeDecision } from './wandb-mode.js';
export { WandbRunModel, type WandbRunCounters } from './run-model.js';
export type { WandbSink, WandbRunEnd } from './wandb-sink.js';
export {
  resolveWandbCredentials,
  DEFAULT_WANDB_BASE_URL,
  type WandbCredentials,
  type ApiKeySource,
} from './credentials.js';
export {
  syncRun,
  findWandbFile,
  SyncError,
  type SyncRunOptions,
  type SyncResult,
  type SyncProgress,
} from './sync/sync-run.js';
export { SYNC_STATE_FILE, loadSyncState, type SyncState } from './sync/sync-state.js';
export { FileStreamClient, officialBatchSchedule, type BatchSchedule } from './online/file-stream-client.js';
export { WandbHttpClient } from './online/http-client.js';
export {
  WandbLogSink,
  readWandbFile,
  type WandbRecord,
  type WandbFileContents,
} from './offline/index.js';
