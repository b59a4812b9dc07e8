// Must come first: decorated classes defined after this module was imported then get `Symbol.metadata`.
import './decoration-metadata.js';

export { Profiled, type ProfiledOptions } from './profiled.js';
export { TrackMetrics, type TrackMetricsOptions, type StepSource } from './track-metrics.js';
export { Priority } from './priority.js';
export { profiled, instrument, profileOperation, type InstrumentOptions } from './function-api.js';
export { rankZeroOnly, RankZeroOnly, processRank, type RankZeroOnlyDecorator } from './rank-zero-only.js';
export type { MemberDecorator } from './member-decorator.js';
export { TRAINSCOPE_METADATA, decorationsOf, type MemberDecorations } from './decoration-metadata.js';
