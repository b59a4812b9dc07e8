/** How a piece of work ended against its deadline. Rejections are not caught: they reach the caller. */
export type DeadlineOutcome = 'ok' | 'timeout';

export interface DeadlineOptions {
  /**
   * Whether the pending deadline keeps the process alive (default `true`). Exit paths want it: the process must
   * live long enough to reach the deadline and report. A best-effort wait inside a backend passes `false`.
   */
  readonly keepAlive?: boolean;
}

/**
 * Waits for `work` at most `timeoutMs` (negative counts as 0). The one deadline race of the code base: the
 * run's finish, each guarded backend call and the W&B backend's network budget all use it. The timer is always
 * cleared, so nothing is left pending after the race is decided.
 */
export async function withDeadline(
  work: Promise<unknown>,
  timeoutMs: number,
  options: DeadlineOptions = {},
): Promise<DeadlineOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, timeoutMs));
    if (options.keepAlive === false) timer.unref();
  });
  try {
    return await Promise.race([work.then(() => 'ok' as const), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
