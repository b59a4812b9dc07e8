import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { table } from '../../../src/core/values.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/index.js';
import { SYNC_STATE_FILE } from '../../../src/trackers/wandb/sync/sync-state.js';
import { syncRun } from '../../../src/trackers/wandb/sync/sync-run.js';
import { WandbBackend } from '../../../src/trackers/wandb/wandb-backend.js';
import { parseWandbJson } from '../../../src/trackers/wandb/wandb-json.js';
import { type FakeWandbServer, startFakeWandbServer } from '../../helpers/fake-wandb-server.js';
import {
  allFiles,
  capturingLogger,
  context,
  fileContains,
  row,
  tempDir,
  testRun,
  wandbOptions,
} from '../../helpers/wandb-backend.js';
import { FIXTURES } from '../../helpers/paths.js';

const KEY = `trainscope-test-${'s3cr3t'.repeat(4)}`.slice(0, 40);
const FAST = { initialDelayMs: 5, maxDelayMs: 20, jitter: 0.25 };
const fixture = JSON.parse(readFileSync(join(FIXTURES, 'wandb', 'online-requests.json'), 'utf8')) as {
  runs: {
    name: string;
    requests: {
      path: string;
      json?: Record<string, unknown>;
      graphql?: { operation: string; variables: Record<string, unknown> };
    }[];
  }[];
};

const servers: FakeWandbServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function server(options: Parameters<typeof startFakeWandbServer>[0] = {}): Promise<FakeWandbServer> {
  const s = await startFakeWandbServer(options);
  servers.push(s);
  return s;
}

function dir(): string {
  const d = tempDir();
  dirs.push(d);
  return d;
}

function backend(
  root: string,
  baseUrl: string,
  extra: Record<string, unknown> = {},
  env: Record<string, string> = {},
) {
  return new WandbBackend(
    wandbOptions({ mode: 'auto', dir: root, baseUrl, retryBudgetMs: 10_000, timeoutMs: 5_000, ...extra }),
    testRun(),
    {
      env: { HOME: root, WANDB_API_KEY: KEY, ...env },
      schedule: () => 15,
      heartbeatMs: 60_000,
      backoff: { graphql: FAST, file_stream: FAST, upload: FAST },
      finishBudgetMs: 5_000,
    },
  );
}

const loss = (i: number) => 2.5 / (i + 1);

