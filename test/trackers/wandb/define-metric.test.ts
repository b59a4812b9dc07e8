import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainscopeOptions } from '../../../src/core/options.js';
import { init } from '../../../src/init.js';
import { decodeMetricRecord } from '../../../src/trackers/wandb/offline/metric-record.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { syncRun } from '../../../src/trackers/wandb/sync/sync-run.js';
import { createWandbBackend } from '../../../src/trackers/wandb/wandb-backend.js';
import { parseWandbJson } from '../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../helpers/fake-wandb-per-test.js';
import { testRun, wandbOnlyOptions, wandbOptions } from '../../helpers/wandb-backend.js';

const KEY = 'm'.repeat(40);
const fake = fakeWandbPerTest(KEY);

const options = (wandb: TrainscopeOptions['wandb']): TrainscopeOptions => wandbOnlyOptions('metrics', wandb);

async function online(runId: string) {
  const server = await fake.start();
  const dir = fake.dir();
  return init(options({ mode: 'online', dir, baseUrl: server.url, apiKey: KEY, entity: 't', runId }));
}

function lastConfig(runId: string): Record<string, { value: unknown }> {
  const upserts = fake.current().run(runId).upserts;
  return JSON.parse(upserts.at(-1)?.config as string);
}

const summaryOf = (runId: string) =>
  parseWandbJson(fake.current().run(runId).summaryLine ?? '{}') as Record<string, unknown>;

