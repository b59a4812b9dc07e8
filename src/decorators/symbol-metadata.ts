/**
 * `Symbol.metadata` for Node 20, which lacks it. tsc's lowering of standard decorators reads `Symbol.metadata`
 * and passes `context.metadata === undefined` without it; esbuild falls back to `Symbol.for('Symbol.metadata')`,
 * so the polyfill uses the same registered symbol and both toolchains agree. Must be evaluated before any
 * decorated class is defined: every decorator module imports this file first.
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
