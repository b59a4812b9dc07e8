/** Gives `wrapper` the `name` and `length` of `original`, so stack traces, `fn.name` and arity checks still match. */
export function copyFunctionShape(wrapper: Function, original: Function): void {
  Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
  Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
}
