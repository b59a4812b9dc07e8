/**
 * Sizes for soak, SIGKILL and load tests. `npm test` runs them small so that every feature is exercised in the
 * fast suite; `npm run test:reliability` sets TRAINSCOPE_SOAK=full and runs them at full size.
 */
export const FULL_SOAK = process.env.TRAINSCOPE_SOAK === 'full';

/** `fast` in the default suite, `full` in the reliability suite. */
export function soakSize(fast: number, full: number): number {
  return FULL_SOAK ? full : fast;
}
