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
