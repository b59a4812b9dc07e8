import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResumeError } from '../../../../src/core/resume-error.js';
import type { TrainscopeOptions } from '../../../../src/core/options.js';
import { init } from '../../../../src/init.js';
import { syncRun } from '../../../../src/trackers/wandb/sync/sync-run.js';
import { parseWandbJson } from '../../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../../helpers/fake-wandb-per-test.js';
import type { FakeWandbServer } from '../../../helpers/fake-wandb-server.js';
import { captureStderr } from '../../../helpers/recording-backend.js';

const KEY = 'r'.repeat(40);
const fake = fakeWandbPerTest(KEY);

function options(dir: string, extra: Partial<TrainscopeOptions> = {}): TrainscopeOptions {
  return {
    project: 'resume',
    id: 'resum001',
    config: { lr: 0.1, epochs: 3 },
    tensorboard: false,
    profiling: { enabled: false },
    handleExit: false,
    logLevel: 'warn',
    logging: { async: false },
    wandb: { mode: 'online', dir, baseUrl: fake.current().url, apiKey: KEY, entity: 'team' },
    ...extra,
  };
}

async function firstSession(dir: string, rows: number): Promise<void> {
  const run = await init(options(dir));
  for (let i = 0; i < rows; i++) run.log({ 'train/loss': 10 - i, 'a/only': i });
  await run.finish();
}

const rowsOf = (s: FakeWandbServer) =>
  s.historyLines('resum001').map((l) => parseWandbJson(l) as Record<string, number>);

describe('init({ id, resume }) online', () => {
  it("'allow' continues the run: history offsets, _step, _runtime, summary and config, without overwriting", async () => {
    const server = await fake.start();
    const dir = fake.dir();
    await firstSession(dir, 10);
    const before = rowsOf(server);
    expect(before.map((r) => r._step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const run = await init(options(dir, { resume: 'allow', config: { lr: 0.2 } }));
    expect(run.step).toBe(10);
    for (let i = 0; i < 5; i++) run.log({ 'train/loss': 1 - i / 10, 'b/only': i });
    await run.finish();
    const rows = rowsOf(server);
    expect(rows).toHaveLength(15);
    expect(rows.slice(0, 10)).toEqual(before);
    expect(rows.slice(10).map((r) => r._step)).toEqual([10, 11, 12, 13, 14]);
    expect(rows.slice(10).map((r) => r['b/only'])).toEqual([0, 1, 2, 3, 4]);
    expect(rows[10]?._runtime).toBeGreaterThanOrEqual(before[9]?._runtime ?? Number.NaN);
    const resumeQuery = server.requestsOf('graphql', 'RunResumeStatus');
    expect(resumeQuery).toHaveLength(1);
    const upserts = server.run('resum001').upserts;
    const config = JSON.parse(upserts[upserts.length - 1]?.config as string);
    expect(config.lr.value).toBe(0.2);
    expect(config.epochs.value).toBe(3);
    const summary = JSON.parse(server.run('resum001').summaryLine ?? '{}');
    expect(summary['a/only']).toBe(9);
    expect(summary['b/only']).toBe(4);
    expect(summary._step).toBe(14);
  });

  it("'must' fails init with a clear error when the run does not exist, before any UpsertBucket", async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const stderr = captureStderr();
    try {
      const failure = await init(options(dir, { resume: 'must' })).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ResumeError);
      expect(String((failure as Error).message)).toMatch(
        /resume 'must' but run resum001 does not exist on W&B/,
      );
    } finally {
      stderr.restore();
    }
    expect(server.requestsOf('graphql', 'UpsertBucket')).toHaveLength(0);
    expect(server.runs.size).toBe(0);
  });

  it("'never' fails init when the run exists, and leaves its history alone", async () => {
    const server = await fake.start();
    const dir = fake.dir();
    await firstSession(dir, 3);
    const upserts = server.requestsOf('graphql', 'UpsertBucket').length;
    const stderr = captureStderr();
    try {
      const failure = await init(options(dir, { resume: 'never' })).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ResumeError);
      expect(String((failure as Error).message)).toMatch(/resume 'never' but run resum001 already exists/);
    } finally {
      stderr.restore();
    }
    expect(server.requestsOf('graphql', 'UpsertBucket')).toHaveLength(upserts);
    expect(rowsOf(server)).toHaveLength(3);
  });

  it('warns when an id is reused without resume (never a silent overwrite)', async () => {
    const _server = await fake.start();
    const dir = fake.dir();
    await firstSession(dir, 3);
    const stderr = captureStderr();
    try {
      const run = await init(options(dir));
      run.log({ 'train/loss': 1 });
      await run.finish();
    } finally {
      stderr.restore();
    }
    expect(stderr.text()).toMatch(/run resum001 already existed on the server and `resume` is not set/);
  });

  it('resumeStep rewinds: run.step says it, and W&B warns that it cannot rewind', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    await firstSession(dir, 10);
    const stderr = captureStderr();
    let step = -1;
    try {
      const run = await init(options(dir, { resume: 'allow', resumeStep: 6 }));
      step = run.step;
      for (let i = 0; i < 6; i++) run.log({ 'train/loss': i });
      await run.finish();
    } finally {
      stderr.restore();
    }
    expect(step).toBe(6);
    expect(stderr.text()).toMatch(/W&B cannot rewind run resum001: it already holds steps up to 9/);
    // Steps 6-9 were dropped by W&B's step rule; 10 and 11 continue the run.
    expect(rowsOf(server).map((r) => r._step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('a resumed run whose stream stopped is appended by trainscope sync at the offsets W&B held', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    await firstSession(dir, 5);
    server.addFault({ target: 'file_stream', status: 500, times: 10_000 });
    const stderr = captureStderr();
    try {
      const run = await init(
        options(dir, {
          resume: 'allow',
          wandb: {
            mode: 'online',
            dir,
            baseUrl: server.url,
            apiKey: KEY,
            entity: 'team',
            retryBudgetMs: 200,
          },
        }),
      );
      for (let i = 0; i < 4; i++) run.log({ 'train/loss': i });
      await run.finish();
    } finally {
      stderr.restore();
    }
    expect(rowsOf(server)).toHaveLength(5);
    server.clearFaults();
    const second = readdirSync(join(dir, 'wandb'))
      .filter((n) => n.startsWith('run-'))
      .sort()
      .pop();
    await syncRun(join(dir, 'wandb', second as string), { apiKey: KEY, baseUrl: server.url });
    expect(rowsOf(server).map((r) => r._step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(
      rowsOf(server)
        .slice(5)
        .map((r) => r['train/loss']),
    ).toEqual([0, 1, 2, 3]);
  });
});
