import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { init } from '../../../../src/init.js';
import { decodeArtifactRecord } from '../../../../src/trackers/wandb/artifacts/artifact-record.js';
import { readWandbFile } from '../../../../src/trackers/wandb/offline/read-wandb-file.js';
import { syncRun } from '../../../../src/trackers/wandb/sync/sync-run.js';
import { createWandbBackend } from '../../../../src/trackers/wandb/wandb-backend.js';
import { fakeWandbPerTest } from '../../../helpers/fake-wandb-per-test.js';
import type { FakeWandbServer } from '../../../helpers/fake-wandb-server.js';
import { captureStderr } from '../../../helpers/recording-backend.js';
import { testRun, wandbOptions } from '../../../helpers/wandb-backend.js';

const KEY = 'a'.repeat(40);
const FAST = { initialDelayMs: 5, maxDelayMs: 20, jitter: 0.25 };
const fake = fakeWandbPerTest(KEY);

const md5b64 = (bytes: Buffer | string) => createHash('md5').update(bytes).digest('base64');

async function onlineRun(s: FakeWandbServer, dir: string, retryBudgetMs = 120_000) {
  const backend = createWandbBackend(
    wandbOptions({
      mode: 'online',
      dir,
      baseUrl: s.url,
      apiKey: KEY,
      entity: 'team',
      runId: 'artrun01',
      retryBudgetMs,
    }),
    testRun({ id: 'artrun01', project: 'arts' }),
    { backoff: { graphql: FAST, upload: FAST, file_stream: FAST }, finishBudgetMs: 10_000 },
  );
  return init(
    {
      project: 'arts',
      tensorboard: false,
      wandb: false,
      profiling: { enabled: false },
      handleExit: false,
      logLevel: 'warn',
      logging: { async: false },
    },
    { backends: [backend] },
  );
}

