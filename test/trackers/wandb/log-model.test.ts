import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ModelDescription } from '../../../src/core/model-description.js';
import type { Run } from '../../../src/core/run.js';
import { init } from '../../../src/init.js';
import { readWandbFile, type WandbRecord } from '../../../src/trackers/wandb/offline/index.js';
import { syncRun } from '../../../src/trackers/wandb/sync/sync-run.js';
import { parseWandbJson } from '../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../helpers/fake-wandb-per-test.js';
import { TINY_MODEL } from '../../helpers/tensorboard.js';

const KEY = 'm'.repeat(40);
const TABLE = /^media\/table\/model\/summary_(\d+)_[0-9a-f]{20}\.table\.json$/;
const fake = fakeWandbPerTest(KEY);

function sequentialModel(): tf.Sequential {
  const model = tf.sequential({ name: 'mlp' });
  model.add(tf.layers.dense({ units: 8, inputShape: [4], name: 'hidden' }));
  model.add(tf.layers.dense({ units: 2, name: 'out' }));
  return model;
}

async function wandbRun(wandb: Record<string, unknown>): Promise<{ run: Run; dir: string }> {
  const dir = fake.dir();
  const run = await init({
    project: 'models',
    name: 'model-run',
    tensorboard: false,
    handleExit: false,
    profiling: { enabled: false },
    logLevel: 'silent',
    wandb: { dir, runId: 'model001', ...wandb },
  });
  return { run, dir };
}

function summaryOf(record: WandbRecord | undefined): Record<string, unknown> {
  return Object.fromEntries(
    (record?.summary?.update ?? []).map((i) => [i.key, parseWandbJson(i.value_json as string)]),
  );
}

const SUMMARY_TABLE = {
  columns: ['Layer (type)', 'Output Shape', 'Param #'],
  data: [
    ['hidden (Dense)', '(None, 8)', '40'],
    ['out (Dense)', '(None, 2)', '18'],
  ],
};

describe('run.logModel into W&B', () => {
  it('offline: the model/summary table in the summary, the table and model/<name>.json as run files', async () => {
    const model = sequentialModel();
    const { run, dir } = await wandbRun({ mode: 'offline' });
    run.log({ loss: 1 });
    run.logModel(model);
    await run.flush();
    run.log({ loss: 0.5 });
    await run.finish();

    const runDir = readdirSync(join(dir, 'wandb')).find((n) => n.startsWith('offline-run-'))!;
    const filesDir = join(dir, 'wandb', runDir, 'files');
    const wandbFile = readdirSync(join(dir, 'wandb', runDir)).find((n) => n.endsWith('.wandb'))!;
    const contents = readWandbFile(join(dir, 'wandb', runDir, wandbFile));
    expect(contents.errors).toEqual([]);
    const records = contents.records;

    const listed = records.flatMap((r) => r.files?.files?.map((f) => String(f.path)) ?? []);
    const tablePath = listed.find((p) => TABLE.test(p))!;
    expect(tablePath).toMatch(/summary_1_/);
    expect(listed).toContain('model/mlp.json');
    expect(readFileSync(join(filesDir, 'model/mlp.json'), 'utf8')).toBe(model.toJSON());
    expect(JSON.parse(readFileSync(join(filesDir, tablePath), 'utf8'))).toEqual(SUMMARY_TABLE);

    // The files, then (at the flush) the summary naming the table, then loss 0.5's row. (Loss 1's row may come
    // after the files: W&B's step rule keeps a step's row open until a later step or a flush.)
    const historyAt = (loss: number) =>
      records.findIndex((r) =>
        r.history?.item?.some((i) => i.key === 'loss' && i.value_json === String(loss)),
      );
    const filesAt = records.findIndex((r) => r.files?.files?.some((f) => f.path === 'model/mlp.json'));
    const flushed = records.findIndex((r) => r.summary !== undefined && summaryOf(r)['model/summary']);
    expect(historyAt(1)).toBeGreaterThan(0);
    expect(filesAt).toBeGreaterThan(0);
    expect(flushed).toBeGreaterThan(filesAt);
    expect(historyAt(0.5)).toBeGreaterThan(flushed);
    expect(summaryOf(records[flushed])['model/summary']).toMatchObject({
      _type: 'table-file',
      path: tablePath,
      ncols: 3,
      nrows: 2,
    });
    const final = JSON.parse(readFileSync(join(filesDir, 'wandb-summary.json'), 'utf8'));
    expect(final['model/summary'].path).toBe(tablePath);
    expect(final.loss).toBe(0.5);

    // trainscope sync uploads both files and sends the summary with the table.
    const server = await fake.start();
    await syncRun(join(dir, 'wandb', runDir), { apiKey: KEY, baseUrl: server.url });
    expect(server.uploads.get('model001/model/mlp.json')?.body.toString('utf8')).toBe(model.toJSON());
    expect(JSON.parse(server.uploads.get(`model001/${tablePath}`)!.body.toString('utf8'))).toEqual(
      SUMMARY_TABLE,
    );
    expect(JSON.parse(server.run('model001').summaryLine!)['model/summary'].path).toBe(tablePath);
  });

  it('online: uploads the config file and the table, and streams the summary that names the table', async () => {
    const server = await fake.start();
    const description: ModelDescription = TINY_MODEL;
    const { run } = await wandbRun({ mode: 'online', baseUrl: server.url, apiKey: KEY, entity: 'team' });
    run.logModel(description, { name: 'tiny transformer' });
    run.log({ loss: 1 });
    await run.finish();

    const online = server.run('model001');
    expect(online.complete).toBe(true);
    const config = server.uploads.get('model001/model/tiny_transformer.json');
    expect(JSON.parse(config!.body.toString('utf8'))).toMatchObject({
      class_name: 'Functional',
      config: { name: 'tiny transformer' },
    });
    const summary = JSON.parse(online.summaryLine!);
    expect(summary['model/summary']).toMatchObject({ _type: 'table-file', ncols: 3, nrows: 4 });
    const table = JSON.parse(
      server.uploads.get(`model001/${summary['model/summary'].path}`)!.body.toString(),
    );
    expect(table.data[3]).toEqual(['residual (Add)', '(None, 16, 32)', '0']);
    // The file went up before the summary that names it.
    const uploadIndex = server.requests.findIndex(
      (r) => r.path.startsWith('/storage/') && r.path.includes('tiny_transformer'),
    );
    const summaryIndex = server.requests.findIndex(
      (r) => r.path.endsWith('/file_stream') && JSON.stringify(r.json ?? {}).includes('model/summary'),
    );
    expect(uploadIndex).toBeGreaterThanOrEqual(0);
    expect(summaryIndex).toBeGreaterThan(uploadIndex);
  });
});
