import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { dependencyList } from '../../../src/trackers/wandb/run-end-files.js';
import { syncRun } from '../../../src/trackers/wandb/sync/sync-run.js';
import { parseWandbJson } from '../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../helpers/fake-wandb-per-test.js';
import { FIXTURES, REPO_ROOT } from '../../helpers/paths.js';

const KEY = 'e'.repeat(40);
const BASIC = join(FIXTURES, 'wandb', 'offline-basic', 'offline-run-20261130_004344-uso9872i');
const fake = fakeWandbPerTest(KEY);

describe('end-of-run files (issue 14 d)', () => {
  it('the dependency list is requirements.txt: sorted lowercase name==installed version, no final newline', () => {
    const list = dependencyList(join(REPO_ROOT, 'src', 'index.ts')) ?? '';
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const names = Object.keys(pkg.dependencies ?? {}).map((n) => n.toLowerCase());
    expect(list.split('\n').map((l) => l.split('==')[0])).toEqual([...names].sort());
    const zod = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'zod', 'package.json'), 'utf8'));
    expect(list).toContain(`zod==${zod.version}`);
    expect(list.endsWith('\n')).toBe(false);
  });

  it('online: config.yaml, wandb-summary.json and requirements.txt are uploaded before complete', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const run = await init({
      project: 'files',
      config: { lr: 0.1 },
      tensorboard: false,
      profiling: { enabled: false },
      handleExit: false,
      logLevel: 'silent',
      wandb: { mode: 'online', dir, baseUrl: server.url, apiKey: KEY, entity: 't', runId: 'files001' },
    });
    run.log({ loss: 1 });
    run.summary.update({ best: 2 });
    await run.finish();
    const uploaded = server.run('files001').uploaded;
    expect(uploaded).toEqual(
      expect.arrayContaining([
        'wandb-metadata.json',
        'config.yaml',
        'wandb-summary.json',
        'requirements.txt',
      ]),
    );
    const summary = parseWandbJson(server.uploads.get('files001/wandb-summary.json')?.body.toString() ?? '');
    expect(summary).toMatchObject({ loss: 1, best: 2, _step: 0, _wandb: { runtime: expect.any(Number) } });
    const yaml = parseYaml(server.uploads.get('files001/config.yaml')?.body.toString() ?? '');
    expect(yaml).toMatchObject({ wandb_version: 1, lr: { desc: null, value: 0.1 } });
    const complete = server.requestsOf('file_stream').at(-1)?.json as { complete?: boolean };
    expect(complete.complete).toBe(true);
  });

  it('trainscope sync of an official offline run uploads requirements.txt, the synced summary and config.yaml', async () => {
    const server = await fake.start();
    const root = fake.dir();
    cpSync(BASIC, join(root, 'run'), { recursive: true });
    await syncRun(join(root, 'run'), { apiKey: KEY, baseUrl: server.url });
    const uploaded = server.run('uso9872i').uploaded;
    expect(uploaded).toEqual(
      expect.arrayContaining(['requirements.txt', 'wandb-summary.json', 'config.yaml']),
    );
    expect(
      server.uploads
        .get('uso9872i/requirements.txt')
        ?.body.equals(readFileSync(join(BASIC, 'files', 'requirements.txt'))),
    ).toBe(true);
    const summary = parseWandbJson(server.uploads.get('uso9872i/wandb-summary.json')?.body.toString() ?? '');
    expect(summary).toMatchObject({ 'train/loss': 0.25, _step: 10 });
    expect(parseYaml(server.uploads.get('uso9872i/config.yaml')?.body.toString() ?? '')).toHaveProperty(
      'wandb_version',
      1,
    );
  });
});
