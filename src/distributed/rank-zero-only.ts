import { resolveRank } from '../core/rank.js';
import { currentRun } from '../init.js';
import { isLegacyCall, isStandardCall } from '../decorators/decorator-call.js';
import { copyFunctionShape } from '../decorators/function-shape.js';

let environmentRank: number | undefined;

/**
 * This process's rank: the current run's (which honours the `rank` option), else the launcher's environment
 * (read once; launchers set it before the process starts).
 */
export function processRank(): number {
  const run = currentRun();
  if (run !== null) return run.info.rank;
  environmentRank ??= resolveRank({ rank: undefined, worldSize: undefined }).rank;
  return environmentRank;
}

/** @internal forgets the cached environment rank (tests change `process.env`). */
export function resetProcessRankForTests(): void {
  environmentRank = undefined;
}

/**
 * Returns a function that calls `fn` (with the same `this` and arguments) on rank 0 and returns `undefined`
 * without calling it on every other rank, as Lightning's `rank_zero_only`. The rank is checked at each call, so a
 * function made before `init()` follows the run's `rank` option once the run starts.
 *
 * ```ts
 * const saveCheckpoint = rankZeroOnly((path: string) => writeFileSync(path, weights));
 * ```
 */
export function rankZeroOnly<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  if (typeof fn !== 'function') throw new TypeError('rankZeroOnly(fn) needs a function');
  const wrapper = function (this: unknown, ...args: A): R | undefined {
    return processRank() === 0 ? fn.apply(this, args) : undefined;
  };
  copyFunctionShape(wrapper, fn);
  return wrapper;
}

/** `@RankZeroOnly` (or `@RankZeroOnly()`) on a method, under standard and legacy (`experimentalDecorators`) decorators. */
export interface RankZeroOnlyDecorator {
  <F extends Function, This>(value: F, context: ClassMethodDecoratorContext<This>): F;
  (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): void;
}

/**
 * Method decorator: the method runs on rank 0 only and returns `undefined` elsewhere (see {@link rankZeroOnly}).
 * Works bare (`@RankZeroOnly`) and called (`@RankZeroOnly()`), on methods and static methods, with TC39 standard
 * decorators and legacy `experimentalDecorators`.
 */
export function RankZeroOnly(): RankZeroOnlyDecorator;
export function RankZeroOnly<F extends Function, This>(
  value: F,
  context: ClassMethodDecoratorContext<This>,
): F;
export function RankZeroOnly(
  target: object,
  propertyKey: string | symbol,
  descriptor?: PropertyDescriptor,
): void;
export function RankZeroOnly(...args: unknown[]): unknown {
  if (args.length === 0) return RankZeroOnly as RankZeroOnlyDecorator;
  if (isStandardCall(args)) {
    const [value, context] = args;
    if (context.kind !== 'method' || typeof value !== 'function') {
      throw new TypeError(`@RankZeroOnly decorates methods; it was applied to a ${context.kind}`);
    }
    return rankZeroOnly(value as (...a: unknown[]) => unknown);
  }
  if (isLegacyCall(args)) {
    const [, key, descriptor] = args;
    if (descriptor === undefined || typeof descriptor.value !== 'function') {
      throw new TypeError(`@RankZeroOnly decorates methods; ${String(key)} is not a method`);
    }
    descriptor.value = rankZeroOnly(descriptor.value as (...a: unknown[]) => unknown);
    return descriptor;
  }
  throw new TypeError(
    '@RankZeroOnly is used bare (@RankZeroOnly) or called without arguments (@RankZeroOnly())',
  );
}
