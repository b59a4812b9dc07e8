import type { Priority as PriorityLevel } from '../core/options.js';

/** Options of `@Profiled` and `profiled()`. */
export interface ProfiledOptions {
  /** Operation name in the profiler's tables and traces. Default `ClassName.methodName` (the function's name for `profiled()`). */
  name?: string;
  /** Groups operations (Chrome trace `cat`, bottleneck table). Default `'default'`. */
  category?: string;
}

/**
 * Where `@TrackMetrics` takes the step from: the name of a numeric property of `this` (`'globalStep'`), or a
 * function of `this` (annotate its parameter: `(t: Trainer) => t.globalStep`). Read when the metrics are logged,
 * i.e. after the method returned (after its promise resolved for async methods).
 */
export type StepSource = string | ((self: never) => number);

/** Options of `@TrackMetrics` (and `instrument(..., {track})`). */
export interface TrackMetricsOptions {
  /** Prepended as `prefix/` to every metric key, e.g. `'training'` logs `training/loss`. */
  prefix?: string;
  /** Log only on steps divisible by `every` (overrides `logging.interval` for these metrics). */
  every?: number;
  /** Where the step comes from. Default: none given, so the run logs at its own step and advances it by one. */
  step?: StepSource;
}

/** Options of `instrument()`: profile the method, and optionally also log what it returns. */
export interface InstrumentOptions extends ProfiledOptions {
  /** Also log the method's return value as `@TrackMetrics(track)` does. */
  track?: TrackMetricsOptions;
  /** Priority of what `track` logs, as `@Priority`. */
  priority?: PriorityLevel;
}

const priorityLevels: readonly string[] = ['high', 'medium', 'low'];

/** Validates at decoration time, so a typo fails when the class is defined, naming the option and why. */
export function checkProfiledOptions(where: string, options: ProfiledOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`trainscope: ${where}: options must be an object`);
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name.length === 0)) {
    throw new TypeError(`trainscope: ${where}: name must be a non-empty string`);
  }
  if (
    options.category !== undefined &&
    (typeof options.category !== 'string' || options.category.length === 0)
  ) {
    throw new TypeError(`trainscope: ${where}: category must be a non-empty string`);
  }
}

export function checkTrackMetricsOptions(where: string, options: TrackMetricsOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`trainscope: ${where}: options must be an object`);
  if (options.prefix !== undefined && typeof options.prefix !== 'string') {
    throw new TypeError(`trainscope: ${where}: prefix must be a string`);
  }
  if (options.every !== undefined && !(Number.isInteger(options.every) && options.every >= 1)) {
    throw new TypeError(`trainscope: ${where}: every must be an integer of at least 1`);
  }
  const step = options.step;
  if (step !== undefined && !(typeof step === 'function' || (typeof step === 'string' && step.length > 0))) {
    throw new TypeError(`trainscope: ${where}: step must be a property name or a function of this`);
  }
}

export function checkPriorityLevel(where: string, level: unknown): asserts level is PriorityLevel {
  if (typeof level !== 'string' || !priorityLevels.includes(level)) {
    throw new TypeError(`trainscope: ${where}: priority must be 'high', 'medium' or 'low'`);
  }
}
