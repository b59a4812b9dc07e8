import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { MetricValue } from '../../src/core/values.js';
import { init } from '../../src/init.js';
import { readWandbFile } from '../../src/trackers/wandb/offline/read-wandb-file.js';
import { SyncError, syncRun } from '../../src/trackers/wandb/sync/sync-run.js';
import { WandbBackend } from '../../src/trackers/wandb/wandb-backend.js';
import { parseWandbJson } from '../../src/trackers/wandb/wandb-json.js';
import { captureStderr } from '../helpers/recording-backend.js';
import { type FakeWandbServer, type FaultRule, startFakeWandbServer } from '../helpers/fake-wandb-server.js';
import { capturingLogger, row, testRun, wandbOptions } from '../helpers/wandb-backend.js';
import { tempRoot } from '../helpers/child-process.js';

const KEY = 'netfault-0123456789abcdefghijklmnopqrstu';
/**
 * Time scale: batches every 15 ms (W&B: 15 s) and back-off of 5–20 ms (W&B: seconds to minutes), so a fault
 * window of N requests in the middle of a 150-row run stands for N × 15 s — 30 s of faults is 2 batches.
 */
const FAST = { initialDelayMs: 5, maxDelayMs: 20, jitter: 0.25 };
const ROWS = 150;
const { dir, cleanup } = tempRoot('trainscope-rel-net-');
afterAll(cleanup);
const servers: FakeWandbServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function server(): Promise<FakeWandbServer> {
  const s = await startFakeWandbServer({ apiKey: KEY });
  servers.push(s);
  return s;
}

function backend(root: string, baseUrl: string, timeoutMs = 2_000): WandbBackend {
  return new WandbBackend(
    wandbOptions({ mode: 'online', dir: root, baseUrl, apiKey: KEY, retryBudgetMs: 20_000, timeoutMs }),
    testRun(),
    {
      env: { HOME: root },
      schedule: () => 15,
      heartbeatMs: 60_000,
      backoff: { graphql: FAST, file_stream: FAST, upload: FAST },
      finishBudgetMs: 15_000,
    },
  );
}

/** Writes ROWS rows in bursts of 10 with a pause after each, so faults land in the middle of the run. */
async function streamRun(b: WandbBackend, summary: Map<string, MetricValue>): Promise<void> {
  for (let i = 0; i < ROWS; i++) {
    b.write([row(i, { v: i, loss: 1 / (i + 1) })]);
    summary.set('v', i);
    if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
  }
}

