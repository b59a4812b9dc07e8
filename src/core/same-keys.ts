/**
 * Whether two rows have the same keys in the same order, compared one by one, never by array identity: a caller
 * may refill one array. The rows of a training loop repeat the same tag strings, so each comparison is a pointer
 * check; the writers use it to reuse what they derived from the previous row's keys.
 */
export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
