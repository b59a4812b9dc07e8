import { getHeapStatistics } from 'node:v8';
import { currentHandle } from '../core/current.js';
import type { SpanSink } from '../core/run-handle.js';
import { registerOperation } from '../profiler/operations.js';
import {
  type MemberDecoration,
  type MemberDecorator,
  copyFunctionShape,
  decorateMember,
  isLegacyCall,
  isStandardCall,
  linkWrapper,
  rewrappableLayer,
  warnOnce,
} from './member-decorator.js';
import type { MemberSite } from './member-site.js';

/** Options of `@Profiled` and `profiled()`. */
export interface ProfiledOptions {
  /** Operation name in the profiler's tables and traces. Default `ClassName.methodName` (the function's name for `profiled()`). */
  name?: string;
  /** Groups operations (Chrome trace `cat`, bottleneck table). Default `'default'`. */
  category?: string;
}

/**
 * Records a profiler span for every call of the method while a run with profiling is active: wall time, heap
 * growth on every `profiling.memorySampleEvery`th call, and whether it threw (the error is rethrown unchanged).
 * Sync methods stay sync; a returned promise is timed to its settlement; (async) generators over their whole
 * iteration. Works on instance, static and `#private` methods and, with standard decorators, on arrow-function
 * fields.
 *
 * ```ts
 * class Trainer {
 *   @Profiled() forward(batch: Batch) { ... }             // operation 'Trainer.forward', category 'default'
 *   @Profiled('backward', { category: 'compute' }) backward() { ... }
 *   @Profiled async loadBatch() { ... }
 * }
 * ```
 */
export function Profiled(name?: string, options?: ProfiledOptions): MemberDecorator;
export function Profiled(options: ProfiledOptions): MemberDecorator;
export function Profiled<F extends Function, This>(value: F, context: ClassMethodDecoratorContext<This>): F;
export function Profiled<V>(
  value: undefined,
  context: ClassFieldDecoratorContext<unknown, V>,
): (initialValue: V) => V;
export function Profiled(target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): void;
export function Profiled(...args: unknown[]): unknown {
  // Bare `@Profiled`: called as the decorator itself rather than as a factory.
  if (isStandardCall(args) || isLegacyCall(args)) return decorateMember(profiledDecoration({}), args);
  let options: ProfiledOptions;
  if (typeof args[0] === 'string') options = { ...(args[1] as ProfiledOptions | undefined), name: args[0] };
  else if (args[0] === undefined) options = { ...(args[1] as ProfiledOptions | undefined) };
  else options = args[0] as ProfiledOptions;
  checkProfiledOptions('@Profiled', options);
  const decoration = profiledDecoration(options);
  return ((...decoratorArgs: unknown[]) => decorateMember(decoration, decoratorArgs)) as MemberDecorator;
}

function profiledDecoration(options: ProfiledOptions): MemberDecoration {
  const category = options.category ?? 'default';
  return {
    decorator: '@Profiled',
    metadata: { profiled: { name: options.name, category } },
    reflect: ['profiled', { name: options.name, category }],
    prepare(site: MemberSite) {
      const operation = operationOf(site, options.name, category);
      return (fn) => createProfiledFunction(fn, operation);
    },
  };
}

/**
 * Registers the operation now when its name is known (explicit name, or legacy decorators, which see the class),
 * otherwise on first use, once the class is known (standard decorators).
 */
function operationOf(site: MemberSite, name: string | undefined, category: string): OperationSource {
  if (name !== undefined) return registerOperation(name, category);
  if (site.resolved) return registerOperation(site.label(undefined), category);
  let id = -1;
  return (self: unknown) => {
    if (id < 0) id = registerOperation(site.label(self), category);
    return id;
  };
}

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

/** An operation id, or how to get one from the first `this` (standard decorators learn the class name late). */
export type OperationSource = number | ((self: unknown) => number);

/**
 * Wraps `fn` so that every call made while a run with a profiler is active records one span. When `fn` is a
 * `@TrackMetrics` wrapper the span times the function it wraps, and the tracking goes back outside. Without an active
 * run (or without a profiler) the call goes straight through: one null check, no clock read, no allocation
 * (`arguments` is passed to `apply` untouched, which V8 does without materialising it).
 */
export function createProfiledFunction<F extends Function>(fn: F, operation: OperationSource): F {
  // Around a @TrackMetrics wrapper (`@Profiled` written above `@TrackMetrics`): time the method, not the logging.
  const tracked = rewrappableLayer(fn);
  if (tracked !== undefined) return tracked.rewrap(createProfiledFunction(tracked.inner, operation)) as F;
  let operationId = typeof operation === 'number' ? operation : -1;
  let callsUntilHeapSample = 0;
  const wrapper = function profiledWrapper(this: unknown): unknown {
    const handle = currentHandle();
    // biome-ignore lint/complexity/noArguments: forwarding `arguments` to apply allocates nothing; rest args cost ~15 ns per call
    if (handle === null) return fn.apply(this, arguments);
    const profiler = handle.profiler;
    // biome-ignore lint/complexity/noArguments: forwarding `arguments` to apply allocates nothing; rest args cost ~15 ns per call
    if (profiler === undefined) return fn.apply(this, arguments);
    if (operationId < 0) operationId = (operation as (self: unknown) => number)(this);
    let heapBefore = Number.NaN;
    if (--callsUntilHeapSample <= 0) {
      callsUntilHeapSample = profiler.options.memorySampleEvery;
      heapBefore = usedHeapBytes();
    }
    const sink = profiler.spans;
    const startNs = process.hrtime.bigint();
    let result: unknown;
    try {
      // biome-ignore lint/complexity/noArguments: forwarding `arguments` to apply allocates nothing; rest args cost ~15 ns per call
      result = fn.apply(this, arguments);
    } catch (error) {
      endSpan(sink, operationId, startNs, heapBefore, true);
      throw error;
    }
    return endSpanWithResult(result, sink, operationId, startNs, heapBefore);
  };
  copyFunctionShape(wrapper, fn);
  linkWrapper(wrapper, fn);
  return wrapper as unknown as F;
}