describe('file_stream faults for a window in the middle of a run', () => {
  const matrix: [string, FaultRule, number | 'reset' | 'stall'][] = [
    ['500', { target: 'file_stream', status: 500, times: 3, skip: 2 }, 500],
    ['502', { target: 'file_stream', status: 502, times: 3, skip: 2 }, 502],
    ['503', { target: 'file_stream', status: 503, times: 3, skip: 2 }, 503],
    ['429 + Retry-After', { target: 'file_stream', status: 429, retryAfter: '0', times: 3, skip: 2 }, 429],
    [
      'connection reset (after the server applied it)',
      { target: 'file_stream', reset: true, applyFirst: true, times: 3, skip: 2 },
      'reset',
    ],
    ['stall past the request timeout', { target: 'file_stream', stallMs: 1_500, times: 2, skip: 2 }, 'stall'],
  ];
  it.each(matrix)(
    '%s: every row once, in step order; summary and exit code right',
    { timeout: 60_000 },
    async (_name, fault, status) => {
      const s = await server();
      s.addFault(fault);
      const root = join(dir, `fault-${String(status)}`);
      const b = backend(root, s.url, status === 'stall' ? 300 : 2_000);
      const summary = new Map<string, MetricValue>();
      const logger = capturingLogger();
      await b.start({ run: testRun(), logger, summary });
      await streamRun(b, summary);
      await b.finish({ exitCode: 2, reason: 'exception', summary, endTime: Date.now() });
      expect(s.requestsOf('file_stream').filter((r) => r.status === status).length).toBeGreaterThanOrEqual(2);
      const lines = s.historyLines('tsrun001').map((l) => parseWandbJson(l) as Record<string, number>);
      expect(lines.map((l) => l._step)).toEqual(Array.from({ length: ROWS }, (_, i) => i));
      expect(lines.map((l) => l.v)).toEqual(Array.from({ length: ROWS }, (_, i) => i));
      expect((parseWandbJson(s.run('tsrun001').summaryLine ?? '{}') as Record<string, number>).v).toBe(
        ROWS - 1,
      );
      expect(s.run('tsrun001').complete).toBe(true);
      expect(s.run('tsrun001').exitCode).toBe(2);
      expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    },
  );

  it.each([401, 403])(
    '%i: one clear error, no retry storm, the local log keeps every row',
    { timeout: 30_000 },
    async (status) => {
      const s = await server();
      s.addFault({ target: 'any', status, times: 1_000 });
      const root = join(dir, `auth-${status}`);
      const b = backend(root, s.url);
      const logger = capturingLogger();
      await b.start({ run: testRun(), logger, summary: new Map() });
      await streamRun(b, new Map());
      await b.finish({ exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() });
      const errors = logger.lines.filter((l) => l.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toContain('trainscope sync');
      expect(errors[0]?.message).not.toContain(KEY);
      expect(s.requests.length).toBeLessThanOrEqual(3);
      const records = readWandbFile(join(b.directory as string, 'run-tsrun001.wandb')).records;
      expect(records.filter((r) => r.type === 'history')).toHaveLength(ROWS);
    },
  );
});

describe('finish() with a W&B server that never answers', () => {
  it('returns within finishTimeoutMs, keeps every row in the local log and says where and how to sync it', {
    timeout: 60_000,
  }, async () => {
    const s = await server();
    s.addFault({ target: 'any', stallMs: 120_000, times: 100_000 });
    const root = join(dir, 'stalled');
    const stderr = captureStderr();
    let elapsed = 0;
    try {
      const run = await init({
        project: 'stall',
        name: 'stall',
        tensorboard: { logDir: join(root, 'tb') },
        wandb: {
          mode: 'online',
          dir: root,
          baseUrl: s.url,
          apiKey: KEY,
          runId: 'stalled1',
          timeoutMs: 600_000,
        },
        profiling: { enabled: false },
        handleExit: false,
        logLevel: 'info',
        finishTimeoutMs: 2_000,
      });
      for (let i = 0; i < 100; i++) run.log({ loss: i });
      const started = Date.now();
      await run.finish();
      elapsed = Date.now() - started;
    } finally {
      stderr.restore();
    }
    // Bounded by the timeout (with room for a loaded machine), not by the 10-minute request timeout.
    expect(elapsed).toBeLessThan(2_000 + 8_000);
    const runDir = readdirSync(join(root, 'wandb')).find((n) => n.startsWith('run-')) as string;
    const local = join(root, 'wandb', runDir);
    expect(stderr.text()).toContain(`trainscope sync ${local}`);
    expect(stderr.text()).not.toContain(KEY);
    const history = readWandbFile(join(local, 'run-stalled1.wandb')).records.filter(
      (r) => r.type === 'history',
    );
    expect(history.map((r) => r.history?.step?.num ?? 0)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe('W&B down for the whole run', () => {
  it('init() → every row spooled → an interrupted `trainscope sync` rerun delivers each row exactly once', {
    timeout: 60_000,
  }, async () => {
    const s = await server();
    s.setDown(true);
    const root = join(dir, 'down');
    const stderr = captureStderr();
    try {
      const run = await init({
        project: 'down',
        name: 'down',
        tensorboard: { logDir: join(root, 'tb') },
        wandb: {
          mode: 'online',
          dir: root,
          baseUrl: s.url,
          apiKey: KEY,
          runId: 'downrun1',
          retryBudgetMs: 300,
          timeoutMs: 500,
        },
        profiling: { enabled: false },
        handleExit: false,
        logLevel: 'warn',
        finishTimeoutMs: 10_000,
      });
      for (let i = 0; i < 300; i++) run.log({ loss: i }, { step: i });
      await run.finish({ exitCode: 4 });
    } finally {
      stderr.restore();
    }
    expect(s.runs.size).toBe(0);
    const runDir = readdirSync(join(root, 'wandb')).find((n) => n.startsWith('run-')) as string;
    const local = join(root, 'wandb', runDir);
    expect(stderr.text()).toContain(`trainscope sync ${local}`);

    s.setDown(false);
    s.addFault({ target: 'file_stream', reset: true, skip: 2, times: 10_000 });
    const options = { apiKey: KEY, baseUrl: s.url, maxRequestChars: 2_000, backoff: { file_stream: FAST } };
    const interrupted = await syncRun(local, { ...options, retryBudgetMs: 100 }).catch((e: unknown) => e);
    expect(interrupted).toBeInstanceOf(SyncError);
    expect((interrupted as SyncError).resumable).toBe(true);
    s.clearFaults();
    await syncRun(local, options);
    const steps = s.historyLines('downrun1').map((l) => (parseWandbJson(l) as { _step: number })._step);
    expect(steps).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(s.run('downrun1').complete).toBe(true);
    expect(s.run('downrun1').exitCode).toBe(4);
    const before = s.requests.length;
    expect((await syncRun(local, options)).alreadySynced).toBe(true);
    expect(s.requests.length).toBe(before);
  });
});
