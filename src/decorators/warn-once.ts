const warned = new Set<string>();

/**
 * Prints `trainscope: <message>` through `console.warn` the first time `key` is seen in this process.
 * Decorators act at class definition, before any run (and its logger) exists, so they cannot use the run's logger.
 */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`trainscope: ${message}`);
}
