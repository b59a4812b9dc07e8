import { type LegacyCall, type StandardCall, isLegacyCall, isStandardCall } from './decorator-call.js';
import { type MemberDecorations, mirrorIntoMetadata, mirrorIntoReflect } from './decoration-metadata.js';
import { MemberSite, classNameOfTarget, memberNameOf } from './member-site.js';
import type { MemberKey } from './method-options.js';
import { warnOnce } from './warn-once.js';

/**
 * A decorator for methods and function-valued class fields, usable as `@Dec` under TC39 standard decorators
 * (TypeScript 5 default, esbuild, tsx, vitest) and under legacy `experimentalDecorators` (tsc).
 */
export interface MemberDecorator {
  <F extends Function, This>(value: F, context: ClassMethodDecoratorContext<This>): F;
  <V>(value: undefined, context: ClassFieldDecoratorContext<unknown, V>): (initialValue: V) => V;
  (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor): void;
}

/**
 * Wraps a method, or the value of a function-valued field; for fields `instance` is the object the field belongs
 * to (arrow functions ignore their call-site `this`, so it is the `this` their decorators should see).
 */
export type MemberWrapper = (fn: Function, instance?: unknown) => Function;

/** What a decorator does to one decorated member. */
export interface MemberDecoration {
  /** `@Profiled`, for warnings. */
  readonly decorator: string;
  /** Mirrored into `Class[Symbol.metadata]`. */
  readonly metadata: MemberDecorations;
  /** Mirrored into reflect-metadata (legacy targets only). */
  readonly reflect: readonly [key: 'profiled' | 'track-metrics' | 'priority', value: unknown];
  /**
   * Called once per decorated member; returns how to wrap its function (a method once; a field's value once per
   * instance), or `undefined` to leave the function unchanged.
   */
  prepare(site: MemberSite, member: MemberKey, original: Function | undefined): MemberWrapper | undefined;
}

/** Applies `decoration` to the member described by a standard or legacy decorator call. */
export function decorateMember(decoration: MemberDecoration, args: readonly unknown[]): unknown {
  if (isStandardCall(args)) return decorateStandard(decoration, args);
  if (isLegacyCall(args)) return decorateLegacy(decoration, args);
  warnOnce(
    `misuse:${decoration.decorator}`,
    `${decoration.decorator} was applied to something that is not a class method or field and does nothing there`,
  );
  return undefined;
}

function decorateStandard(decoration: MemberDecoration, [value, context]: StandardCall): unknown {
  const key = context.name;
  const metadata = context.metadata ?? undefined;
  if (key === undefined || (context.kind !== 'method' && context.kind !== 'field')) {
    warnOnce(
      `kind:${decoration.decorator}:${context.kind}`,
      `${decoration.decorator} on a ${context.kind} is ignored: decorate methods or function-valued fields`,
    );
    return undefined;
  }
  mirrorIntoMetadata(metadata, key, decoration.metadata);
  const site = new MemberSite(memberNameOf(key), undefined, metadata, context.static === true);
  const member: MemberKey = { owner: metadata, name: key };
  if (context.kind === 'method') {
    const wrap = decoration.prepare(site, member, value as Function);
    if (wrap === undefined) return undefined;
    // Initializers see the class (static) or each new instance: name the class before the first call.
    context.addInitializer?.(function (this: unknown) {
      if (!site.resolved) site.resolve(this);
    });
    return wrap(value as Function);
  }
  const wrap = decoration.prepare(site, member, undefined);
  if (wrap === undefined) return undefined;
  return function (this: unknown, initialValue: unknown): unknown {
    if (typeof initialValue !== 'function') {
      warnOnce(
        `field:${decoration.decorator}:${site.memberName}`,
        `${decoration.decorator} on field '${site.memberName}' is ignored: its value is ${initialValue === null ? 'null' : typeof initialValue}, not a function`,
      );
      return initialValue;
    }
    site.resolve(this);
    return wrap(initialValue, this);
  };
}

function decorateLegacy(decoration: MemberDecoration, [target, key, descriptor]: LegacyCall): unknown {
  const className = classNameOfTarget(target);
  const site = new MemberSite(memberNameOf(key), className);
  const member: MemberKey = { owner: target, name: key };
  mirrorIntoReflect(target, key, decoration.reflect[0], decoration.reflect[1]);
  if (descriptor !== undefined && typeof descriptor.value === 'function') {
    const wrap = decoration.prepare(site, member, descriptor.value as Function);
    if (wrap !== undefined) descriptor.value = wrap(descriptor.value as Function);
    return descriptor;
  }
  if (descriptor !== undefined && typeof descriptor.initializer === 'function') {
    // Babel legacy fields: wrap whatever the field initializer produces.
    const wrap = decoration.prepare(site, member, undefined);
    const initializer = descriptor.initializer;
    if (wrap !== undefined) {
      descriptor.initializer = function (this: unknown): unknown {
        const initialValue = initializer.call(this);
        return typeof initialValue === 'function' ? wrap(initialValue, this) : initialValue;
      };
    }
    return descriptor;
  }
  if (descriptor === undefined) {
    warnOnce(
      `legacy-field:${decoration.decorator}:${className}.${site.memberName}`,
      `${decoration.decorator} on field ${className}.${site.memberName} does nothing under experimentalDecorators: ` +
        'the instance field is defined after the decorator ran and shadows any wrapper. Decorate a method ' +
        '(or use standard decorators, or instrument() on the instance)',
    );
    return undefined;
  }
  warnOnce(
    `legacy-accessor:${decoration.decorator}:${className}.${site.memberName}`,
    `${decoration.decorator} on accessor ${className}.${site.memberName} is ignored: decorate methods`,
  );
  return undefined;
}
