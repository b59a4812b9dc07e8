import type { Priority as PriorityLevel } from '../core/options.js';
import {
  type MemberDecoration,
  type MemberDecorator,
  type MemberKey,
  decorateMember,
  originalFunction,
} from './member-decorator.js';

/**
 * Sets the priority of what the method logs through `@TrackMetrics` (above or below it; decorators apply
 * bottom-up, and the priority is read at the first call). With `logging.level: 'high'` only high-priority metrics
 * are kept; under queue pressure low ones are dropped first. Does not wrap the method; on a method without
 * `@TrackMetrics` it only records the priority in the class metadata.
 *
 * ```ts
 * @Priority('high')
 * @TrackMetrics({ prefix: 'training' })
 * trainStep() { return { loss }; }
 * ```
 */
export function Priority(level: PriorityLevel): MemberDecorator {
  checkPriorityLevel('@Priority', level);
  const decoration: MemberDecoration = {
    decorator: '@Priority',
    metadata: { priority: level },
    reflect: ['priority', level],
    prepare(_site, member: MemberKey, original: Function | undefined) {
      setMethodPriority(original, member, level);
      return undefined;
    },
  };
  return ((...args: unknown[]) => decorateMember(decoration, args)) as MemberDecorator;
}

const priorityLevels: readonly string[] = ['high', 'medium', 'low'];

/** Validates at decoration time, so a typo fails when the class is defined, naming where and why. */
export function checkPriorityLevel(where: string, level: unknown): asserts level is PriorityLevel {
  if (typeof level !== 'string' || !priorityLevels.includes(level)) {
    throw new TypeError(`trainscope: ${where}: priority must be 'high', 'medium' or 'low'`);
  }
}

/*
 * `@Priority` sets the priority and `@TrackMetrics` reads it, whichever order they are applied in. Decorators
 * apply bottom-up and each may wrap the method, so the priority is keyed by the method's original function (every
 * trainscope wrapper links back to it), and also by (owner, member name), where owner is the class's decorator
 * metadata object (standard) or the legacy target: that second key survives third-party wrappers and covers
 * fields, which have no function at decoration time. Readers resolve lazily, on first use, after every decorator
 * of the class has run.
 */
const priorityByFunction = new WeakMap<Function, PriorityLevel>();
const priorityByMember = new WeakMap<object, Map<string | symbol, PriorityLevel>>();

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

/** The priority `@Priority` (or `instrument`) set for a method, if any. */
export function methodPriority(
  fn: Function | undefined,
  member: MemberKey | undefined,
): PriorityLevel | undefined {
  const byFunction = fn === undefined ? undefined : priorityByFunction.get(originalFunction(fn));
  if (byFunction !== undefined) return byFunction;
  if (member?.owner === undefined) return undefined;
  return priorityByMember.get(member.owner)?.get(member.name);
}
