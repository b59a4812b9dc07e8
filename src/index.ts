/**
 * `trainscope`: what a trainer and a backend implementer use. Everything here is documented in the README and
 * is a compatibility promise. The backends' and the profiler's own classes live on subpaths:
 * `trainscope/tensorboard`, `trainscope/wandb`, `trainscope/profiler`.
 */
export { VERSION } from './version.js';

// Runs: start, log, finish (the composition root builds the backends and the profiler).
export { init, currentRun, type InitExtras } from './init.js';
export { Run } from './core/run.js';
export type { FinishOptions } from './core/finish-options.js';
export { ResumeError } from './core/resume-error.js';
export type { ArtifactOptions, StagedArtifact, StagedArtifactFile } from './core/staged-artifact.js';
export type { LogOptions } from './core/run-handle.js';
// A model's architecture for `run.logModel` (a tfjs LayersModel, or a description of a hand-written model).
export type { ModelDescription, ModelLayerDescription, ShapeDimension } from './core/model-description.js';
export type { LogModelOptions, KerasModelLike, LoggedModel } from './core/logged-model.js';
export type { InboundNodesFormat } from './core/keras-model-config.js';
export type { RunSummaryView, SummaryValue } from './core/run-summary-view.js';
export type { SummaryJson, SummaryUpdate } from './core/summary-update.js';
export type { DefineMetricOptions, MetricDefinition, MetricSummaryMode } from './core/metric-definition.js';

// Options: one zod schema is the validation and the type; the JSON config file and the WANDB_* variables.
export {
  parseOptions,
  OptionsError,
  TrainscopeOptionsSchema,
  type TrainscopeOptions,
  type ResolvedOptions,
  type Priority as PriorityLevel,
  type LoggingLevel,
  type WandbMode,
  type LoggingOptions,
  type ProfilingOptions,
  type TensorBoardOptions,
  type WandbOptions,
} from './core/options.js';
export type { DistributedOptions } from './core/distributed-options.js';
// Rank and world size from the launcher's environment (to shard data before `init`).
export { resolveRank, type RankInfo } from './core/rank.js';
export {
  loadOptions,
  loadConfigFile,
  ConfigFileError,
  CONFIG_FILE_NAME,
  type LoadOptionsInput,
  type ConfigFileOptions,
} from './core/config-loader.js';

// Values beyond numbers.
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

// Decorators and the function API.
export {
  Profiled,
  TrackMetrics,
  Priority,
  profiled,
  instrument,
  profileOperation,
  rankZeroOnly,
  RankZeroOnly,
  processRank,
  decorationsOf,
  TRAINSCOPE_METADATA,
  type ProfiledOptions,
  type TrackMetricsOptions,
  type InstrumentOptions,
  type StepSource,
  type MemberDecorator,
  type MemberDecorations,
  type RankZeroOnlyDecorator,
} from './decorators/index.js';

// For backend implementers (`init(options, {backends: [mine]})`) and custom profilers.
export {
  emptyBackendStats,
  type Backend,
  type BackendContext,
  type BackendStartInfo,
  type BackendStats,
  type MetricRow,
  type ResumeMode,
  type RunInfo,
  type RunOutcome,
  type Logger,
} from './core/backend.js';
export type { ProfilerHost, RunProfiler, SpanSink } from './core/run-handle.js';