describe('WandbBackend online', () => {
  it('sends a whole run as the official client does and keeps the local log', async () => {
    const s = await server({ apiKey: KEY });
    const root = dir();
    const logger = capturingLogger();
    const b = backend(root, s.url);
    expect(b.mode).toBe('online');
    const run = testRun();
    await b.start(context(run, logger));
    for (let i = 0; i < 30; i++) {
      b.write([row(i, { 'train/loss': loss(i), lr: 0.0003 })]);
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 30));
    }
    b.write([row(29, { 'val/loss': Number.NaN })]);
    b.write([row(30, { cpu_percent: 12.5, memory_rss_mb: 80 }, 'system')]);
    const bottlenecks = table(['op', 'calls', 'total_ms', 'share'], [['forward', 10, 812.5, 0.61]]);
    b.write([row(30, { 'profiling/bottlenecks': bottlenecks })]);
    await b.flush();
    // Let the upload finish so that it is named in a notice before the final message.
    for (let i = 0; i < 300 && (s.runs.get('tsrun001')?.uploaded.length ?? 0) < 2; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await b.finish({
      exitCode: 0,
      reason: 'finish',
      summary: new Map([['best', 0.42]]),
      endTime: Date.now(),
    });

    // Viewer (no entity configured), then UpsertBucket with the fixture's variable names and config form.
    const graphql = s.requestsOf('graphql').map((r) => r.operation);
    expect(graphql.slice(0, 2)).toEqual(['Viewer', 'UpsertBucket']);
    const ours = s.requestsOf('graphql', 'UpsertBucket')[0]?.variables as Record<string, unknown>;
    const theirs = fixture.runs[0]?.requests.find((r) => r.graphql?.operation === 'UpsertBucket')?.graphql
      ?.variables as Record<string, unknown>;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    expect(ours).toMatchObject({
      name: 'tsrun001',
      entity: 'fake-viewer',
      project: 'trainscope-fixtures',
      displayName: 'fixture-basic',
      groupName: 'exp-1',
      jobType: 'train',
      tags: ['baseline', 'fixture'],
      notes: 'Reference run',
      host: 'vm',
      program: 'train.ts',
    });
    expect(JSON.parse(ours.config as string)).toEqual({
      lr: { desc: null, value: 0.0003 },
      batch_size: { desc: null, value: 32 },
      optimizer: { desc: null, value: { name: 'adamw', betas: [0.9, 0.999] } },
      use_amp: { desc: null, value: false },
      // Config `_wandb` with the client/runtime versions (issue 14 f).
      _wandb: { desc: null, value: expect.objectContaining({ node_version: process.versions.node }) },
    });

    // file_stream to the adopted entity/project, consecutive offsets, every row once with _step/_runtime/_timestamp.
    const posts = s.requestsOf('file_stream');
    expect(posts.every((p) => p.path === '/files/fake-viewer/trainscope-fixtures/tsrun001/file_stream')).toBe(
      true,
    );
    let next = 0;
    for (const p of posts) {
      const h = (p.json as { files?: Record<string, { offset: number; content: string[] }> }).files?.[
        'wandb-history.jsonl'
      ];
      if (!h) continue;
      expect(h.offset).toBe(next);
      next += h.content.length;
    }
    const history = s.historyLines('tsrun001').map((l) => parseWandbJson(l) as Record<string, unknown>);
    expect(history).toHaveLength(31);
    expect(history.map((h) => h._step)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(history[29]?.['val/loss']).toBeNaN();
    expect(s.historyLines('tsrun001')[29]).toContain('"val/loss":NaN');
    for (const h of history) {
      expect(typeof h._runtime).toBe('number');
      expect(h._timestamp as number).toBeGreaterThan(1.7e9);
    }
    expect(Object.keys(history[0] as object)).toEqual([
      'train/loss',
      'lr',
      '_timestamp',
      '_runtime',
      '_step',
    ]);

    // Table: CreateRunFiles + PUT of the exact bytes the table-file value describes, then named in `uploaded`.
    const ref = history[30]?.['profiling/bottlenecks'] as {
      _type: string;
      path: string;
      sha256: string;
      size: number;
    };
    expect(ref._type).toBe('table-file');
    expect(s.requestsOf('graphql', 'CreateRunFiles').length).toBeGreaterThan(0);
    const put = s.uploads.get(`tsrun001/${ref.path}`);
    expect(put).toBeDefined();
    expect(
      createHash('sha256')
        .update(put?.body as Buffer)
        .digest('hex'),
    ).toBe(ref.sha256);
    expect(put?.body.length).toBe(ref.size);
    expect(put?.headers.authorization).toBeUndefined();
    expect(s.run('tsrun001').uploaded).toEqual(expect.arrayContaining([ref.path, 'wandb-metadata.json']));

    // System metrics as wandb-events.jsonl with system. keys.
    const events = s.fileLines('tsrun001', 'wandb-events.jsonl').map((l) => JSON.parse(l));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ 'system.cpu': 12.5, 'system.proc.memory.rssMB': 80, _wandb: true });

    // Summary: latest value per key plus finish overrides; final message with the exit code.
    const summary = parseWandbJson(s.run('tsrun001').summaryLine as string) as Record<string, unknown>;
    expect(summary['train/loss']).toBe(loss(29));
    expect(summary.best).toBe(0.42);
    expect(summary._step).toBe(30);
    expect(s.run('tsrun001').complete).toBe(true);
    expect(s.run('tsrun001').exitCode).toBe(0);
    expect(posts.at(-1)?.json).toMatchObject({ complete: true, exitcode: 0 });
    // The same three body shapes the official client posted (data, `uploaded` notice, final).
    const theirPosts = fixture.runs[0]?.requests
      .filter((r) => r.path.endsWith('/file_stream'))
      .map((r) => r.json);
    expect(bodyShapes(posts.map((p) => p.json))).toEqual(bodyShapes(theirPosts ?? []));
    const dataFiles = new Set(posts.flatMap((p) => Object.keys((p.json as { files?: object }).files ?? {})));
    expect(dataFiles).toEqual(new Set(['wandb-history.jsonl', 'wandb-summary.json', 'wandb-events.jsonl']));

    // The local log (wandb/run-<ts>-<id>/) holds the same rows; the sync state says W&B has them all.
    const local = b.directory as string;
    expect(local).toMatch(/wandb[/\\]run-\d{8}_\d{6}-tsrun001$/);
    const records = readWandbFile(join(local, 'run-tsrun001.wandb')).records;
    expect(records.filter((r) => r.type === 'history')).toHaveLength(31);
    const state = JSON.parse(readFileSync(join(local, SYNC_STATE_FILE), 'utf8'));
    expect(state).toMatchObject({ complete: true, historyOffset: 31, entity: 'fake-viewer' });
    const before = s.requests.length;
    const again = await syncRun(local, { apiKey: KEY, baseUrl: s.url });
    expect(again.alreadySynced).toBe(true);
    expect(s.requests.length).toBe(before);
    expect(b.describe()[0]).toBe(`W&B run: ${s.url}/fake-viewer/trainscope-fixtures/runs/tsrun001`);
    expect(logger.lines.filter((l) => l.level === 'error' || l.level === 'warn')).toEqual([]);
  });

  it('spools when the server is down for the whole run; sync then delivers every row exactly once', async () => {
    const s = await server({ apiKey: KEY });
    s.setDown(true);
    const root = dir();
    const logger = capturingLogger();
    const b = backend(root, s.url, { retryBudgetMs: 300 });
    await b.start(context(testRun(), logger));
    for (let i = 0; i < 200; i++) b.write([row(i, { 'train/loss': loss(i) })]);
    await b.flush();
    await new Promise((r) => setTimeout(r, 400));
    b.write([row(200, { 'train/loss': loss(200) })]);
    await b.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
    const warnings = logger.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    const local = b.directory as string;
    expect(warnings[0]?.message).toContain(`trainscope sync ${local}`);
    expect(b.describe().join('\n')).toContain(`trainscope sync ${local}`);
    expect(s.runs.size).toBe(0);

    s.setDown(false);
    const result = await syncRun(local, { apiKey: KEY, baseUrl: s.url, entity: 'team' });
    expect(result.sentHistoryLines).toBe(201);
    const lines = s.historyLines('tsrun001').map((l) => parseWandbJson(l) as Record<string, number>);
    expect(lines.map((l) => l._step)).toEqual(Array.from({ length: 201 }, (_, i) => i));
    expect(lines.map((l) => l['train/loss'])).toEqual(Array.from({ length: 201 }, (_, i) => loss(i)));
    expect(s.run('tsrun001').complete).toBe(true);
  });

  it('stops on 401 with one error that never contains the key; the trainer and the local log go on', async () => {
    const s = await server({ apiKey: 'the-right-key-'.padEnd(40, 'z') });
    const root = dir();
    const logger = capturingLogger();
    const b = backend(root, s.url);
    await b.start(context(testRun(), logger));
    for (let i = 0; i < 20; i++) b.write([row(i, { loss: i })]);
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 20; i < 40; i++) b.write([row(i, { loss: i })]);
    await b.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/refused|401/);
    expect(errors[0]?.message).toContain('trainscope sync');
    expect(errors[0]?.message).not.toContain(KEY);
    expect(s.requests.filter((r) => r.status === 401)).toHaveLength(1);
    const records = readWandbFile(join(b.directory as string, 'run-tsrun001.wandb')).records;
    expect(records.filter((r) => r.type === 'history')).toHaveLength(40);
    expect(records.at(-1)?.type).toBe('footer');
  });

  it('recovers from 500s, 429 with Retry-After and resets mid-run without losing or doubling rows', async () => {
    const s = await server({ apiKey: KEY });
    s.addFault({ target: 'file_stream', status: 500, times: 2 });
    s.addFault({ target: 'file_stream', status: 429, retryAfter: '0', skip: 1 });
    s.addFault({ target: 'file_stream', reset: true, applyFirst: true, skip: 2 });
    const root = dir();
    const b = backend(root, s.url, { retryBudgetMs: 5_000 });
    await b.start(context(testRun(), capturingLogger()));
    for (let i = 0; i < 120; i++) {
      b.write([row(i, { v: i })]);
      if (i % 20 === 19) await new Promise((r) => setTimeout(r, 25));
    }
    await b.finish({ exitCode: 2, reason: 'exception', summary: new Map(), endTime: Date.now() });
    expect(s.requestsOf('file_stream').map((r) => r.status)).toEqual(
      expect.arrayContaining([500, 429, 'reset']),
    );
    const steps = s.historyLines('tsrun001').map((l) => (JSON.parse(l) as { _step: number })._step);
    expect(steps).toEqual(Array.from({ length: 120 }, (_, i) => i));
    expect(s.run('tsrun001').exitCode).toBe(2);
    expect(b.stats().retries).toBeGreaterThanOrEqual(4);
  });

  it('a table only in the final summary is uploaded, and W&B gets the summary of the local wandb-summary.json', async () => {
    const s = await server({ apiKey: KEY });
    const root = dir();
    const b = backend(root, s.url);
    await b.start(context(testRun(), capturingLogger()));
    b.write([row(0, { loss: 1 })]);
    const final = table(['op', 'ms'], [['forward', 3.5]]);
    await b.finish({
      exitCode: 0,
      reason: 'finish',
      summary: new Map<string, number | typeof final>([
        ['best', 0.5],
        ['report', final],
      ]),
      endTime: Date.now(),
    });
    const sent = s.run('tsrun001').summaryLine as string;
    expect(sent).toBe(readFileSync(join(b.directory as string, 'files', 'wandb-summary.json'), 'utf8'));
    const summary = parseWandbJson(sent) as Record<string, unknown>;
    expect(summary).toMatchObject({ loss: 1, best: 0.5, _wandb: { runtime: expect.any(Number) } });
    const ref = summary.report as { _type: string; path: string; sha256: string };
    expect(ref._type).toBe('table-file');
    const put = s.uploads.get(`tsrun001/${ref.path}`);
    expect(
      createHash('sha256')
        .update(put?.body as Buffer)
        .digest('hex'),
    ).toBe(ref.sha256);
    expect(s.run('tsrun001').complete).toBe(true);
  });

  it('never writes, logs or sends the key anywhere but the Authorization header of the W&B host', async () => {
    const storage = await server();
    const s = await server({
      apiKey: KEY,
      createRunFiles: false,
      uploadBaseUrl: storage.url,
      uploadHeaders: ['X-Upload-Token:abc'],
    });
    const root = dir();
    const logger = capturingLogger();
    const b = backend(root, s.url);
    await b.start(context(testRun(), logger));
    b.write([row(0, { loss: 1, note: { kind: 'text', text: 'hello' } })]);
    b.write([row(1, { t: table(['a'], [[1]]) })]);
    await b.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
    // CreateRunFiles missing → RunUploadUrls; storage on another host gets the upload headers but no auth.
    expect(s.requestsOf('graphql', 'RunUploadUrls').length).toBeGreaterThan(0);
    expect(storage.requests.length).toBeGreaterThan(0);
    for (const r of storage.requests) {
      expect(r.headers.authorization).toBeUndefined();
      expect(r.headers['x-upload-token']).toBe('abc');
    }
    const basic = Buffer.from(`api:${KEY}`).toString('base64');
    for (const r of [...s.requests, ...storage.requests]) {
      expect(r.text.includes(KEY)).toBe(false);
      expect(r.text.includes(basic)).toBe(false);
      expect(r.path.includes(KEY) || r.query.includes(KEY)).toBe(false);
    }
    for (const file of allFiles(root)) {
      expect(fileContains(file, KEY), file).toBe(false);
      expect(fileContains(file, basic), file).toBe(false);
    }
    for (const line of logger.lines) expect(line.message.includes(KEY)).toBe(false);
    expect(b.describe().join('\n').includes(KEY)).toBe(false);
  });

  it('a batch refused with 400 is dropped (not retried), reported once as an error and counted', async () => {
    const s = await server({ apiKey: KEY });
    s.addFault({ target: 'file_stream', status: 400, times: 3 });
    const root = dir();
    const logger = capturingLogger();
    const b = backend(root, s.url);
    await b.start(context(testRun(), logger));
    for (let i = 0; i < 40; i++) {
      b.write([row(i, { v: i })]);
      if (i % 5 === 4) await new Promise((r) => setTimeout(r, 25));
    }
    await b.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
    expect(s.requestsOf('file_stream').filter((r) => r.status === 400)).toHaveLength(3);
    const errors = logger.lines.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/refused a file_stream batch \(HTTP 400\)/);
    expect(b.stats().errors).toBeGreaterThanOrEqual(1);
    expect(b.stats().dropped).toBeGreaterThan(0);
    expect(s.run('tsrun001').complete).toBe(true);
    // The batches after the refused ones continue at the next offsets.
    const stored = s.run('tsrun001').files.get('wandb-history.jsonl') ?? [];
    expect(stored.length).toBe(40);
    expect(stored.filter((l) => l !== undefined).length).toBe(40 - b.stats().dropped);
  });

  it('offline mode without a key, disabled mode writes nothing', async () => {
    const root = dir();
    const offline = new WandbBackend(wandbOptions({ mode: 'auto', dir: root }), testRun(), {
      env: { HOME: root },
    });
    expect(offline.mode).toBe('offline');
    await offline.start(context(testRun(), capturingLogger()));
    offline.write([row(0, { loss: 1 })]);
    await offline.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
    expect(offline.directory).toMatch(/offline-run-\d{8}_\d{6}-tsrun001$/);
    expect(offline.describe().join('\n')).toContain('trainscope sync');
    const disabled = new WandbBackend(wandbOptions({ mode: 'disabled', dir: root }), testRun(), {});
    await disabled.start(context(testRun(), capturingLogger()));
    disabled.write([row(0, { loss: 1 })]);
    await disabled.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
    expect(disabled.directory).toBeUndefined();
    const forced = new WandbBackend(wandbOptions({ mode: 'online', dir: root }), testRun(), {
      env: { HOME: root },
    });
    const logger = capturingLogger();
    await forced.start(context(testRun(), logger));
    await forced.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
    expect(forced.mode).toBe('offline');
    expect(logger.lines[0]?.message).toMatch(/no API key/);
  });
});

/** The key sets of file_stream bodies (data, notice, final) in a list of requests. */
function bodyShapes(bodies: readonly unknown[]): Set<string> {
  return new Set(
    bodies.map((b) =>
      Object.keys(b as object)
        .sort()
        .join(','),
    ),
  );
}
