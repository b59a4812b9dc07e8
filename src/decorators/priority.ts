import './symbol-metadata.js';
import type { Priority as PriorityLevel } from '../core/options.js';
import { type MemberDecoration, type MemberDecorator, decorateMember } from './member-decorator.js';
import type { MemberKey } from './method-options.js';
import { setMethodPriority } from './method-options.js';
import { checkPriorityLevel } from './decorator-options.js';

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
