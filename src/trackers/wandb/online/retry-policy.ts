/** What a response status means for a request to one kind of W&B endpoint. */
export type StatusVerdict = 'ok' | 'retry' | 'reject' | 'auth';

/** The three kinds of W&B endpoint differ only in which statuses they retry (protocol §7). */
export type EndpointKind = 'graphql' | 'file_stream' | 'upload';

export function classifyStatus(kind: EndpointKind, status: number): StatusVerdict {
  if (status >= 200 && status < 300) return 'ok';
  if (kind === 'upload') {
    // Signed storage URLs: the W&B key is never sent there, so 401/403 are a bad URL, not a bad key.
    if (status === 308 || status === 408 || status === 409 || status === 429 || status >= 500) return 'retry';
    return 'reject';
  }
  if (status === 401 || status === 403) return 'auth';
  if (status === 400 || status === 409 || status === 404 || status === 410 || status === 422) return 'reject';
  return 'retry';
}

/** Exponential backoff with jitter, as the official client: `initial · 2^n`, +0–25 %, capped. */
export interface BackoffOptions {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Fraction of the delay added at random (0.25 = up to 25 %). */
  readonly jitter: number;
}

export const GRAPHQL_BACKOFF: BackoffOptions = { initialDelayMs: 1_000, maxDelayMs: 60_000, jitter: 0.25 };
export const FILE_STREAM_BACKOFF: BackoffOptions = {
  initialDelayMs: 2_000,
  maxDelayMs: 60_000,
  jitter: 0.25,
};

/** Delay before retry number `attempt` (0-based), honouring a server `Retry-After` when it asks for longer. */
export function backoffDelay(
  options: BackoffOptions,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.min(attempt, 30));
  const jittered = base + base * options.jitter * random();
  if (retryAfterMs !== undefined && retryAfterMs > jittered)
    return Math.min(retryAfterMs, options.maxDelayMs * 5);
  return jittered;
}

/** `Retry-After` as milliseconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
