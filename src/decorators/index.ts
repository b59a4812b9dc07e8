// Must come first: decorated classes defined after this module was imported then get `Symbol.metadata`.
import './symbol-metadata.js';

export { Profiled } from './profiled.js';
export { TrackMetrics } from './track-metrics.js';
export { Priority } from './priority.js';
export { profiled, instrument, profileOperation } from './function-api.js';
export type { MemberDecorator } from './member-decorator.js';
export type {
  ProfiledOptions,
  TrackMetricsOptions,
  InstrumentOptions,
  StepSource,
} from './decorator-options.js';
export { TRAINSCOPE_METADATA, decorationsOf, type MemberDecorations } from './decoration-metadata.js';
