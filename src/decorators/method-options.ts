import type { Priority as PriorityLevel } from '../core/options.js';

/**
 * Per-method options that one decorator sets and another reads (`@Priority` for `@TrackMetrics`), whichever
 * order they are applied in. Decorators apply bottom-up and each may wrap the method, so options are keyed by
 * the method's original function (every trainscope wrapper links back to it), and also by (owner, member name),
 * where owner is the class's decorator metadata object (standard) or the legacy target: that second key survives
 * third-party wrappers and covers fields, which have no function at decoration time. Readers resolve lazily,
 * on first use, after every decorator of the class has run.
 */

const originalOf = new WeakMap<Function, Function>();
const priorityByFunction = new WeakMap<Function, PriorityLevel>();
const priorityByMember = new WeakMap<object, Map<string | symbol, PriorityLevel>>();

/** Records that `wrapper` wraps `inner` (itself maybe a wrapper). */
export function linkWrapper(wrapper: Function, inner: Function): void {
  originalOf.set(wrapper, originalOf.get(inner) ?? inner);
}

/** The function a chain of trainscope wrappers started from. */
export function originalFunction(fn: Function): Function {
  return originalOf.get(fn) ?? fn;
}

export interface MemberKey {
  /** Decorator metadata object (standard), legacy target, or the instrumented object; undefined when unknown. */
  readonly owner: object | undefined;
  readonly name: string | symbol;
}

export function setMethodPriority(
  fn: Function | undefined,
  member: MemberKey | undefined,
  level: PriorityLevel,
): void {
  if (fn !== undefined) priorityByFunction.set(originalFunction(fn), level);
  if (member?.owner !== undefined) {
    let byName = priorityByMember.get(member.owner);
    if (byName === undefined) {
      byName = new Map();
      priorityByMember.set(member.owner, byName);
    }
    byName.set(member.name, level);
  }
}

export function methodPriority(
  fn: Function | undefined,
  member: MemberKey | undefined,
): PriorityLevel | undefined {
  const byFunction = fn === undefined ? undefined : priorityByFunction.get(originalFunction(fn));
  if (byFunction !== undefined) return byFunction;
  if (member?.owner === undefined) return undefined;
  return priorityByMember.get(member.owner)?.get(member.name);
}
