import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainscopeOptions } from '../../../src/core/options.js';
import type { Run } from '../../../src/core/run.js';
import { init } from '../../../src/init.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import type { WandbItem } from '../../../src/trackers/wandb/offline/wandb-record.js';
import { syncRun } from '../../../src/trackers/wandb/sync/sync-run.js';
import { parseWandbJson } from '../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../helpers/fake-wandb-per-test.js';

const KEY = 's'.repeat(40);
const fake = fakeWandbPerTest(KEY);

function options(wandb: TrainscopeOptions['wandb']): TrainscopeOptions {
  return {
    project: 'summary',
    tensorboard: false,
    // Self-reports on: trainscope's own counters must not become history charts nor add a step.
    profiling: { enabled: true, reportEverySteps: 25 },
    handleExit: false,
    logLevel: 'silent',
    wandb,
  };
}

/** Steps 0–100, a summary-only value, a logged key overridden in the summary, and a dropped late row. */
async function train(run: Run): Promise<void> {
  for (let i = 0; i <= 100; i++) run.log({ 'train/loss': 1 / (i + 1) });
  run.log({ late: 1 }, { step: 100 }); // step 100 was committed (run.step is 101): W&B drops it
  run.summary.update({ best_accuracy: 0.9, 'train/loss': 0.25, final: { epochs: 3 } });
  await run.finish();
}

const summaryOf = (line: string | undefined) => parseWandbJson(line ?? '{}') as Record<string, unknown>;

describe('W&B summary and steps (issue 14 a, b)', () => {
  it('online: summary-only values reach the summary; no trainscope/* history; the run ends at _step 100', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const run = await init(
      options({ mode: 'online', dir, baseUrl: server.url, apiKey: KEY, entity: 't', runId: 'sumrun01' }),
    );
    await train(run);
    const history = server.historyLines('sumrun01').map((l) => parseWandbJson(l) as Record<string, unknown>);
    expect(history).toHaveLength(101);
    expect(history.map((r) => r._step)).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(history.flatMap((r) => Object.keys(r)).filter((k) => k.startsWith('trainscope'))).toEqual([]);
    expect(history.some((r) => 'late' in r)).toBe(false);
    const summary = summaryOf(server.run('sumrun01').summaryLine);
    expect(summary).toMatchObject({
      best_accuracy: 0.9,
      'train/loss': 0.25,
      final: { epochs: 3 },
      _step: 100,
    });
    expect(Object.keys(summary).filter((k) => k.startsWith('trainscope'))).toEqual([]);
    // trainscope's counters are in the System section (wandb-events.jsonl), `system.`-prefixed.
    const events = server.fileLines('sumrun01', 'wandb-events.jsonl').map((l) => parseWandbJson(l) as object);
    expect(events.some((e) => 'system.trainscope.log_calls' in e)).toBe(true);
  });

  it('offline: the .wandb summary record and wandb-summary.json hold them; trainscope sync sends them', async () => {
    const dir = fake.dir();
    const run = await init(options({ mode: 'offline', dir, runId: 'sumoff01' }));
    await train(run);
    const { records } = readWandbFile(join(runDirIn(dir), 'run-sumoff01.wandb'));
    const history = records.filter((r) => r.type === 'history');
    expect(history).toHaveLength(101);
    expect(history.at(-1)?.history?.step?.num).toBe(100);
    const keys = history.flatMap((r) => (r.history?.item ?? []).map((i) => i.key));
    expect(keys.filter((k) => k?.startsWith('trainscope'))).toEqual([]);
    const stats = records.filter((r) => r.type === 'stats').flatMap((r) => r.stats?.item ?? []);
    expect(stats.some((i) => i.key === 'trainscope.log_calls')).toBe(true);
    const last = records.filter((r) => r.type === 'summary').at(-1);
    const item = (key: string) => last?.summary?.update?.find((i: WandbItem) => i.key === key)?.value_json;
    expect(item('best_accuracy')).toBe('0.9');
    expect(item('train/loss')).toBe('0.25');
    expect(item('final')).toBe('{"epochs":3}');
    expect(item('_step')).toBe('100');
    const file = summaryOf(readFileSync(join(runDirIn(dir), 'files', 'wandb-summary.json'), 'utf8'));
    expect(file).toMatchObject({ best_accuracy: 0.9, 'train/loss': 0.25, _step: 100 });

    const server = await fake.start();
    await syncRun(runDirIn(dir), { apiKey: KEY, baseUrl: server.url });
    expect(summaryOf(server.run('sumoff01').summaryLine)).toMatchObject({
      best_accuracy: 0.9,
      'train/loss': 0.25,
      final: { epochs: 3 },
      _step: 100,
    });
    expect(server.historyLines('sumoff01')).toHaveLength(101);
  });
});

/** The run's only `wandb/offline-run-*` directory under `root`. */
function runDirIn(root: string): string {
  const [name] = readdirSync(join(root, 'wandb')).filter((d) => d.startsWith('offline-run-'));
  if (name === undefined) throw new Error(`no offline run in ${root}`);
  return join(root, 'wandb', name);
}
