export { VERSION } from './version.js';
export {
  parseOptions,
  OptionsError,
  TrainscopeOptionsSchema,
  type TrainscopeOptions,
  type ResolvedOptions,
  type Priority as PriorityLevel,
  type LoggingLevel,
  type WandbMode,
} from './core/options.js';
export {
  text,
  table,
  histogram,
  type MetricValue,
  type TextValue,
  type HistogramValue,
  type TableValue,
  type TableCell,
} from './core/values.js';
export type {
  Backend,
  BackendContext,
  BackendStats,
  MetricRow,
  RunInfo,
  RunOutcome,
  Logger,
} from './core/backend.js';
export type { LogOptions } from './core/run-handle.js';
export { init, currentRun, type InitExtras } from './init.js';
export { Run, type FinishOptions } from './core/run.js';
export {
  loadOptions,
  loadConfigFile,
  ConfigFileError,
  CONFIG_FILE_NAME,
  type LoadOptionsInput,
  type ConfigFileOptions,
} from './core/config-loader.js';
export { emptyBackendStats } from './core/backend.js';
export type {
  LoggingOptions,
  ProfilingOptions,
  TensorBoardOptions,
  WandbOptions,
} from './core/options.js';
export type { ProfilerHost, RunProfiler, SpanSink, RunHandle } from './core/run-handle.js';
// TensorBoard backend and reader
export {
  TensorBoardBackend,
  EventFileWriter,
  inspectLogDir,
  type EventFileWriterOptions,
  type InspectResult,
  type InspectRun,
  type InspectTag,
  type InspectPoint,
  type InspectEventFile,
  type EventFileProblem,
  type TagPointValue,
  type HistogramBuckets,
} from './trackers/tensorboard/index.js';
// Decorators and function API
export {
  Profiled,
  TrackMetrics,
  Priority,
  profiled,
  instrument,
  profileOperation,
  type ProfiledOptions,
  type TrackMetricsOptions,
  type InstrumentOptions,
  type StepSource,
  type MemberDecorator,
  decorationsOf,
  TRAINSCOPE_METADATA,
  type MemberDecorations,
  rankZeroOnly,
  RankZeroOnly,
  processRank,
  type RankZeroOnlyDecorator,
} from './decorators/index.js';
// Profiler
export {
  createProfiler,
  Profiler,
  OperationStats,
  BottleneckAnalyzer,
  ChromeTraceWriter,
  QUANTILE_RELATIVE_ERROR,
  type ProfilerSettings,
  type RankedOperation,
  type OperationWindow,
  type GpuMemoryProvider,
  type GpuMemorySample,
  type GpuDeviceSample,
  type TensorflowMemorySource,
} from './profiler/index.js';
// W&B backend and sync
export {
  WandbBackend,
  createWandbBackend,
  syncRun,
  SyncError,
  SYNC_STATE_FILE,
  resolveWandbCredentials,
  WandbRunModel,
  WandbLogSink,
  readWandbFile,
  type WandbBackendTuning,
  type WandbEffectiveMode,
  type SyncRunOptions,
  type SyncResult,
  type SyncProgress,
  type WandbCredentials,
  type WandbRecord,
  type WandbFileContents,
} from './trackers/wandb/index.js';
// Distributed training (rank detection, per-rank policy)
export { groupRunId } from './core/run-identity.js';
export type { DistributedOptions } from './core/distributed-options.js';
export { resolveRank, type RankInfo, type RankSource } from './core/rank.js';
