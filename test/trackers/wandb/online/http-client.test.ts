import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WandbHttpClient } from '../../../../src/trackers/wandb/online/http-client.js';
import { REPO_ROOT } from '../../../helpers/paths.js';

const KEY = 'httpkey-0123456789abcdefghijklmnopqrstuvw';
const FAST = { initialDelayMs: 5, maxDelayMs: 100, jitter: 0 };

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly socket: Socket;
}

/** A plain local HTTP server that records requests and the connections they came on. */
async function startServer(answer: (req: Seen, res: ServerResponse) => void): Promise<{
  url: string;
  seen: Seen[];
  sockets: Set<Socket>;
  server: Server;
}> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const record = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        socket: req.socket,
      };
      seen.push(record);
      answer(record, res);
    });
  });
  // Longer than any test: only the client may close an idle connection.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { url: `http://127.0.0.1:${port}`, seen, sockets, server };
}

const servers: Server[] = [];
const clients: WandbHttpClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) await c.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

function client(baseUrl: string, timeoutMs = 2_000, retryBudgetMs = 5_000): WandbHttpClient {
  const c = new WandbHttpClient({
    baseUrl,
    apiKey: KEY,
    timeoutMs,
    retryBudgetMs,
    backoff: { graphql: FAST, file_stream: FAST, upload: FAST },
  });
  clients.push(c);
  return c;
}

const ok = (_req: Seen, res: ServerResponse) => res.end('{"ok":true}');

describe('WandbHttpClient on node:http', () => {
  it('sends the body, Basic auth and user agent to the W&B origin and reuses one connection', async () => {
    const s = await startServer(ok);
    const c = client(s.url);
    for (let i = 0; i < 5; i++) {
      const result = await c.send({ kind: 'graphql', method: 'POST', url: '/graphql', body: `{"i":${i}}` });
      expect(result).toEqual({ outcome: 'ok', status: 200, body: '{"ok":true}', attempts: 1 });
    }
    const bytes = new TextEncoder().encode('é-bytes');
    await c.send({ kind: 'file_stream', method: 'POST', url: '/files/x', body: bytes, contentType: 'a/b' });
    expect(s.seen.map((r) => r.body)).toEqual([0, 1, 2, 3, 4].map((i) => `{"i":${i}}`).concat('é-bytes'));
    expect(s.seen[5]?.headers['content-length']).toBe(String(bytes.byteLength));
    expect(s.seen[5]?.headers['content-type']).toBe('a/b');
    for (const r of s.seen) {
      expect(r.headers.authorization).toBe(`Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`);
      expect(r.headers['user-agent']).toMatch(/^trainscope\//);
    }
    expect(s.sockets.size).toBe(1);
    expect(c.counters.requests).toBe(6);
  });

  it('never sends the key on an upload PUT or to another origin', async () => {
    const api = await startServer(ok);
    const storage = await startServer(ok);
    const c = client(api.url);
    await c.send({ kind: 'upload', method: 'PUT', url: `${api.url}/storage/a`, body: 'same origin' });
    await c.send({ kind: 'upload', method: 'PUT', url: `${storage.url}/storage/b`, body: 'other origin' });
    await c.send({ kind: 'graphql', method: 'POST', url: `${storage.url}/graphql`, body: '{}' });
    expect(api.seen.map((r) => [r.method, r.body])).toEqual([['PUT', 'same origin']]);
    expect(storage.seen.map((r) => r.body)).toEqual(['other origin', '{}']);
    for (const r of [...api.seen, ...storage.seen]) expect(r.headers.authorization).toBeUndefined();
  });

  it('bounds each attempt by timeoutMs (a stalled body too) and gives up past the retry budget', async () => {
    const s = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":'); // and never ends
    });
    const c = client(s.url, 150, 400);
    const started = Date.now();
    const result = await c.send({ kind: 'graphql', method: 'POST', url: '/graphql', body: '{}' });
    const elapsed = Date.now() - started;
    expect(result.outcome).toBe('gave-up');
    expect(result.outcome === 'gave-up' && result.reason).toMatch(
      /^no answer within 150 ms \(retried \d+ times\)$/,
    );
    expect(result.attempts).toBeGreaterThanOrEqual(2);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('reports Retry-After and HTTP status to the retry loop, and passes rejections through', async () => {
    let n = 0;
    const s = await startServer((_req, res) => {
      n++;
      if (n === 1) res.writeHead(429, { 'retry-after': '0.2' }).end('slow down');
      else if (n === 2) res.writeHead(400).end(`bad ${KEY}`);
      else res.end('late');
    });
    const c = client(s.url);
    const started = Date.now();
    const result = await c.send({ kind: 'graphql', method: 'POST', url: '/graphql', body: '{}' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(result).toEqual({ outcome: 'rejected', status: 400, body: 'bad <api-key>', attempts: 2 });
    expect(c.counters.retries).toBe(1);
  });

  it('close() ends an in-flight request at once and closes every connection', async () => {
    const s = await startServer((req, res) => {
      if (req.url === '/stall') return;
      res.end('ok');
    });
    const c = client(s.url, 10_000, 60_000);
    await c.send({ kind: 'graphql', method: 'POST', url: '/first', body: '{}' });
    const stalled = c.send({ kind: 'graphql', method: 'POST', url: '/stall', body: '{}' });
    await waitFor(() => s.seen.length === 2);
    const closedSockets = [...s.sockets].map(
      (socket) => new Promise((resolve) => socket.once('close', resolve)),
    );
    const started = Date.now();
    await c.close();
    expect(await stalled).toEqual({ outcome: 'gave-up', reason: 'client closed', attempts: 1 });
    await Promise.all(closedSockets);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await c.send({ kind: 'graphql', method: 'POST', url: '/after', body: '{}' })).toMatchObject({
      outcome: 'gave-up',
      attempts: 0,
    });
  });

  it('an idle keep-alive connection does not keep a process alive', async () => {
    const s = await startServer(ok);
    // The client without close(): the process must still exit as soon as its work is done.
    const script = `
      const { WandbHttpClient } = await import(${JSON.stringify(join(REPO_ROOT, 'src/trackers/wandb/online/http-client.ts'))});
      const c = new WandbHttpClient({ baseUrl: ${JSON.stringify(s.url)}, apiKey: 'k', timeoutMs: 5000, retryBudgetMs: 5000 });
      const r = await c.send({ kind: 'graphql', method: 'POST', url: '/graphql', body: '{}' });
      console.log(r.outcome, Date.now());`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const exitedAt = Date.now();
    expect(out).toMatch(/^ok \d+/);
    expect(code).toBe(0);
    expect(s.sockets.size).toBe(1);
    // The server holds its side open for 60 s; the child exited right after its answer.
    expect(exitedAt - Number(out.split(' ')[1])).toBeLessThan(2_000);
  }, 30_000);
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
