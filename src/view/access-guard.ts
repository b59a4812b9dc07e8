import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Who may talk to the dashboard. On a loopback address, any local page; the `Host` header must name a loopback
 * host too, so a web page elsewhere cannot reach the server through DNS rebinding. On any other address, every
 * request (page, assets, API, event stream) must carry the random token printed at start, as `?token=` or the
 * `x-trainscope-token` header.
 */
export class AccessGuard {
  readonly token: string | undefined;

  constructor(
    readonly bindHost: string,
    token?: string,
  ) {
    this.token = isLoopbackHost(bindHost) ? token : (token ?? randomBytes(24).toString('hex'));
  }

  /** Undefined when allowed; otherwise the status and reason. */
  check(req: IncomingMessage, query: URLSearchParams): { status: number; reason: string } | undefined {
    if (this.token === undefined) {
      const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (!isLoopbackHost(hostHeader)) return { status: 403, reason: 'Host header is not a loopback host' };
      return undefined;
    }
    const header = req.headers['x-trainscope-token'];
    const given = (typeof header === 'string' ? header : undefined) ?? query.get('token') ?? '';
    const expected = Buffer.from(this.token);
    const actual = Buffer.from(given);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      return { status: 401, reason: 'missing or wrong token (use the URL printed at start)' };
    }
    return undefined;
  }
}
