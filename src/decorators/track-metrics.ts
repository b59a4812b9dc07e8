import { currentHandle } from '../core/current.js';
import type { Priority as PriorityLevel } from '../core/options.js';
import type { LogOptions, RunHandle } from '../core/run-handle.js';
import { isRichValue } from '../core/values.js';
import {
  type MemberDecoration,
  type MemberDecorator,
  type MemberKey,
  copyFunctionShape,
  decorateMember,
  isLegacyCall,
  isStandardCall,
  linkWrapper,
  registerRewrappable,
  warnOnce,
} from './member-decorator.js';
import type { MemberSite } from './member-site.js';
import { methodPriority } from './priority.js';

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

/**
 * Logs what the method returns (sync, or what its promise resolves to) through the active run:
 * `run.log(metrics, {prefix, every, step, priority})`. The method must return an object of metrics, e.g.
 * `{loss, accuracy}`, possibly with other fields, which are left out (warned once); other return values are
 * not logged (warned once). The return value always reaches the caller unchanged.
 *
 * ```ts
 * class Trainer {
 *   globalStep = 0;
 *   @TrackMetrics({ prefix: 'training', step: 'globalStep' })
 *   trainStep(batch: Batch) { ...; return { loss, accuracy }; }
 * }
 * ```
 */
export function TrackMetrics(options?: TrackMetricsOptions): MemberDecorator;
export function TrackMetrics<F extends Function, This>(
  value: F,
  context: ClassMethodDecoratorContext<This>,
): F;
export function TrackMetrics<V>(
  value: undefined,
  context: ClassFieldDecoratorContext<unknown, V>,
): (initialValue: V) => V;
export function TrackMetrics(
  target: object,
  propertyKey: string | symbol,
  descriptor?: PropertyDescriptor,
): void;
export function TrackMetrics(...args: unknown[]): unknown {
  if (isStandardCall(args) || isLegacyCall(args)) return decorateMember(trackMetricsDecoration({}), args);
  const options = (args[0] ?? {}) as TrackMetricsOptions;
  checkTrackMetricsOptions('@TrackMetrics', options);
  const decoration = trackMetricsDecoration(options);
  return ((...decoratorArgs: unknown[]) => decorateMember(decoration, decoratorArgs)) as MemberDecorator;
}

function trackMetricsDecoration(options: TrackMetricsOptions): MemberDecoration {
  const { prefix, every, step } = options;
  const stepName = typeof step === 'function' ? '(function)' : step;
  return {
    decorator: '@TrackMetrics',
    metadata: { trackMetrics: { prefix, every, step: stepName } },
    reflect: ['track-metrics', { prefix, every, step: stepName }],
    prepare(site: MemberSite, member: MemberKey) {
      return (fn, instance) =>
        createTrackedFunction(fn, options, {
          instance,
          label: (self) => site.label(self),
          priority: () => methodPriority(fn, member),
        });
    },
  };
}

/** Validates at decoration time, so a typo fails when the class is defined, naming the option and why. */
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
    let selection: MetricSelection | undefined;
    try {
      selection = selectMetrics(value);
    } catch (error) {
      // An exotic return value (a Proxy whose traps throw): never an exception in the trainer.
      const label = site.label(self);
      warnOnce(
        `track-metrics-read:${label}`,
        `@TrackMetrics ${label}: its return value could not be read (${String(error)}); nothing was logged`,
      );
      return;
    }
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
  registerRewrappable(wrapper, { inner: fn, rewrap: (inner) => createTrackedFunction(inner, options, site) });
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

/** What a `@TrackMetrics` method returned, split into what can be logged and what cannot. */
export interface MetricSelection {
  /** The return value itself when every field is a metric, else a copy without the other fields. */
  readonly metrics: Readonly<Record<string, unknown>>;
  /** `key (type)` of each field left out, nested keys joined with `/`; empty when nothing was left out. */
  readonly skipped: readonly string[];
}

/**
 * Picks the metrics out of a method's return value: an object whose fields are numbers (also bigint and boolean,
 * which the core converts), rich values (`text`, `histogram`, `table`) or plain objects of those (logged as
 * `outer/inner`). Anything else in a field (strings, arrays, tensors, functions, null) is left out. Returns
 * `undefined` when `value` is not such an object or has no metric at all.
 */
export function selectMetrics(value: unknown): MetricSelection | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isRichValue(value))
    return undefined;
  const skipped: string[] = [];
  const metrics = selectFields(value as Record<string, unknown>, '', skipped);
  if (metrics === undefined) return undefined;
  return { metrics, skipped };
}

/** Returns `record` itself when every field is a metric, a filtered copy when some are, `undefined` when none. */
function selectFields(
  record: Record<string, unknown>,
  path: string,
  skipped: string[],
): Record<string, unknown> | undefined {
  const keys = Object.keys(record);
  let copy: Record<string, unknown> | undefined;
  let kept = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const field = readField(record, key);
    let selected: unknown;
    if (field === THREW) skipped.push(`${path}${key} (its getter threw)`);
    else if (isScalarMetric(field) || isRichValue(field)) selected = field;
    else if (isPlainObject(field)) selected = selectFields(field, `${path}${key}/`, skipped);
    else skipped.push(`${path}${key} (${describeType(field)})`);
    const unchanged = selected !== undefined && selected === field;
    if (!unchanged && copy === undefined) {
      // First field that is left out or filtered: continue into a copy holding the fields kept so far.
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j] as string] = readField(record, keys[j] as string);
    }
    if (selected === undefined) continue;
    kept++;
    if (copy !== undefined) copy[key] = selected;
  }
  if (kept === 0) return undefined;
  return copy ?? record;
}

/** What {@link readField} returns when the field's getter throws. */
const THREW: unique symbol = Symbol('threw');

/** `record[key]`, or {@link THREW} when a getter throws: a getter's error is the trainer's, never trainscope's. */
function readField(record: Record<string, unknown>, key: string): unknown {
  try {
    return record[key];
  } catch {
    return THREW;
  }
}

function isScalarMetric(value: unknown): boolean {
  const type = typeof value;
  return type === 'number' || type === 'bigint' || type === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A short type description for warnings: `string`, `Array`, `Tensor`, `null`. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'object') {
    const ctor = (value as { constructor?: unknown }).constructor;
    return typeof ctor === 'function' && ctor.name ? ctor.name : 'object';
  }
  return typeof value;
}
