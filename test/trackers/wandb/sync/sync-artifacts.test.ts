import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { init } from '../../../../src/init.js';
import { inspectLogDir } from '../../../../src/trackers/tensorboard/inspect-log-dir.js';
import { decodeArtifactRecord } from '../../../../src/trackers/wandb/artifacts/artifact-record.js';
import { readWandbFile } from '../../../../src/trackers/wandb/offline/read-wandb-file.js';
import { syncRun } from '../../../../src/trackers/wandb/sync/sync-run.js';
import { fakeWandbPerTest } from '../../../helpers/fake-wandb-per-test.js';

const KEY = 's'.repeat(40);
const FAST = { initialDelayMs: 5, maxDelayMs: 20, jitter: 0.25 };
const fake = fakeWandbPerTest(KEY);

describe('run.logArtifact offline, then trainscope sync', () => {
  it('records the artifact in the .wandb log and TensorBoard; sync uploads it from the staging copy', async () => {
    const dir = fake.dir();
    const logDir = fake.dir();
    const ckpt = fake.dir();
    writeFileSync(join(ckpt, 'model.bin'), 'checkpoint at step 3');
    const run = await init({
      project: 'offart',
      id: 'offart01',
      tensorboard: { logDir },
      wandb: { mode: 'offline', dir },
      profiling: { enabled: false },
      handleExit: false,
      logLevel: 'error',
      logging: { async: false },
    });
    for (let i = 0; i < 3; i++) run.log({ loss: i });
    const logged = run.logArtifact(join(ckpt, 'model.bin'), {
      name: 'model',
      type: 'model',
      aliases: ['best'],
    });
    writeFileSync(join(ckpt, 'model.bin'), 'overwritten');
    await run.finish();
    const runDir = join(
      dir,
      'wandb',
      readdirSync(join(dir, 'wandb')).find((n) => n.startsWith('offline-run-')) ?? '',
    );
    const records = readWandbFile(join(runDir, 'run-offart01.wandb')).records;
    const artifactRecords = records.filter((r) => r.type === 'artifact');
    expect(artifactRecords).toHaveLength(1);
    const recorded = decodeArtifactRecord(artifactRecords[0]?.artifact as Uint8Array);
    expect(recorded.digest).toBe(logged?.digest);
    expect(recorded.files.map((f) => f.path)).toEqual(['model.bin']);
    const text = inspectLogDir(logDir).runs['offart-offart01']?.tags['artifacts/model'];
    expect(String(text?.last)).toContain(logged?.digest);
    expect(text?.lastStep).toBe(3);

    const server = await fake.start();
    server.addFault({ target: 'upload', status: 502, times: 1 });
    const sync = { apiKey: KEY, baseUrl: server.url, backoff: { upload: FAST, graphql: FAST } };
    await syncRun(runDir, sync);
    const artifact = [...server.artifacts.values()][0];
    expect(artifact?.state).toBe('COMMITTED');
    expect(artifact?.digest).toBe(logged?.digest);
    expect(server.uploads.get(artifact?.fileKeys.get('model.bin') as string)?.body.toString()).toBe(
      'checkpoint at step 3',
    );
    const again = await syncRun(runDir, sync);
    expect(again.alreadySynced).toBe(true);
    expect(server.requestsOf('graphql', 'CreateArtifact')).toHaveLength(1);
  });
});
