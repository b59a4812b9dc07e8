import { afterEach, describe, expect, it } from 'vitest';
import {
  FileStreamClient,
  type FileStreamStop,
} from '../../../../src/trackers/wandb/online/file-stream-client.js';
import { WandbHttpClient } from '../../../../src/trackers/wandb/online/http-client.js';
import { waitFor } from '../../../helpers/fake-profiler-host.js';
import { fakeWandbPerTest } from '../../../helpers/fake-wandb-per-test.js';
import type { FakeWandbServer } from '../../../helpers/fake-wandb-server.js';

const KEY = 'k'.repeat(40);
const FAST = { initialDelayMs: 5, maxDelayMs: 40, jitter: 0.25 };

// Registered after the server's: vitest runs afterEach hooks last-registered first, so the client closes first.
const fake = fakeWandbPerTest(KEY);
let http: WandbHttpClient | undefined;

afterEach(async () => {
  await http?.close();
  http = undefined;
});

function client(
  s: FakeWandbServer,
  overrides: { timeoutMs?: number; retryBudgetMs?: number } = {},
): WandbHttpClient {
  http = new WandbHttpClient({
    baseUrl: s.url,
    apiKey: KEY,
    timeoutMs: overrides.timeoutMs ?? 2_000,
    retryBudgetMs: overrides.retryBudgetMs ?? 10_000,
    backoff: { graphql: FAST, file_stream: FAST, upload: FAST },
  });
  return http;
}

function stream(h: WandbHttpClient, stops: FileStreamStop[] = [], startOffsets = {}) {
  return new FileStreamClient(
    h,
    { entity: 'team', project: 'proj', runId: 'abc12345' },
    { schedule: () => 10, heartbeatMs: 60_000, startOffsets },
    { onStopped: (s) => stops.push(s) },
  );
}

const line = (i: number) => `{"v":${i},"_step":${i}}`;

