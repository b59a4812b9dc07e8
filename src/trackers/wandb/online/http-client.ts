import { Agent as HttpAgent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { text } from 'node:stream/consumers';
import { VERSION } from '../../../version.js';
import { redactSecret } from '../credentials.js';
import {
  type BackoffOptions,
  backoffDelay,
  classifyStatus,
  type EndpointKind,
  FILE_STREAM_BACKOFF,
  GRAPHQL_BACKOFF,
  parseRetryAfter,
} from './retry-policy.js';

export interface WandbHttpClientOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Per-attempt timeout (headers and body), ms. */
  readonly timeoutMs: number;
  /** How long one request may keep retrying before it gives up (ms). */
  readonly retryBudgetMs: number;
  /** Backoff per endpoint kind; tests shorten these. */
  readonly backoff?: Partial<Record<EndpointKind, BackoffOptions>>;
  readonly random?: () => number;
}

export interface HttpRequest {
  readonly kind: EndpointKind;
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Absolute URL, or a path starting with `/` relative to the base URL. */
  readonly url: string;
  readonly body?: string | Uint8Array;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** How a request ended, after its retries. */
export type HttpResult =
  | { readonly outcome: 'ok'; readonly status: number; readonly body: string; readonly attempts: number }
  /** Not retried (400/404/409…): the data is counted as dropped. */
  | {
      readonly outcome: 'rejected';
      readonly status: number;
      readonly body: string;
      readonly attempts: number;
    }
  /** 401/403 from W&B: the key is wrong or lacks access; the backend stops. */
  | { readonly outcome: 'auth'; readonly status: number; readonly attempts: number }
  /** Retried past the budget, or the client was closed: the data stays in the local log. */
  | { readonly outcome: 'gave-up'; readonly reason: string; readonly attempts: number };

export interface HttpCounters {
  requests: number;
  retries: number;
  bytesSent: number;
  /** Sum and count of successful round-trip latencies, for the mean. */
  latencyMsSum: number;
  latencyCount: number;
}

/** How long a keep-alive socket may sit unused in the pool before it is closed. */
const IDLE_SOCKET_MS = 10_000;

const DEFAULT_BACKOFF: Record<EndpointKind, BackoffOptions> = {
  graphql: GRAPHQL_BACKOFF,
  file_stream: FILE_STREAM_BACKOFF,
  upload: GRAPHQL_BACKOFF,
};

/**
 * Every HTTP request to W&B and its storage goes through here: Node's own `http`/`https` over keep-alive agents
 * (no HTTP library: a CommonJS one breaks plain ESM bundles of a consumer's program), per-attempt timeouts,
 * Basic auth only towards the configured base URL's origin, and retries with backoff that honour `Retry-After`.
 * Idle keep-alive sockets do not hold the event loop open (Node's agent unrefs them); `close()` destroys them.
 */
export class WandbHttpClient {
  readonly baseUrl: string;
  readonly counters: HttpCounters = {
    requests: 0,
    retries: 0,
    bytesSent: 0,
    latencyMsSum: 0,
    latencyCount: 0,
  };
  private readonly origin: string;
  private readonly authorization: string;
  private readonly agents: { readonly 'http:': HttpAgent; readonly 'https:': HttpsAgent };
  private readonly abort = new AbortController();
  private readonly backoff: Record<EndpointKind, BackoffOptions>;

  constructor(private readonly options: WandbHttpClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.origin = new URL(this.baseUrl).origin;
    this.authorization = `Basic ${Buffer.from(`api:${options.apiKey}`).toString('base64')}`;
    // `timeout` here closes a socket idle in the pool after 10 s (sooner when the server's Keep-Alive says so).
    const agent = { keepAlive: true, timeout: IDLE_SOCKET_MS };
    this.agents = { 'http:': new HttpAgent(agent), 'https:': new HttpsAgent(agent) };
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  }

  get closed(): boolean {
    return this.abort.signal.aborted;
  }

  /** Removes the API key from a message before it is logged or thrown. */
  redact(text: string): string {
    return redactSecret(text, this.options.apiKey);
  }

  resolveUrl(url: string): string {
    return url.startsWith('/') ? `${this.baseUrl}${url}` : url;
  }

  async send(req: HttpRequest): Promise<HttpResult> {
    const url = this.resolveUrl(req.url);
    const headers: Record<string, string> = {
      'user-agent': `trainscope/${VERSION}`,
      ...(req.contentType ? { 'content-type': req.contentType } : {}),
      ...req.headers,
    };
    // The key goes only to the W&B host's API, never to signed storage URLs (on that host or any other).
    if (req.kind !== 'upload' && new URL(url).origin === this.origin)
      headers.authorization = this.authorization;
    const started = Date.now();
    const backoff = this.backoff[req.kind];
    let attempt = 0;
    for (;;) {
      if (this.closed) return { outcome: 'gave-up', reason: 'client closed', attempts: attempt };
      attempt++;
      this.counters.requests++;
      const sentAt = Date.now();
      let retryAfterMs: number | undefined;
      let reason: string;
      // One signal per attempt bounds connecting, sending, the headers and the body.
      const timeout = AbortSignal.timeout(this.options.timeoutMs);
      try {
        const response = await this.exchange(
          url,
          req,
          headers,
          AbortSignal.any([this.abort.signal, timeout]),
        );
        const body = response.body;
        const verdict = classifyStatus(req.kind, response.statusCode);
        if (verdict === 'ok') {
          this.counters.bytesSent += req.body === undefined ? 0 : byteLength(req.body);
          this.counters.latencyMsSum += Date.now() - sentAt;
          this.counters.latencyCount++;
          return { outcome: 'ok', status: response.statusCode, body, attempts: attempt };
        }
        if (verdict === 'auth') return { outcome: 'auth', status: response.statusCode, attempts: attempt };
        if (verdict === 'reject') {
          return {
            outcome: 'rejected',
            status: response.statusCode,
            body: this.redact(body),
            attempts: attempt,
          };
        }
        retryAfterMs = parseRetryAfter(response.headers['retry-after']);
        reason = `HTTP ${response.statusCode}`;
      } catch (error) {
        if (this.closed) return { outcome: 'gave-up', reason: 'client closed', attempts: attempt };
        reason = timeout.aborted
          ? `no answer within ${this.options.timeoutMs} ms`
          : this.redact(describeNetworkError(error));
      }
      const delay = backoffDelay(backoff, attempt - 1, retryAfterMs, this.options.random);
      if (Date.now() + delay - started > this.options.retryBudgetMs) {
        return { outcome: 'gave-up', reason: `${reason} (retried ${attempt} times)`, attempts: attempt };
      }
      this.counters.retries++;
      await this.sleep(delay);
    }
  }

  /** Aborts in-flight requests and pending retries and closes every socket; later sends give up at once. */
  async close(): Promise<void> {
    this.abort.abort();
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  /** One request and its whole answer; rejects on a network error, a timeout or `close()`. */
  private exchange(
    url: string,
    req: HttpRequest,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<{ statusCode: number; headers: IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const protocol = target.protocol;
      if (protocol !== 'http:' && protocol !== 'https:')
        throw new Error(`unsupported URL scheme ${protocol}`);
      const body = req.body;
      const send = protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(
        target,
        {
          method: req.method,
          headers: body === undefined ? headers : { ...headers, 'content-length': byteLength(body) },
          agent: this.agents[protocol],
          signal,
        },
        (response) => {
          text(response).then(
            (answer) =>
              resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: answer }),
            reject,
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.abort.signal;
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