describe('run.defineMetric (W&B define_metric)', () => {
  it('the reference case: summary min → config _wandb.m and {"val/loss": {"min": 1}} in the summary', async () => {
    const run = await online('metric01');
    run.defineMetric('val/loss', { summary: 'min' });
    for (const v of [1.0, 1.1, 1.2, 1.3, 1.4]) run.log({ 'val/loss': v });
    run.summary.update({ best_accuracy: 0.9 });
    await run.finish();
    expect(lastConfig('metric01')._wandb?.value).toMatchObject({
      m: [{ '1': 'val/loss', '6': [3], '7': [1] }],
    });
    expect(summaryOf('metric01')).toMatchObject({ 'val/loss': { min: 1 }, best_accuracy: 0.9, _step: 4 });
    const rows = fake
      .current()
      .historyLines('metric01')
      .map((l) => parseWandbJson(l) as Record<string, number>);
    expect(rows?.map((r) => r['val/loss'])).toEqual([1.0, 1.1, 1.2, 1.3, 1.4]);
  });

  it('a step metric defined first is referred to by position ("5"); step_sync adds its last value', async () => {
    const run = await online('metric02');
    run.defineMetric('epoch');
    run.defineMetric('val/loss', { stepMetric: 'epoch', summary: 'min', goal: 'min' });
    run.defineMetric('val/acc', { stepMetric: 'val/step', summary: ['max', 'last'], goal: 'maximize' });
    run.defineMetric('train/*', { summary: 'best,mean', goal: 'maximize' });
    run.log({ epoch: 1, 'train/acc': 0.5 });
    run.log({ 'val/loss': 0.4, 'train/acc': 0.7 });
    run.log({ 'val/acc': 0.2 });
    run.log({ 'val/acc': 0.1 });
    await run.finish();
    expect((lastConfig('metric02')._wandb?.value as { m?: unknown } | undefined)?.m).toEqual([
      { '1': 'epoch', '6': [3] },
      { '1': 'val/loss', '5': 1, '6': [1, 3], '7': [1], '8': 1 },
      { '1': 'val/step' },
      { '1': 'val/acc', '5': 3, '6': [1, 3], '7': [2, 5], '8': 2 },
      { '1': 'train/acc', '7': [3, 4], '8': 2 },
    ]);
    const rows = fake
      .current()
      .historyLines('metric02')
      .map((l) => parseWandbJson(l) as Record<string, number>);
    expect(rows?.[1]).toMatchObject({ 'val/loss': 0.4, epoch: 1 }); // step_sync
    expect(summaryOf('metric02')).toMatchObject({
      'val/loss': { min: 0.4 },
      'val/acc': { max: 0.2, last: 0.1 },
      'train/acc': { best: 0.7, mean: 0.6 },
      epoch: 1,
    });
  });

  it('online: config _wandb.m is upserted the config debounce after the definition, not only at finish', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const wandb = {
      mode: 'online',
      dir,
      baseUrl: server.url,
      apiKey: KEY,
      entity: 't',
      runId: 'metdeb01',
    } as const;
    const backend = createWandbBackend(wandbOptions(wandb), testRun({ id: 'metdeb01' }), {
      configDebounceMs: 50,
    });
    const run = await init({ ...options(false), wandb: false }, { backends: [backend] });
    run.defineMetric('val/loss', { summary: 'min' });
    run.log({ 'val/loss': 1 });
    const m = () =>
      server?.runs.has('metdeb01')
        ? (lastConfig('metdeb01')._wandb?.value as { m?: unknown } | undefined)?.m
        : undefined;
    const deadline = Date.now() + 5_000;
    while (m() === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(server.run('metdeb01').complete).toBe(false);
    expect(m()).toEqual([{ '1': 'val/loss', '6': [3], '7': [1] }]);
    const upsertsBefore = server.run('metdeb01').upserts.length;
    await run.finish();
    // Nothing changed since: finish sends no second config upsert.
    expect(server.run('metdeb01').upserts).toHaveLength(upsertsBefore);
  });

  it('trainscope sync: metric records replayed into config _wandb.m as wandb sync merges them', async () => {
    const dir = fake.dir();
    const run = await init(options({ mode: 'offline', dir, runId: 'metsyn01' }));
    run.defineMetric('epoch');
    run.defineMetric('val/loss', { stepMetric: 'epoch', summary: 'min' });
    run.defineMetric('val/acc', { stepMetric: 'val/step' });
    run.defineMetric('train/*', { summary: 'max' });
    run.log({ epoch: 1, 'val/loss': 0.5, 'train/x': 1 });
    await run.finish();
    const [name] = readdirSync(join(dir, 'wandb')).filter((d) => d.startsWith('offline-run-'));
    const server = await fake.start();
    await syncRun(join(dir, 'wandb', name as string), { apiKey: KEY, baseUrl: server.url });
    // Globs are not sent and a step metric nobody defined stays a name ("4"), as the 0.15.12 sender does.
    expect((lastConfig('metsyn01')._wandb?.value as { m?: unknown } | undefined)?.m).toEqual([
      { '1': 'epoch', '6': [3] },
      { '1': 'val/loss', '5': 1, '6': [1, 3], '7': [1] },
      { '1': 'val/acc', '4': 'val/step', '6': [1, 3] },
    ]);
  });

  it('offline: one metric record per call (globs as glob_name) and the aggregated summary record', async () => {
    const dir = fake.dir();
    const run = await init(options({ mode: 'offline', dir, runId: 'metoff01' }));
    run.defineMetric('val/loss', { summary: 'min', hidden: true });
    run.defineMetric('train/*', { summary: 'none' });
    run.defineMetric('a*b');
    for (const v of [1.0, 0.5, 0.7]) run.log({ 'val/loss': v, 'train/x': v });
    await run.finish();
    const [name] = readdirSync(join(dir, 'wandb')).filter((d) => d.startsWith('offline-run-'));
    const { records } = readWandbFile(join(dir, 'wandb', name as string, 'run-metoff01.wandb'));
    const metrics = records
      .filter((r) => r.type === 'metric')
      .map((r) => decodeMetricRecord(r.metric as Uint8Array));
    expect(metrics).toEqual([
      { name: 'val/loss', options: { hidden: true, defined: true }, summary: { min: true } },
      { glob_name: 'train/*', options: { defined: true }, summary: { none: true } },
    ]);
    const summary = records.filter((r) => r.type === 'summary').at(-1)?.summary?.update ?? [];
    expect(summary.find((i) => i.key === 'val/loss')?.value_json).toBe('{"min":0.5}');
    expect(summary.find((i) => i.key === 'train/x')).toBeUndefined();
    expect(records.filter((r) => r.type === 'history')).toHaveLength(3);
  });
});