describe('run.logArtifact online', () => {
  it('uploads the staged checkpoint through the artifact API, unaffected by an overwrite right after the call, and retries failures', async () => {
    const server = await fake.start();
    server.addFault({ target: 'upload', status: 500, times: 2 });
    server.addFault({ target: 'graphql', operation: 'CreateArtifactFiles', status: 503, times: 1 });
    const dir = fake.dir();
    const ckpt = fake.dir();
    const weights = Buffer.alloc(50_000, 7);
    writeFileSync(join(ckpt, 'weights.bin'), weights);
    writeFileSync(join(ckpt, 'meta.json'), '{"epoch":1}');
    const stderr = captureStderr();
    let logged: { name: string; digest: string } | undefined;
    try {
      const run = await onlineRun(server, dir);
      run.log({ loss: 1 });
      logged = run.logArtifact(ckpt, {
        name: 'model',
        type: 'model',
        aliases: ['best'],
        metadata: { val_loss: 0.5 },
      });
      writeFileSync(join(ckpt, 'weights.bin'), 'the next checkpoint');
      await run.finish();
    } finally {
      stderr.restore();
    }
    const artifact = [...server.artifacts.values()][0];
    expect(artifact?.state).toBe('COMMITTED');
    expect(artifact?.name).toBe('model');
    expect(artifact?.runName).toBe('artrun01');
    expect(artifact?.aliases.sort()).toEqual(['best', 'latest']);
    expect(JSON.parse(artifact?.variables.metadata as string)).toEqual({ val_loss: 0.5 });
    const expected = createHash('md5')
      .update('wandb-artifact-manifest-v1\n')
      .update(`meta.json:${md5b64('{"epoch":1}')}\n`)
      .update(`weights.bin:${md5b64(weights)}\n`)
      .digest('hex');
    expect(artifact?.digest).toBe(expected);
    expect(logged?.digest).toBe(expected);
    expect(server.uploads.get(artifact?.fileKeys.get('weights.bin') as string)?.body).toEqual(weights);
    // Committed: the staging copies are gone (a failed upload keeps them for trainscope sync).
    const runDir = join(
      dir,
      'wandb',
      readdirSync(join(dir, 'wandb')).find((n) => n.startsWith('run-')) ?? '',
    );
    const record = readWandbFile(join(runDir, 'run-artrun01.wandb')).records.find(
      (r) => r.type === 'artifact',
    );
    const staged = decodeArtifactRecord(record?.artifact as Uint8Array);
    expect(staged.files.map((f) => existsSync(f.localPath))).toEqual([false, false]);
    const manifest = JSON.parse(
      server.uploads.get(`artifacts/${artifact?.id}/wandb_manifest.json`)?.body.toString() ?? '{}',
    );
    expect(manifest).toEqual({
      version: 1,
      storagePolicy: 'wandb-storage-policy-v1',
      storagePolicyConfig: { storageLayout: 'V2' },
      contents: {
        'meta.json': { digest: md5b64('{"epoch":1}'), birthArtifactID: artifact?.id, size: 11 },
        'weights.bin': { digest: md5b64(weights), birthArtifactID: artifact?.id, size: 50_000 },
      },
    });
    expect(artifact?.manifestDigest).toBe(md5b64(JSON.stringify(manifest, null, 4)));
    const failedPuts = server.requestsOf('upload').filter((r) => r.status === 500);
    expect(failedPuts).toHaveLength(2);
    expect(server.requestsOf('graphql', 'CreateArtifactFiles').map((r) => r.status)).toEqual([503, 200]);
  });

  it('a digest W&B already holds is not uploaded again (CreateArtifact answers COMMITTED)', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const ckpt = fake.dir();
    writeFileSync(join(ckpt, 'w.bin'), 'same bytes');
    const run = await onlineRun(server, dir);
    run.logArtifact(join(ckpt, 'w.bin'), { name: 'model', type: 'model' });
    run.logArtifact(join(ckpt, 'w.bin'), { name: 'model', type: 'model' });
    await run.finish();
    expect(server.requestsOf('graphql', 'CreateArtifact')).toHaveLength(2);
    expect(server.requestsOf('graphql', 'CommitArtifact')).toHaveLength(1);
    expect(server.requestsOf('upload').filter((r) => r.path.endsWith('/w.bin'))).toHaveLength(1);
  });

  it('an artifact W&B did not take before finish is named, and trainscope sync uploads it later', async () => {
    const server = await fake.start();
    server.addFault({ target: 'upload', status: 500, times: 1_000 });
    const dir = fake.dir();
    const ckpt = fake.dir();
    writeFileSync(join(ckpt, 'w.bin'), 'weights');
    const stderr = captureStderr();
    try {
      const run = await onlineRun(server, dir, 300);
      run.log({ loss: 1 });
      run.logArtifact(join(ckpt, 'w.bin'), { name: 'model', type: 'model' });
      await run.finish();
    } finally {
      stderr.restore();
    }
    expect(stderr.text()).toMatch(/artifact model was not uploaded .*`trainscope sync` uploads it/);
    expect(server.run('artrun01').complete).toBe(true);
    expect([...server.artifacts.values()].some((a) => a.state === 'COMMITTED')).toBe(false);
    server.clearFaults();
    const runDir = join(
      dir,
      'wandb',
      readdirSync(join(dir, 'wandb')).find((n) => n.startsWith('run-')) ?? '',
    );
    await syncRun(runDir, { apiKey: KEY, baseUrl: server.url });
    const committed = [...server.artifacts.values()].filter((a) => a.state === 'COMMITTED');
    expect(committed).toHaveLength(1);
    expect(server.uploads.get(committed[0]?.fileKeys.get('w.bin') as string)?.body.toString()).toBe(
      'weights',
    );
    expect(server.historyLines('artrun01')).toHaveLength(1);
  });

  it('asks ArtifactType before CreateArtifact; a name W&B holds with another type is one warning, not uploaded, and the run goes on', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const ckpt = fake.dir();
    writeFileSync(join(ckpt, 'a.bin'), 'first');
    writeFileSync(join(ckpt, 'b.bin'), 'second');
    const stderr = captureStderr();
    try {
      const run = await onlineRun(server, dir);
      run.logArtifact(join(ckpt, 'a.bin'), { name: 'model', type: 'model' });
      run.logArtifact(join(ckpt, 'b.bin'), { name: 'model', type: 'dataset' });
      run.logArtifact(join(ckpt, 'b.bin'), { name: 'model', type: 'dataset' });
      run.log({ loss: 1 });
      await run.finish();
    } finally {
      stderr.restore();
    }
    const asked = server.requestsOf('graphql', 'ArtifactType');
    expect(asked.map((r) => r.variables)).toEqual(
      Array(3).fill({ entityName: 'team', projectName: 'arts', name: 'model:latest' }),
    );
    const first = server.requests.indexOf(asked[0] as (typeof server.requests)[number]);
    expect(first).toBeLessThan(server.requests.indexOf(server.requestsOf('graphql', 'CreateArtifact')[0]!));
    // Only the first (type `model`) was created; both `dataset` versions were refused before CreateArtifact.
    expect(server.requestsOf('graphql', 'CreateArtifact')).toHaveLength(1);
    expect([...server.artifacts.values()].map((a) => [a.type, a.state])).toEqual([['model', 'COMMITTED']]);
    const refusals = stderr
      .text()
      .match(
        /artifact model was not uploaded: W&B already has artifact model with type 'model'; it cannot take one of type 'dataset'/g,
      );
    expect(refusals).toHaveLength(2);
    expect(stderr.text()).not.toMatch(/dataset.*trainscope sync/);
    expect(server.historyLines('artrun01')).toHaveLength(1);
    expect(server.run('artrun01').complete).toBe(true);

    // trainscope sync of the run's log asks the same and leaves the refused versions out with a warning.
    const runDir = join(
      dir,
      'wandb',
      readdirSync(join(dir, 'wandb')).find((n) => n.startsWith('run-')) ?? '',
    );
    const result = await syncRun(runDir, { apiKey: KEY, baseUrl: server.url });
    expect(result.warnings.filter((w) => w.includes("with type 'model'"))).toHaveLength(2);
    expect(server.requestsOf('graphql', 'CreateArtifact')).toHaveLength(1);
  });
});
