import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainscopeOptions } from '../../../../src/core/options.js';
import { ResumeError } from '../../../../src/core/resume-error.js';
import { init } from '../../../../src/init.js';
import { readWandbFile } from '../../../../src/trackers/wandb/offline/read-wandb-file.js';
import { syncRun } from '../../../../src/trackers/wandb/sync/sync-run.js';
import { parseWandbJson } from '../../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../../helpers/fake-wandb-per-test.js';
import { captureStderr } from '../../../helpers/recording-backend.js';

const KEY = 'o'.repeat(40);
const fake = fakeWandbPerTest(KEY);

function options(dir: string, extra: Partial<TrainscopeOptions> = {}): TrainscopeOptions {
  return {
    project: 'offres',
    id: 'offres01',
    config: { lr: 0.1 },
    tensorboard: false,
    profiling: { enabled: false },
    handleExit: false,
    logLevel: 'error',
    logging: { async: false },
    wandb: { mode: 'offline', dir },
    ...extra,
  };
}

async function session(dir: string, rows: number, extra: Partial<TrainscopeOptions> = {}): Promise<number> {
  const run = await init(options(dir, extra));
  const start = run.step;
  for (let i = 0; i < rows; i++) run.log({ 'train/loss': start + i });
  await run.finish();
  return start;
}

const runDirs = (dir: string) =>
  readdirSync(join(dir, 'wandb'))
    .filter((n) => n.startsWith('offline-run-'))
    .sort()
    .map((n) => join(dir, 'wandb', n));

describe('offline resume, then trainscope sync', () => {
  it('the resumed log says so and continues the steps; syncing both appends instead of overwriting', async () => {
    const dir = fake.dir();
    await session(dir, 8);
    const start = await session(dir, 4, { resume: 'allow' });
    expect(start).toBe(8);
    const [first, second] = runDirs(dir);
    expect(second).toBeDefined();
    const records = readWandbFile(join(second as string, 'run-offres01.wandb')).records;
    const runRecord = records.find((r) => r.type === 'run')?.run;
    expect(runRecord?.resumed).toBe(true);
    expect(runRecord?.starting_step).toBe(8);
    const server = await fake.start();
    const sync = { apiKey: KEY, baseUrl: server.url, project: 'offres' };
    await syncRun(first as string, sync);
    await syncRun(second as string, sync);
    const rows = server.historyLines('offres01').map((l) => parseWandbJson(l) as Record<string, number>);
    expect(rows.map((r) => r._step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rows.map((r) => r['train/loss'])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect((rows[8]?._runtime ?? -1) >= (rows[7]?._runtime ?? Number.NaN)).toBe(true);
    const summary = JSON.parse(server.run('offres01').summaryLine ?? '{}');
    expect(summary['train/loss']).toBe(11);
    // A second sync of the resumed directory sends nothing again.
    const again = await syncRun(second as string, sync);
    expect(again.alreadySynced).toBe(true);
    expect(server.historyLines('offres01')).toHaveLength(12);
  });

  it("'must' fails without an earlier local run; 'never' fails with one", async () => {
    const dir = fake.dir();
    const stderr = captureStderr();
    try {
      await expect(init(options(dir, { resume: 'must' }))).rejects.toThrow(ResumeError);
      await session(dir, 1);
      await expect(init(options(dir, { resume: 'never' }))).rejects.toThrow(/already exists in/);
    } finally {
      stderr.restore();
    }
  });

  it("'auto' continues the run that did not finish cleanly in this directory, and starts fresh after a clean finish", async () => {
    const dir = fake.dir();
    const crashed = await init(options(dir, { id: undefined, resume: 'auto' }));
    for (let i = 0; i < 3; i++) crashed.log({ x: i });
    await crashed.finish({ exitCode: 1 });
    const resumed = await init(options(dir, { id: undefined, resume: 'auto' }));
    expect(resumed.id).toBe(crashed.id);
    expect(resumed.step).toBe(3);
    await resumed.finish({ exitCode: 0 });
    const fresh = await init(options(dir, { id: undefined, resume: 'auto' }));
    expect(fresh.id).not.toBe(crashed.id);
    expect(fresh.step).toBe(0);
    await fresh.finish();
  });
});
