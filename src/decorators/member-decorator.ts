import { currentHandle } from '../core/current.js';
import { processLogger } from '../core/logger.js';
import {
  legacyMetadata,
  type MemberDecorations,
  mirrorIntoMetadata,
  mirrorIntoReflect,
} from './decoration-metadata.js';
import { MemberSite, classNameOfTarget, memberNameOf } from './member-site.js';

/**
 * The mechanics every trainscope member decorator shares: telling a TC39 standard call from a legacy one, applying
 * a decoration to a method or function-valued field under either, giving wrappers the shape of what they wrap,
 * and the decorators' one-time warnings.
 */

/**
 * One decorator function serves TC39 standard decorators and legacy `experimentalDecorators`; which one called it
 * is told by the arguments' shape (as MobX, Lit and W&B Weave do):
 * - standard: `(value, context)` where `context.kind` is a string;
 * - legacy: `(target, key, descriptor?)` where target is a prototype or class and key a string or symbol;
 * - anything else is a decorator factory call such as `@Profiled('name')` or `@Profiled({category})`.
 */

export interface StandardDecoratorContext {
  readonly kind: 'class' | 'method' | 'getter' | 'setter' | 'field' | 'accessor';
  readonly name: string | symbol | undefined;
  readonly static?: boolean;
  readonly private?: boolean;
  readonly metadata?: object | null;
  addInitializer?(initializer: (this: unknown) => void): void;
}

/** Babel's legacy decorators describe a class field with an `initializer` instead of a `value`. */
export interface LegacyPropertyDescriptor extends PropertyDescriptor {
  initializer?: (this: unknown) => unknown;
}

export type StandardCall = readonly [value: unknown, context: StandardDecoratorContext];
export type LegacyCall = readonly [
  target: object,
  key: string | symbol,
  descriptor: LegacyPropertyDescriptor | undefined,
];

export function isStandardCall(args: readonly unknown[]): args is StandardCall {
  if (args.length !== 2) return false;
  const context = args[1];
  return (
    typeof context === 'object' &&
    context !== null &&
    typeof (context as { kind?: unknown }).kind === 'string'
  );
}

export function isLegacyCall(args: readonly unknown[]): args is LegacyCall {
  if (args.length < 2 || args.length > 3) return false;
  const [target, key, descriptor] = args;
  return (
    ((typeof target === 'object' && target !== null) || typeof target === 'function') &&
    (typeof key === 'string' || typeof key === 'symbol') &&
    (descriptor === undefined || (typeof descriptor === 'object' && descriptor !== null))
  );
}

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

/** Names a decorated member independently of its function (fields have none at decoration time). */
export interface MemberKey {
  /** Decorator metadata object (standard), legacy target, or the instrumented object; undefined when unknown. */
  readonly owner: object | undefined;
  readonly name: string | symbol;
}

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
  mirrorIntoMetadata(legacyMetadata(target), key, decoration.metadata);
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

/** Gives `wrapper` the `name` and `length` of `original`, so stack traces, `fn.name` and arity checks still match. */
export function copyFunctionShape(wrapper: Function, original: Function): void {
  Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
}

const originalOf = new WeakMap<Function, Function>();

/**
 * Records that `wrapper` wraps `inner` (itself maybe a wrapper), so options keyed by a method's original function
 * (`@Priority`) are found whichever trainscope wrappers were applied over it.
 */
export function linkWrapper(wrapper: Function, inner: Function): void {
  originalOf.set(wrapper, originalOf.get(inner) ?? inner);
}

/** A wrapper that can be rebuilt around another inner function: `rewrap(inner)` is the same wrapper's logic. */
export interface RewrappableLayer {
  readonly inner: Function;
  readonly rewrap: (inner: Function) => Function;
}

const rewrappable = new WeakMap<Function, RewrappableLayer>();

/**
 * Registers `wrapper` (around `inner`) as a layer that must stay outside timing: `@TrackMetrics`'s logging is
 * trainscope's own work, so a `@Profiled` put around it times `inner` instead and puts the layer back on top.
 */
export function registerRewrappable(wrapper: Function, layer: RewrappableLayer): void {
  rewrappable.set(wrapper, layer);
}

/** The layer `fn` was registered as by {@link registerRewrappable}, if any. */
export function rewrappableLayer(fn: Function): RewrappableLayer | undefined {
  return rewrappable.get(fn);
}

/** The function a chain of trainscope wrappers started from. */
export function originalFunction(fn: Function): Function {
  return originalOf.get(fn) ?? fn;
}

/**
 * The decorators' one warning channel: the current run's logger (its `logLevel`, its key scrubbing, once per key
 * per run), or `processLogger` when no run is active (once per key per process). Keys get a `decorators:`
 * namespace so they never collide with the run's own warn-once keys. A logger that throws is ignored: a warning
 * must never break the trainer's call.
 */
export function warnOnce(key: string, message: string): void {
  const logger = currentHandle()?.logger ?? processLogger;
  try {
    logger.warnOnce(`decorators:${key}`, message);
  } catch {
    // Nothing left to report it through.
  }
}
