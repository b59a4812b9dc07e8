import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainscopeOptions } from '../../../src/core/options.js';
import type { Run } from '../../../src/core/run.js';
import { profileOperation } from '../../../src/decorators/function-api.js';
import { init } from '../../../src/init.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { syncRun } from '../../../src/trackers/wandb/sync/sync-run.js';
import { parseWandbJson } from '../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../helpers/fake-wandb-per-test.js';

const KEY = 'r'.repeat(40);
const REPORT_TABLES = ['profiling/bottlenecks', 'profiling/operations'];
const fake = fakeWandbPerTest(KEY);

function options(wandb: TrainscopeOptions['wandb'], thread: 'main' | 'worker'): TrainscopeOptions {
  return {
    project: 'report',
    tensorboard: false,
    profiling: { enabled: true, reportEverySteps: 30, systemMetricsSecs: 0, gpu: 'off' },
    logging: { thread },
    handleExit: false,
    logLevel: 'silent',
    wandb,
  };
}

/** Steps 0–100 with one profiled operation: the profiler's final report has both tables. */
async function train(run: Run): Promise<void> {
  for (let i = 0; i <= 100; i++) {
    profileOperation('forward', 'model', () => Math.sqrt(i));
    run.log({ 'train/loss': 1 / (i + 1) });
  }
  await run.finish();
}

type Json = Record<string, unknown>;
const parse = (line: string | undefined): Json => parseWandbJson(line ?? '{}') as Json;

/** The history ends at the trainer's last step and holds no report key; the summary has the report's tables. */
function expectReportInSummaryOnly(history: readonly Json[], summary: Json): void {
  expect(history).toHaveLength(101);
  expect(history.at(-1)?._step).toBe(100);
  const keys = history.flatMap((row) => Object.keys(row));
  expect(keys.filter((k) => k.startsWith('profiling/bottlenecks') || k === 'profiling/operations')).toEqual(
    [],
  );
  expect(summary._step).toBe(100);
  for (const key of REPORT_TABLES) {
    expect(summary[key]).toMatchObject({ _type: 'table-file', ncols: expect.any(Number) });
    expect((summary[key] as Json).path).toMatch(/^media\/table\/profiling\/.+\.table\.json$/);
  }
}

describe('the profiler final report goes to the W&B summary, not a history row (issue 14)', () => {
  for (const thread of ['main', 'worker'] as const) {
    it(`online (${thread} thread): no history row past step 100; the tables are in the summary and uploaded`, async () => {
      const server = await fake.start();
      const dir = fake.dir();
      const runId = `rep${thread.slice(0, 2)}001`;
      const wandb = { mode: 'online', dir, baseUrl: server.url, apiKey: KEY, entity: 't', runId } as const;
      await train(await init(options(wandb, thread)));
      const history = server.historyLines(runId).map((l) => parse(l));
      const summary = parse(server.run(runId).summaryLine);
      expectReportInSummaryOnly(history, summary);
      const uploaded = [...server.uploads.keys()];
      for (const key of REPORT_TABLES) {
        expect(uploaded).toContain(`${runId}/${(summary[key] as Json).path as string}`);
      }
    });
  }

  it('offline and trainscope sync: the decoded .wandb history ends at step 100; the summary record has the tables', async () => {
    const dir = fake.dir();
    await train(await init(options({ mode: 'offline', dir, runId: 'repoff01' }, 'worker')));
    const runDir = offlineRunDir(dir);
    const { records } = readWandbFile(join(runDir, 'run-repoff01.wandb'));
    const history = records
      .filter((r) => r.type === 'history')
      .map((r) => Object.fromEntries((r.history?.item ?? []).map((i) => [i.key, parse(i.value_json)])));
    const last = records.filter((r) => r.type === 'summary').at(-1);
    const summary = Object.fromEntries(
      (last?.summary?.update ?? []).map((i) => [i.key as string, parse(i.value_json)]),
    );
    expectReportInSummaryOnly(history, summary);
    const files = records.flatMap((r) => (r.type === 'files' ? (r.files?.files ?? []) : []));
    for (const key of REPORT_TABLES) {
      expect(files.map((f) => f.path)).toContain((summary[key] as Json).path);
    }

    const server = await fake.start();
    await syncRun(runDir, { apiKey: KEY, baseUrl: server.url });
    const synced = server.historyLines('repoff01').map((l) => parse(l));
    expectReportInSummaryOnly(synced, parse(server.run('repoff01').summaryLine));
  });
});

function offlineRunDir(root: string): string {
  const [name] = readdirSync(join(root, 'wandb')).filter((d) => d.startsWith('offline-run-'));
  if (name === undefined) throw new Error(`no offline run in ${root}`);
  return join(root, 'wandb', name);
}
