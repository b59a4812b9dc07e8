import { currentHandle } from '../core/current.js';
import type { Priority as PriorityLevel } from '../core/options.js';
import type { LogOptions, RunHandle } from '../core/run-handle.js';
import { copyFunctionShape } from './function-shape.js';
import { describeType, selectMetrics } from './metric-selection.js';
import { linkWrapper } from './method-options.js';
import type { StepSource, TrackMetricsOptions } from './decorator-options.js';
import { warnOnce } from './warn-once.js';

/** How a tracked function learns about itself; resolved on its first call with an active run. */
export interface TrackedFunctionSite {
  /** The object whose step is read, when it is not the call's `this` (arrow-function fields). */
  readonly instance?: unknown;
  /** `ClassName.method` for warnings: built only when one is given, never on the per-call path. */
  label(self: unknown): string;
  /** The priority set by `@Priority` (or `instrument`), read once, after every decorator has run. */
  priority(): PriorityLevel | undefined;
}

/**
 * Wraps `fn` so that, while a run is active, what it returns (or what its promise resolves to) is logged through
 * `run.log(metrics, {prefix, every, step, priority})`. The caller always gets the return value unchanged (a
 * thenable comes back as a promise of the same value or the identical error). Without a run: one null check.
 */
export function createTrackedFunction<F extends Function>(
  fn: F,
  options: TrackMetricsOptions,
  site: TrackedFunctionSite,
): F {
  let baseOptions: LogOptions | undefined;
  const track = (handle: RunHandle, self: unknown, value: unknown): void => {
    if (baseOptions === undefined) baseOptions = logOptionsOf(options, site.priority());
    const selection = selectMetrics(value);
    if (selection === undefined) {
      const label = site.label(self);
      warnOnce(
        `track-metrics-result:${label}`,
        `@TrackMetrics ${label} returned ${describeType(value)}, not an object of metrics, so nothing was logged; ` +
          'return e.g. {loss, accuracy}',
      );
      return;
    }
    if (selection.skipped.length > 0) {
      const label = site.label(self);
      warnOnce(
        `track-metrics-skipped:${label}`,
        `@TrackMetrics ${label} returned fields that are not metrics and are not logged: ${selection.skipped.join(', ')}`,
      );
    }
    let logOptions = baseOptions;
    if (options.step !== undefined) {
      const step = readStep(options.step, self, site);
      if (step !== undefined) logOptions = { ...baseOptions, step };
    }
    try {
      handle.log(selection.metrics, logOptions);
    } catch (error) {
      const label = site.label(self);
      warnOnce(
        `track-metrics-log:${label}`,
        `@TrackMetrics ${label} could not log its metrics: ${String(error)}`,
      );
    }
  };

  const wrapper = function trackedWrapper(this: unknown): unknown {
    const handle = currentHandle();
    // biome-ignore lint/complexity/noArguments: forwarding `arguments` to apply allocates nothing; rest args cost ~15 ns per call
    if (handle === null) return fn.apply(this, arguments);
    // biome-ignore lint/complexity/noArguments: forwarding `arguments` to apply allocates nothing; rest args cost ~15 ns per call
    const result: unknown = fn.apply(this, arguments);
    if (
      result !== null &&
      typeof result === 'object' &&
      typeof (result as { then?: unknown }).then === 'function'
    ) {
      const promise = result instanceof Promise ? result : Promise.resolve(result as PromiseLike<unknown>);
      return promise.then((value: unknown) => {
        track(handle, site.instance ?? this, value);
        return value;
      });
    }
    track(handle, site.instance ?? this, result);
    return result;
  };
  copyFunctionShape(wrapper, fn);
  linkWrapper(wrapper, fn);
  return wrapper as unknown as F;
}

function logOptionsOf(options: TrackMetricsOptions, priority: PriorityLevel | undefined): LogOptions {
  const logOptions: LogOptions = {};
  if (options.prefix !== undefined && options.prefix !== '') logOptions.prefix = options.prefix;
  if (options.every !== undefined) logOptions.every = options.every;
  if (priority !== undefined) logOptions.priority = priority;
  return Object.freeze(logOptions);
}

/** The step from `this`, or `undefined` (the run's own step) with a one-time warning when it is not a number. */
function readStep(source: StepSource, self: unknown, site: TrackedFunctionSite): number | undefined {
  let step: unknown;
  try {
    if (typeof source === 'function') step = (source as (self: unknown) => unknown)(self);
    else step = self === null || self === undefined ? undefined : (self as Record<string, unknown>)[source];
  } catch (error) {
    const label = site.label(self);
    warnOnce(
      `track-metrics-step:${label}`,
      `@TrackMetrics ${label}: the step function threw (${String(error)}); logged at the run's step instead`,
    );
    return undefined;
  }
  if (typeof step === 'bigint') return Number(step);
  if (typeof step !== 'number' || !Number.isFinite(step)) {
    const what = typeof source === 'function' ? 'the step function' : `this.${source}`;
    const label = site.label(self);
    warnOnce(
      `track-metrics-step:${label}`,
      `@TrackMetrics ${label}: ${what} is ${describeType(step)}, not a finite number; logged at the run's step instead`,
    );
    return undefined;
  }
  return step;
}
