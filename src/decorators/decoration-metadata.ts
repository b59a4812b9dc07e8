/**
 * Decorator metadata: the `Symbol.metadata` polyfill, and where the decorators mirror what they were given
 * (`decorationsOf`, reflect-metadata).
 */

/*
 * `Symbol.metadata` for Node 20, which lacks it. tsc's lowering of standard decorators reads `Symbol.metadata`
 * and passes `context.metadata === undefined` without it; esbuild falls back to `Symbol.for('Symbol.metadata')`,
 * so the polyfill uses the same registered symbol and both toolchains agree. Must be evaluated before any
 * decorated class is defined: every decorator module imports this file (directly or through the others) first.
 */
const symbolConstructor = Symbol as unknown as { metadata?: symbol };
if (typeof symbolConstructor.metadata !== 'symbol') {
  Object.defineProperty(Symbol, 'metadata', {
    value: Symbol.for('Symbol.metadata'),
    writable: false,
    enumerable: false,
    configurable: false,
  });
}

/** The key under which decorated classes keep their decorator metadata object. */
export const metadataSymbol: symbol = symbolConstructor.metadata as symbol;

/**
 * What the decorators were given is mirrored where other tools can read it: under `TRAINSCOPE_METADATA` in the
 * class's standard decorator metadata (`Class[Symbol.metadata]`), and, when reflect-metadata is loaded, as
 * `trainscope:<decorator>` keys on the legacy target. Under `experimentalDecorators` the class gets a
 * `Symbol.metadata` object too ({@link legacyMetadata}). trainscope itself never reads either back.
 */
export const TRAINSCOPE_METADATA: unique symbol = Symbol.for('trainscope.decorators');

/** What one member of a class was decorated with. */
export interface MemberDecorations {
  profiled?: { readonly name: string | undefined; readonly category: string };
  trackMetrics?: {
    readonly prefix: string | undefined;
    readonly every: number | undefined;
    readonly step: string | undefined;
  };
  priority?: string;
}

type DecorationTable = Record<string | symbol, MemberDecorations>;

export function mirrorIntoMetadata(
  metadata: object | undefined,
  member: string | symbol,
  patch: MemberDecorations,
): void {
  if (metadata === undefined || metadata === null) return;
  const record = metadata as Record<symbol, unknown>;
  let table: DecorationTable;
  if (Object.hasOwn(record, TRAINSCOPE_METADATA)) {
    table = record[TRAINSCOPE_METADATA] as DecorationTable;
  } else {
    // A subclass's metadata inherits from its parent's: start an own table that inherits the parent's entries.
    const inherited = record[TRAINSCOPE_METADATA] as DecorationTable | undefined;
    table = Object.create(inherited ?? null) as DecorationTable;
    record[TRAINSCOPE_METADATA] = table;
  }
  const own = Object.hasOwn(table, member) ? table[member] : undefined;
  table[member] = { ...own, ...patch };
}

/**
 * The class's own `Class[Symbol.metadata]` object under legacy `experimentalDecorators`, which has none: created
 * on first use, inheriting the parent class's (as standard decorator metadata does), so `decorationsOf` reads
 * both decorator flavours alike. `target` is the prototype (instance members) or the constructor (static).
 */
export function legacyMetadata(target: object): object | undefined {
  const owner = (typeof target === 'function' ? target : target.constructor) as unknown;
  if (typeof owner !== 'function') return undefined;
  if (Object.hasOwn(owner, metadataSymbol))
    return (owner as unknown as Record<symbol, object>)[metadataSymbol];
  const inherited = (owner as unknown as Record<symbol, object | undefined>)[metadataSymbol];
  const metadata = Object.create(inherited ?? null) as object;
  Object.defineProperty(owner, metadataSymbol, { value: metadata, writable: true, configurable: true });
  return metadata;
}

interface ReflectWithMetadata {
  defineMetadata?: (key: unknown, value: unknown, target: object, property?: string | symbol) => void;
}

export function mirrorIntoReflect(
  target: object,
  member: string | symbol,
  decorator: 'profiled' | 'track-metrics' | 'priority',
  value: unknown,
): void {
  const reflect = Reflect as unknown as ReflectWithMetadata;
  if (typeof reflect.defineMetadata === 'function')
    reflect.defineMetadata(`trainscope:${decorator}`, value, target, member);
}

/** What the decorators recorded for the members of `target` (a class), read from its standard metadata. */
export function decorationsOf(
  target: Function,
): Readonly<Record<string | symbol, MemberDecorations>> | undefined {
  const metadata = (target as unknown as Record<symbol, unknown>)[metadataSymbol] as
    | Record<symbol, unknown>
    | undefined;
  return metadata?.[TRAINSCOPE_METADATA] as DecorationTable | undefined;
}
