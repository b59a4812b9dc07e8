import { currentHandle } from '../core/current.js';
import { copyFunctionShape } from './function-shape.js';
import { linkWrapper } from './method-options.js';
import { endSpan, endSpanWithResult, usedHeapBytes } from './span-timing.js';

/** An operation id, or how to get one from the first `this` (standard decorators learn the class name late). */
export type OperationSource = number | ((self: unknown) => number);

/**
 * Wraps `fn` so that every call made while a run with a profiler is active records one span. Without an active
 * run (or without a profiler) the call goes straight through: one null check, no clock read, no allocation
 * (`arguments` is passed to `apply` untouched, which V8 does without materialising it).
 */
export function createProfiledFunction<F extends Function>(fn: F, operation: OperationSource): F {
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