describe('FileStreamClient', () => {
  it('sends consecutive 0-based offsets across many batches, each row once', async () => {
    const server = await fake.start();
    const fs = stream(client(server));
    fs.start();
    for (let i = 0; i < 50; i++) {
      fs.pushHistory(line(i));
      if (i % 7 === 6) await new Promise((r) => setTimeout(r, 15));
    }
    fs.setSummary('{"v":49}');
    expect(await fs.finish(0)).toBe(true);
    const posts = server.requestsOf('file_stream');
    const offsets: number[] = [];
    let expected = 0;
    for (const p of posts) {
      const h = (p.json as { files?: Record<string, { offset: number; content: string[] }> }).files?.[
        'wandb-history.jsonl'
      ];
      if (!h) continue;
      expect(h.offset).toBe(expected);
      expected += h.content.length;
      offsets.push(h.offset);
    }
    expect(offsets.length).toBeGreaterThan(2);
    expect(server.historyLines('abc12345')).toEqual(Array.from({ length: 50 }, (_, i) => line(i)));
    expect(server.run('abc12345').summaryLine).toBe('{"v":49}');
    const last = posts[posts.length - 1]?.json as Record<string, unknown>;
    expect(last).toEqual({ complete: true, exitcode: 0, dropped: 0, uploaded: [] });
    expect(
      posts.every((p) => p.headers.authorization === `Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`),
    ).toBe(true);
  });

  it('re-posts the identical body after 500s, 429 + Retry-After, resets and stalls; no row lost or doubled', async () => {
    const server = await fake.start({ apiKey: undefined });
    server.addFault({ target: 'file_stream', status: 500, times: 2 });
    server.addFault({ target: 'file_stream', status: 429, retryAfter: '0.05', skip: 0 });
    server.addFault({ target: 'file_stream', reset: true, applyFirst: true });
    server.addFault({ target: 'file_stream', stallMs: 2_000, applyFirst: true });
    const h = client(server, { timeoutMs: 500 });
    const fs = stream(h);
    for (let i = 0; i < 5; i++) fs.pushHistory(line(i));
    expect(await fs.drain()).toBe(true);
    const posts = server.requestsOf('file_stream');
    // (Under heavy load a slow answer may time out once more; the first five are the injected faults.)
    expect(posts.slice(0, 5).map((p) => p.status)).toEqual([500, 500, 429, 'reset', 'stall']);
    expect(posts.at(-1)?.status).toBe(200);
    expect(new Set(posts.map((p) => p.text)).size).toBe(1);
    // Retry-After 0.05 s was honoured although backoff alone would have been shorter.
    const afterRateLimit = (posts[3]?.at ?? 0) - (posts[2]?.at ?? 0);
    expect(afterRateLimit).toBeGreaterThanOrEqual(45);
    for (let i = 5; i < 9; i++) fs.pushHistory(line(i));
    expect(await fs.finish(0)).toBe(true);
    expect(server.historyLines('abc12345')).toEqual(Array.from({ length: 9 }, (_, i) => line(i)));
    expect(h.counters.retries).toBeGreaterThanOrEqual(5);
  });

  it('counts a 400 batch as dropped, keeps going, and reports it in `dropped`', async () => {
    const server = await fake.start({ apiKey: undefined });
    server.addFault({ target: 'file_stream', status: 400 });
    const drops: string[] = [];
    const fs = new FileStreamClient(
      client(server),
      { entity: 'e', project: 'p', runId: 'r1' },
      { schedule: () => 10 },
      { onDropped: (m) => drops.push(m) },
    );
    fs.pushHistory(line(0));
    await fs.drain();
    fs.pushHistory(line(1));
    await fs.finish(3);
    const posts = server.requestsOf('file_stream');
    expect(posts).toHaveLength(3);
    const second = posts[1]?.json as { files: Record<string, { offset: number }>; dropped: number };
    expect(second.files['wandb-history.jsonl']?.offset).toBe(1);
    expect(second.dropped).toBe(1);
    expect(drops).toHaveLength(1);
    expect(server.run('r1').exitCode).toBe(3);
  });

  it('stops on 401 with one reason that does not contain the key', async () => {
    const server = await fake.start({ apiKey: 'another-key-'.padEnd(40, 'x') });
    const stops: FileStreamStop[] = [];
    const fs = stream(client(server), stops);
    fs.pushHistory(line(0));
    expect(await fs.drain()).toBe(false);
    expect(fs.pushHistory(line(1))).toBe(false);
    expect(stops).toHaveLength(1);
    expect(stops[0]?.reason).toBe('auth');
    expect(stops[0]?.message).not.toContain(KEY);
    expect(server.requestsOf('file_stream')).toHaveLength(1);
  });

  it('gives up past the retry budget and reports the server as unreachable', async () => {
    const server = await fake.start({ apiKey: undefined });
    server.setDown(true);
    const stops: FileStreamStop[] = [];
    const fs = stream(client(server, { retryBudgetMs: 100 }), stops);
    fs.pushHistory(line(0));
    expect(await fs.drain()).toBe(false);
    expect(stops.map((s) => s.reason)).toEqual(['unreachable']);
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it('drops a line over 10 MiB − 100 KiB without sending it and keeps offsets consecutive', async () => {
    const server = await fake.start({ apiKey: undefined });
    const drops: string[] = [];
    const fs = new FileStreamClient(
      client(server),
      { entity: 'e', project: 'p', runId: 'big' },
      {},
      { onDropped: (m) => drops.push(m) },
    );
    fs.pushHistory(line(0));
    expect(fs.pushHistory(`{"s":"${'x'.repeat(10 * 1024 * 1024)}"}`)).toBe(false);
    fs.pushHistory(line(2));
    await fs.finish(0);
    expect(server.historyLines('big')).toEqual([line(0), line(2)]);
    expect(drops[0]).toMatch(/over W&B's 10383360-byte limit/);
    expect(server.requests.every((r) => r.body.length < 1024 * 1024)).toBe(true);
  });

  it('posts a heartbeat notice when idle and at most one data request per interval', async () => {
    const server = await fake.start({ apiKey: undefined });
    const fs = new FileStreamClient(
      client(server),
      { entity: 'e', project: 'p', runId: 'hb' },
      { schedule: () => 30, heartbeatMs: 50 },
    );
    fs.start();
    for (let i = 0; i < 500; i++) fs.pushHistory(line(i));
    await new Promise((r) => setTimeout(r, 250));
    const posts = server.requestsOf('file_stream');
    const data = posts.filter((p) => (p.json as { files?: unknown }).files !== undefined);
    const notices = posts.filter((p) => (p.json as { files?: unknown }).files === undefined);
    expect(data).toHaveLength(1);
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices[0]?.json).toEqual({ complete: false, failed: false, dropped: 0, uploaded: [] });
    await fs.finish(0);
    expect(server.historyLines('hb')).toHaveLength(500);
  });

  /** What the requests carried for `output.log`, per request: [offset, lines]. */
  function outputBodies(server: FakeWandbServer): [number, string[]][] {
    return server
      .requestsOf('file_stream')
      .map((r) => (r.json as { files?: Record<string, { offset: number; content: string[] }> }).files)
      .flatMap((files) => {
        const output = files?.['output.log'];
        return output === undefined ? [] : [[output.offset, output.content] as [number, string[]]];
      });
  }

  it('sends a console line again when it is rewritten while the request carrying its old text is in flight', async () => {
    const server = await fake.start({ apiKey: undefined });
    // The first data request is answered after 400 ms: the rewrite below lands while it is in flight.
    server.addFault({ target: 'file_stream', stallMs: 400 });
    const fs = stream(client(server));
    fs.pushOutput('loading\n');
    fs.pushOutput('epoch 1 [#   ]\n');
    fs.start();
    await waitFor(() => server.requestsOf('file_stream').length === 1, 'the first request');
    fs.rewriteOutput(1, 'epoch 1 [####]\n');
    fs.pushOutput('done\n');
    expect(await fs.finish(0)).toBe(true);
    expect(server.fileLines('abc12345', 'output.log')).toEqual(['loading\n', 'epoch 1 [####]\n', 'done\n']);
    // The in-flight request had the old text; the next one starts at the rewritten line.
    const bodies = outputBodies(server);
    expect(bodies[0]).toEqual([0, ['loading\n', 'epoch 1 [#   ]\n']]);
    expect(bodies[1]).toEqual([1, ['epoch 1 [####]\n', 'done\n']]);
  });

  it('queues an acknowledged console line again only after the request in flight is acknowledged', async () => {
    const server = await fake.start({ apiKey: undefined });
    // The second data request is answered after 400 ms.
    server.addFault({ target: 'file_stream', stallMs: 400, skip: 1 });
    const fs = stream(client(server));
    fs.start();
    fs.pushOutput('a0\n');
    fs.pushOutput('b1\n');
    await waitFor(
      () => outputBodies(server).length === 1 && server.requestsOf('file_stream')[0]?.status === 200,
      'the first request answered',
    );
    fs.pushOutput('c2\n');
    await waitFor(() => outputBodies(server).length === 2, 'the second request');
    // Line 0 was acknowledged; the request carrying line 2 is in flight.
    fs.rewriteOutput(0, 'A0\n');
    expect(await fs.finish(0)).toBe(true);
    expect(server.fileLines('abc12345', 'output.log')).toEqual(['A0\n', 'b1\n', 'c2\n']);
    expect(outputBodies(server)).toEqual([
      [0, ['a0\n', 'b1\n']],
      [2, ['c2\n']],
      [0, ['A0\n', 'b1\n', 'c2\n']],
    ]);
  });

  it('resumes at the given offsets', async () => {
    const server = await fake.start({ apiKey: undefined });
    const fs = stream(client(server), [], { history: 7 });
    fs.pushHistory(line(7));
    await fs.finish(0);
    const body = server.requestsOf('file_stream')[0]?.json as { files: Record<string, { offset: number }> };
    expect(body.files['wandb-history.jsonl']?.offset).toBe(7);
  });
});