/*
 * Span timing. A span starts at `process.hrtime.bigint()` before the call and ends when the call returns, when a
 * returned thenable settles, or when a returned (async) generator finishes, throws or is closed early.
 */

/** V8's used heap in bytes. About 0.3 µs: read only on sampled calls (`profiling.memorySampleEvery`). */
export function usedHeapBytes(): number {
  return getHeapStatistics().used_heap_size;
}

/** Reports one finished span. The heap is read after the clock, so its cost stays out of the duration. */
export function endSpan(
  sink: SpanSink,
  operation: number,
  startNs: bigint,
  heapBefore: number,
  failed: boolean,
): void {
  const durationNs = process.hrtime.bigint() - startNs;
  // NaN means "not sampled".
  const heapDelta = !Number.isNaN(heapBefore) ? usedHeapBytes() - heapBefore : Number.NaN;
  try {
    sink.record(operation, startNs, durationNs, heapDelta, failed);
  } catch (error) {
    warnOnce(
      'span-sink-failed',
      `the profiler failed to record a span and spans may be missing: ${String(error)}`,
    );
  }
}

/**
 * Ends the span of a call that returned `result`: now for plain values; at settlement for thenables; at the end of
 * the iteration for generators, which are returned wrapped. Returns what the caller must receive.
 */
export function endSpanWithResult(
  result: unknown,
  sink: SpanSink,
  operation: number,
  startNs: bigint,
  heapBefore: number,
): unknown {
  if (result !== null && (typeof result === 'object' || typeof result === 'function')) {
    const candidate = result as {
      then?: unknown;
      next?: unknown;
      throw?: unknown;
      [Symbol.asyncIterator]?: unknown;
      [Symbol.iterator]?: unknown;
    };
    if (typeof candidate.then === 'function') {
      return settleThenable(result as PromiseLike<unknown>, sink, operation, startNs, heapBefore);
    }
    if (typeof candidate.next === 'function' && typeof candidate.throw === 'function') {
      if (typeof candidate[Symbol.asyncIterator] === 'function') {
        return timeAsyncIteration(
          result as AsyncGenerator<unknown, unknown, unknown>,
          sink,
          operation,
          startNs,
          heapBefore,
        );
      }
      if (typeof candidate[Symbol.iterator] === 'function') {
        return timeIteration(
          result as Generator<unknown, unknown, unknown>,
          sink,
          operation,
          startNs,
          heapBefore,
        );
      }
    }
  }
  endSpan(sink, operation, startNs, heapBefore, false);
  return result;
}

/**
 * Native promises are chained with their own `then` (a subclass stays a subclass); other thenables are adopted
 * by a native promise. The caller gets the chained promise: it settles with the same value or the identical error,
 * and an unhandled rejection stays unhandled.
 */
function settleThenable(
  thenable: PromiseLike<unknown>,
  sink: SpanSink,
  operation: number,
  startNs: bigint,
  heapBefore: number,
): Promise<unknown> {
  const promise = thenable instanceof Promise ? thenable : Promise.resolve(thenable);
  return promise.then(
    (value) => {
      endSpan(sink, operation, startNs, heapBefore, false);
      return value;
    },
    (error: unknown) => {
      endSpan(sink, operation, startNs, heapBefore, true);
      throw error;
    },
  );
}

/*
 * The two wrappers below differ only in `async function*` vs `function*`, on purpose: `yield*` forwards `next`,
 * `throw` and `return` (and an early `break`) exactly, and it exists once per generator kind. One shared helper
 * would have to re-implement that protocol by hand for both kinds: more code, and easier to get subtly wrong.
 */
async function* timeAsyncIteration(
  iterator: AsyncGenerator<unknown, unknown, unknown>,
  sink: SpanSink,
  operation: number,
  startNs: bigint,
  heapBefore: number,
): AsyncGenerator<unknown, unknown, unknown> {
  let failed = false;
  try {
    return yield* iterator;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    endSpan(sink, operation, startNs, heapBefore, failed);
  }
}

function* timeIteration(
  iterator: Generator<unknown, unknown, unknown>,
  sink: SpanSink,
  operation: number,
  startNs: bigint,
  heapBefore: number,
): Generator<unknown, unknown, unknown> {
  let failed = false;
  try {
    return yield* iterator;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    endSpan(sink, operation, startNs, heapBefore, failed);
  }
}
