import './symbol-metadata.js';
import { registerOperation } from '../profiler/operations.js';
import { isLegacyCall, isStandardCall } from './decorator-call.js';
import { type MemberDecoration, type MemberDecorator, decorateMember } from './member-decorator.js';
import type { MemberSite } from './member-site.js';
import { type ProfiledOptions, checkProfiledOptions } from './decorator-options.js';
import { createProfiledFunction } from './profiled-function.js';

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
function operationOf(
  site: MemberSite,
  name: string | undefined,
  category: string,
): number | ((self: unknown) => number) {
  if (name !== undefined) return registerOperation(name, category);
  if (site.resolved) return registerOperation(site.label(undefined), category);
  let id = -1;
  return (self: unknown) => {
    if (id < 0) id = registerOperation(site.label(self), category);
    return id;
  };
}
