import { getHeapStatistics } from 'node:v8';
import type { SpanSink } from '../core/run-handle.js';
import { warnOnce } from './warn-once.js';

/**
 * Ends spans. A span starts at `process.hrtime.bigint()` before the call and ends when the call returns, when a
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
