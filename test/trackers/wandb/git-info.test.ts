import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { gitInfo, stripCredentials } from '../../../src/trackers/wandb/git-info.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { fakeWandbPerTest } from '../../helpers/fake-wandb-per-test.js';

const KEY = 'g'.repeat(40);
const fake = fakeWandbPerTest(KEY);

const HEAD = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();

describe('git and run metadata (issue 14 f)', () => {
  it('strips credentials from remote URLs as W&B does', () => {
    expect(stripCredentials('https://u:tok@github.com/o/r.git')).toBe('https://u:@github.com/o/r.git');
    expect(stripCredentials('https://u@github.com/o/r.git')).toBe('https://github.com/o/r.git');
    expect(stripCredentials('git@github.com:o/r.git')).toBe('git@github.com:o/r.git');
    expect(gitInfo(process.cwd(), { WANDB_DISABLE_GIT: 'true' })).toBeUndefined();
  });

  it('online: UpsertBucket commit and config _wandb versions; offline: run.git and wandb-metadata.json git', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const base = {
      project: 'git',
      tensorboard: false as const,
      profiling: { enabled: false },
      handleExit: false,
      logLevel: 'silent' as const,
    };
    const run = await init({
      ...base,
      wandb: { mode: 'online', dir, baseUrl: server.url, apiKey: KEY, entity: 't', runId: 'gitrun01' },
    });
    await run.finish();
    const upsert = server.requestsOf('graphql', 'UpsertBucket')[0]?.variables ?? {};
    expect(upsert.commit).toBe(HEAD);
    const config = JSON.parse(upsert.config as string);
    expect(config._wandb.value).toMatchObject({
      node_version: process.versions.node,
      cli_version: expect.any(String),
    });

    const off = await init({ ...base, wandb: { mode: 'offline', dir, runId: 'gitoff01' } });
    await off.finish();
    const [name] = readdirSync(join(dir, 'wandb')).filter((d) => d.startsWith('offline-run-'));
    const runDir = join(dir, 'wandb', name as string);
    const runRecord = readWandbFile(join(runDir, 'run-gitoff01.wandb')).records.find((r) => r.type === 'run');
    expect(runRecord?.run?.git?.commit).toBe(HEAD);
    const metadata = JSON.parse(readFileSync(join(runDir, 'files', 'wandb-metadata.json'), 'utf8'));
    expect(metadata.git.commit).toBe(HEAD);
    expect(typeof metadata.codePathLocal).toBe('string');
  });
});
