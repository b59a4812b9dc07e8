import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessGuard } from './access-guard.js';
import { ApiError, ApiRoutes } from './api-routes.js';
import { ClientAssets } from './client-assets.js';
import { LiveWatcher } from './live-watcher.js';
import { CONTENT_SECURITY_POLICY, pageHtml } from './page-html.js';
import { SseHub } from './sse-hub.js';
import { ViewIndex } from './view-index.js';

export interface ViewServerOptions {
  readonly paths: readonly string[];
  readonly host?: string;
  /** First port tried; when taken, the next ones are tried (up to `portAttempts`). 0: any free port. */
  readonly port?: number;
  readonly portAttempts?: number;
  /** Fixed token (tests); by default a random one when the host is not loopback, none on loopback. */
  readonly token?: string;
  /** Interval of the polling fallback behind fs.watch. */
  readonly pollMs?: number;
  /** Event data from which the first index reads on worker threads (`ViewIndex.load`); tests set 0. */
  readonly parallelMinBytes?: number;
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/**
 * `trainscope view`: indexes the PATHs, serves the page, its assets, the JSON API and a server-sent event stream
 * (`/api/events`) that names the runs that gained data, on node:http.
 */
export class ViewServer {
  readonly index: ViewIndex;
  readonly access: AccessGuard;
  private readonly api: ApiRoutes;
  private readonly assets = new ClientAssets();
  private readonly hub = new SseHub();
  private readonly watcher: LiveWatcher;
  private server: Server | undefined;
  private url: string | undefined;
  private refreshFailed = false;

  constructor(readonly options: ViewServerOptions) {
    this.index = new ViewIndex(options.paths);
    this.access = new AccessGuard(options.host ?? '127.0.0.1', options.token);
    this.api = new ApiRoutes(this.index);
    this.watcher = new LiveWatcher(this.index.guard.roots, () => this.refresh(), options.pollMs ?? 500);
  }

  /** Indexes, starts listening and watching; resolves to the URL to open (with the token when there is one). */
  async start(): Promise<string> {
    await this.assets.load();
    try {
      await this.index.load(this.options.parallelMinBytes);
    } catch (error) {
      // As in `refresh`: the watcher's next tick tries again.
      console.warn(`trainscope view: cannot index: ${(error as Error).message}`);
    }
    // The pages learn of the columns the first index builds after listing as of any other change.
    void this.index.columnsBuilt?.then((runs) => this.hub.broadcast('changed', { runs }));
    const host = this.options.host ?? '127.0.0.1';
    const first = this.options.port ?? 6006;
    const attempts = first === 0 ? 1 : (this.options.portAttempts ?? 10);
    let lastError: Error | undefined;
    for (let port = first; port < first + attempts; port++) {
      try {
        this.server = await this.listen(host, port);
        lastError = undefined;
        break;
      } catch (error) {
        lastError = error as Error;
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') break;
      }
    }
    if (this.server === undefined) throw lastError ?? new Error('cannot listen');
    const port = (this.server.address() as AddressInfo).port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const token = this.access.token;
    this.url = `http://${shownHost}:${port}/${token === undefined ? '' : `?token=${token}`}`;
    this.watcher.start();
    return this.url;
  }

  async stop(): Promise<void> {
    this.watcher.stop();
    this.index.close();
    this.hub.close();
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Reads new data now and tells the pages which runs changed. */
  refresh(): void {
    try {
      const changed = this.index.refresh();
      if (changed.length > 0) this.hub.broadcast('changed', { runs: changed });
    } catch (error) {
      // Discovery failing (a path vanished mid-walk) is retried on the next tick; say so once.
      if (!this.refreshFailed) console.warn(`trainscope view: cannot refresh: ${(error as Error).message}`);
      this.refreshFailed = true;
    }
  }

  private listen(host: string, port: number): Promise<Server> {
    return new Promise((resolve, reject) => {
      const server = createServer((req, res) => this.handle(req, res));
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const denied = this.access.check(req, url.searchParams);
    if (denied !== undefined) {
      this.fail(res, denied.status, denied.reason);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      this.fail(res, 405, 'only GET');
      return;
    }
    try {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(pageHtml(this.access.token));
      } else if (url.pathname.startsWith('/assets/')) {
        const asset = this.assets.get(url.pathname.slice('/assets/'.length));
        if (asset === undefined) {
          this.fail(res, 404, 'no such asset');
          return;
        }
        res.writeHead(200, { 'content-type': asset.contentType, 'cache-control': 'no-cache' });
        res.end(asset.body);
      } else if (url.pathname === '/api/events') {
        this.hub.attach(res);
      } else if (url.pathname.startsWith('/api/')) {
        const building = this.index.columnsBuilt;
        // Only the runs list is answered while the first index builds the columns; the rest reads points, so it
        // waits for them (every point is there when it answers).
        if (building !== undefined && url.pathname !== '/api/runs') {
          void building.then(() => this.handle(req, res));
          return;
        }
        this.api.handle(url.pathname, url.searchParams, res);
      } else {
        this.fail(res, 404, 'not found');
      }
    } catch (error) {
      if (error instanceof ApiError) {
        this.fail(res, error.status, error.message);
        return;
      }
      this.fail(res, 500, (error as Error).message);
    }
  }

  private fail(res: ServerResponse, status: number, message: string): void {
    if (res.headersSent) {
      res.end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: message }));
  }
}
