import { currentHandle } from '../core/current.js';
import type { Priority as PriorityLevel } from '../core/options.js';
import { registerOperation } from '../profiler/operations.js';
import { classNameOfTarget, memberNameOf } from './member-site.js';
import { checkPriorityLevel, setMethodPriority } from './priority.js';
import {
  type ProfiledOptions,
  checkProfiledOptions,
  createProfiledFunction,
  endSpan,
  endSpanWithResult,
  usedHeapBytes,
} from './profiled.js';
import {
  type TrackMetricsOptions,
  checkTrackMetricsOptions,
  createTrackedFunction,
} from './track-metrics.js';

/**
 * The decorators as plain functions, for functions that are not class methods and for toolchains that cannot
 * lower decorators.
 */

/** Options of `instrument()`: profile the method, and optionally also log what it returns. */
export interface InstrumentOptions extends ProfiledOptions {
  /** Also log the method's return value as `@TrackMetrics(track)` does. */
  track?: TrackMetricsOptions;
  /** Priority of what `track` logs, as `@Priority`. */
  priority?: PriorityLevel;
}

/**
 * Returns `fn` wrapped to record a profiler span per call, as `@Profiled` does (sync stays sync, promises are
 * timed to settlement, generators over their iteration). The operation is `options.name`, else `fn.name`.
 */
export function profiled<F extends Function>(fn: F, options: ProfiledOptions = {}): F {
  if (typeof fn !== 'function') throw new TypeError('trainscope: profiled(fn): fn must be a function');
  checkProfiledOptions('profiled()', options);
  const operation = registerOperation(
    options.name ?? (fn.name || 'anonymous'),
    options.category ?? 'default',
  );
  return createProfiledFunction(fn, operation);
}

/**
 * Wraps `object[methodName]` in place: profiles it as `@Profiled` does and, with `track`, logs what it returns as
 * `@TrackMetrics` does, at `priority`. `object` may be an instance, a prototype (all instances) or a class
 * (a static method). The operation defaults to `ClassName.methodName`. Returns a function that restores the
 * original method.
 */
export function instrument<T extends object>(
  object: T,
  methodName: keyof T & (string | symbol),
  options: InstrumentOptions = {},
): () => void {
  if ((typeof object !== 'object' && typeof object !== 'function') || object === null) {
    throw new TypeError('trainscope: instrument(object, methodName): object must be an object or a class');
  }
  const where = `instrument(${classNameOfTarget(object)}, ${String(methodName)})`;
  const found = findProperty(object, methodName);
  if (found === undefined || typeof found.descriptor.value !== 'function') {
    throw new TypeError(`trainscope: ${where}: ${String(methodName)} is not a method of the object`);
  }
  checkProfiledOptions(where, options);
  if (options.track !== undefined) checkTrackMetricsOptions(where, options.track);
  if (options.priority !== undefined) checkPriorityLevel(where, options.priority);

  const original = found.descriptor.value as Function;
  if (instrumented.has(original)) {
    throw new TypeError(
      `trainscope: ${where}: already instrumented; call the function the first instrument() returned first`,
    );
  }
  const label = `${classNameOfTarget(object)}.${memberNameOf(methodName)}`;
  // Profiled inside, tracked outside: the span times the method, not trainscope's own logging.
  let method = createProfiledFunction(
    original,
    registerOperation(options.name ?? label, options.category ?? 'default'),
  );
  if (options.track !== undefined) {
    const priority = options.priority;
    method = createTrackedFunction(method, options.track, { label: () => label, priority: () => priority });
  } else if (options.priority !== undefined) {
    setMethodPriority(original, { owner: object, name: methodName }, options.priority);
  }

  instrumented.add(method);
  const ownBefore = found.owner === object ? found.descriptor : undefined;
  Object.defineProperty(object, methodName, { ...found.descriptor, value: method });
  return () => {
    if (ownBefore !== undefined) Object.defineProperty(object, methodName, ownBefore);
    else delete (object as Record<string | symbol, unknown>)[methodName];
  };
}

/**
 * Runs `fn()` and records its span as operation `name` in `category` (like a `with profile(...)` block): the
 * result (or the settled promise) is returned unchanged, a throw or rejection marks the span failed and passes
 * the identical error on. Without an active profiled run it just calls `fn`.
 */
export function profileOperation<R>(name: string, category: string, fn: () => R): R {
  const handle = currentHandle();
  if (handle === null) return fn();
  const profiler = handle.profiler;
  if (profiler === undefined) return fn();
  const operation = operationIdOf(name, category);
  const sampler = samplerOf(operation);
  let heapBefore = Number.NaN;
  if (--sampler.callsUntilHeapSample <= 0) {
    sampler.callsUntilHeapSample = profiler.options.memorySampleEvery;
    heapBefore = usedHeapBytes();
  }
  const sink = profiler.spans;
  const startNs = process.hrtime.bigint();
  let result: R;
  try {
    result = fn();
  } catch (error) {
    endSpan(sink, operation, startNs, heapBefore, true);
    throw error;
  }
  return endSpanWithResult(result, sink, operation, startNs, heapBefore) as R;
}

/** Methods installed by `instrument`, so instrumenting twice fails instead of timing every call twice. */
const instrumented = new WeakSet<Function>();

/** Two-level cache so repeated `profileOperation` calls neither build nor hash a combined key. */
const operationIds = new Map<string, Map<string, number>>();
const samplers: { callsUntilHeapSample: number }[] = [];

function operationIdOf(name: string, category: string): number {
  let byName = operationIds.get(category);
  if (byName === undefined) {
    byName = new Map();
    operationIds.set(category, byName);
  }
  let id = byName.get(name);
  if (id === undefined) {
    id = registerOperation(name, category);
    byName.set(name, id);
  }
  return id;
}

function samplerOf(operation: number): { callsUntilHeapSample: number } {
  let sampler = samplers[operation];
  if (sampler === undefined) {
    sampler = { callsUntilHeapSample: 0 };
    samplers[operation] = sampler;
  }
  return sampler;
}

function findProperty(
  object: object,
  key: string | symbol,
): { owner: object; descriptor: PropertyDescriptor } | undefined {
  for (let owner: object | null = object; owner !== null; owner = Object.getPrototypeOf(owner)) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, key);
    if (descriptor !== undefined) return { owner, descriptor };
  }
  return undefined;
}
