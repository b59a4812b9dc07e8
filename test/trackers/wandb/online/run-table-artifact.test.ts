import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainscopeOptions } from '../../../../src/core/options.js';
import { table } from '../../../../src/core/values.js';
import { init } from '../../../../src/init.js';
import { decodeArtifactRecord } from '../../../../src/trackers/wandb/artifacts/artifact-record.js';
import {
  runTableArtifactJson,
  runTableArtifactName,
} from '../../../../src/trackers/wandb/artifacts/run-table-artifact.js';
import { readWandbFile } from '../../../../src/trackers/wandb/offline/read-wandb-file.js';
import { syncRun } from '../../../../src/trackers/wandb/sync/sync-run.js';
import { fakeWandbPerTest } from '../../../helpers/fake-wandb-per-test.js';
import { ONLINE_TABLE_FILE_KEYS } from '../../../helpers/wandb-backend.js';

const KEY = 't'.repeat(40);
const fake = fakeWandbPerTest(KEY);

const md5b64 = (bytes: Buffer | string) => createHash('md5').update(bytes).digest('base64');

/** The fixture's table (`offline-basic`), with 120.5 where the client logged the float 120.0 (JS writes `120`). */
const BOTTLENECKS = table(
  ['op', 'calls', 'total_ms', 'share'],
  [
    ['forward', 10, 812.5, 0.61],
    ['backward', 10, 401.25, 0.3],
    ['optimizer.step', 10, 120.5, 0.09],
  ],
);
const ENTRY_PATH = 'profiling/bottlenecks.table.json';

function options(wandb: TrainscopeOptions['wandb']): TrainscopeOptions {
  return {
    project: 'tables',
    tensorboard: false,
    profiling: { enabled: false },
    handleExit: false,
    logLevel: 'silent',
    wandb,
  };
}

describe('run-table artifact of a logged table (issue 14 item 9)', () => {
  it('stores the table as the official client does: the fixture bytes, digest and size', () => {
    // The official client's artifact entry for the fixture's table: 691 bytes, MD5 fytnJXYQWLJDm1eMw6bHiA==
    // (offline-basic.records.json, record 16). Our JSON differs only by the float 120.0.
    const official =
      '{"_type": "table", "column_types": {"params": {"type_map": {"calls": {"params": {"allowed_types": [{"wb_type": "none"}, {"wb_type": "number"}]}, "wb_type": "union"}, "op": {"params": {"allowed_types": [{"wb_type": "none"}, {"wb_type": "string"}]}, "wb_type": "union"}, "share": {"params": {"allowed_types": [{"wb_type": "none"}, {"wb_type": "number"}]}, "wb_type": "union"}, "total_ms": {"params": {"allowed_types": [{"wb_type": "none"}, {"wb_type": "number"}]}, "wb_type": "union"}}}, "wb_type": "typedDict"}, "columns": ["op", "calls", "total_ms", "share"], "data": [["forward", 10, 812.5, 0.61], ["backward", 10, 401.25, 0.3], ["optimizer.step", 10, 120.0, 0.09]], "ncols": 4, "nrows": 3}';
    expect(official.length).toBe(691);
    expect(md5b64(official)).toBe('fytnJXYQWLJDm1eMw6bHiA==');
    expect(runTableArtifactJson(BOTTLENECKS)).toBe(official.replace('120.0', '120.5'));
    expect(runTableArtifactName('uso9872i', 'profiling/bottlenecks')).toBe(
      'run-uso9872i-profilingbottlenecks',
    );
  });

  it('online: CreateArtifact (run_table, run-<id>-<key>, latest, historyStep), the entry uploaded, the manifest', async () => {
    const server = await fake.start();
    const dir = fake.dir();
    const wandb = {
      mode: 'online',
      dir,
      baseUrl: server.url,
      apiKey: KEY,
      entity: 't',
      runId: 'tabrun01',
    } as const;
    const run = await init(options(wandb));
    for (let i = 0; i < 3; i++) run.log({ loss: i });
    run.log({ 'profiling/bottlenecks': BOTTLENECKS });
    await run.finish();

    const bytes = runTableArtifactJson(BOTTLENECKS);
    const entryDigest = md5b64(bytes);
    const digest = createHash('md5')
      .update('wandb-artifact-manifest-v1\n')
      .update(`${ENTRY_PATH}:${entryDigest}\n`)
      .digest('hex');
    const [create] = server.requestsOf('graphql', 'CreateArtifact');
    expect(create?.variables).toMatchObject({
      artifactTypeName: 'run_table',
      artifactCollectionNames: ['run-tabrun01-profilingbottlenecks'],
      runName: 'tabrun01',
      digest,
      aliases: [{ artifactCollectionName: 'run-tabrun01-profilingbottlenecks', alias: 'latest' }],
      historyStep: 3,
    });
    const artifact = [...server.artifacts.values()].find((a) => a.type === 'run_table');
    expect(artifact?.state).toBe('COMMITTED');
    expect(server.uploads.get(artifact?.fileKeys.get(ENTRY_PATH) as string)?.body.toString()).toBe(bytes);
    const manifest = JSON.parse(
      server.uploads.get(`artifacts/${artifact?.id}/wandb_manifest.json`)?.body.toString() ?? '{}',
    );
    expect(manifest.contents).toEqual({
      [ENTRY_PATH]: { digest: entryDigest, birthArtifactID: artifact?.id, size: Buffer.byteLength(bytes) },
    });
    // The table file itself is still uploaded and referenced by the history row.
    expect(
      [...server.uploads.keys()].some((k) => /^tabrun01\/media\/table\/profiling\/bottlenecks_3_/.test(k)),
    ).toBe(true);

    // As 0.15.x sends it online (online-requests.json): the artifact's client-side paths after `size`, this
    // version's in the row, the collection's latest in the summary.
    const version = `wandb-client-artifact://${create?.variables?.clientID}/${ENTRY_PATH}`;
    const latest = `wandb-client-artifact://${create?.variables?.sequenceClientID}:latest/${ENTRY_PATH}`;
    expect(String(create?.variables?.clientID)).toMatch(/^[a-z0-9]{128}$/);
    const rows = server.historyLines('tabrun01').map((l) => JSON.parse(l));
    const value = rows.find((r) => 'profiling/bottlenecks' in r)?.['profiling/bottlenecks'];
    expect(Object.keys(value)).toEqual(ONLINE_TABLE_FILE_KEYS);
    expect(value).toMatchObject({
      _type: 'table-file',
      artifact_path: version,
      _latest_artifact_path: latest,
    });
    const summary = JSON.parse(server.run('tabrun01').summaryLine ?? '{}');
    expect(summary['profiling/bottlenecks']).toEqual({
      ...value,
      artifact_path: latest,
      _latest_artifact_path: latest,
    });
    expect(summary.loss).toBe(2);
    const uploadedSummary = JSON.parse(
      server.uploads.get('tabrun01/wandb-summary.json')?.body.toString() ?? '{}',
    );
    expect(uploadedSummary['profiling/bottlenecks']).toEqual(summary['profiling/bottlenecks']);
    // The online client's local log holds the values it sends (the user process made them); an offline log's
    // have no paths (next test, and the offline fixture).
    const [local] = readdirSync(join(dir, 'wandb')).filter((d) => d.startsWith('run-'));
    const { records } = readWandbFile(join(dir, 'wandb', local as string, 'run-tabrun01.wandb'));
    const logged = records
      .flatMap((r) => r.history?.item ?? [])
      .find((i) => i.key === 'profiling/bottlenecks');
    expect(JSON.parse(logged?.value_json ?? '{}')).toEqual(value);
    const localSummary = records.filter((r) => r.type === 'summary').at(-1)?.summary?.update ?? [];
    const summarized = localSummary.find((i) => i.key === 'profiling/bottlenecks')?.value_json;
    expect(JSON.parse(summarized ?? '{}')).toEqual(summary['profiling/bottlenecks']);
  });

  it('offline: an artifact record before the table file, uploaded by trainscope sync', async () => {
    const dir = fake.dir();
    const run = await init(options({ mode: 'offline', dir, runId: 'taboff01' }));
    run.log({ loss: 0 });
    run.log({ 'profiling/bottlenecks': BOTTLENECKS });
    await run.finish();
    const [name] = readdirSync(join(dir, 'wandb')).filter((d) => d.startsWith('offline-run-'));
    const runDir = join(dir, 'wandb', name as string);
    const { records } = readWandbFile(join(runDir, 'run-taboff01.wandb'));
    const at = records.findIndex((r) => r.type === 'artifact');
    const staged = decodeArtifactRecord(records[at]?.artifact as Uint8Array);
    expect(staged).toMatchObject({
      name: 'run-taboff01-profilingbottlenecks',
      type: 'run_table',
      aliases: ['latest'],
    });
    expect(staged.files.map((f) => [f.path, f.digest])).toEqual([
      [ENTRY_PATH, md5b64(runTableArtifactJson(BOTTLENECKS))],
    ]);
    const tableFiles = records.findIndex(
      (r) => r.type === 'files' && (r.files?.files ?? []).some((f) => f.path?.startsWith('media/table/')),
    );
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(tableFiles);

    const server = await fake.start();
    await syncRun(runDir, { apiKey: KEY, baseUrl: server.url });
    const artifact = [...server.artifacts.values()].find((a) => a.type === 'run_table');
    expect(artifact?.state).toBe('COMMITTED');
    expect(artifact?.name).toBe('run-taboff01-profilingbottlenecks');
    expect(server.uploads.get(artifact?.fileKeys.get(ENTRY_PATH) as string)?.body.toString()).toBe(
      runTableArtifactJson(BOTTLENECKS),
    );
    // An offline run's values have no paths, and `wandb sync` sends them as they are (sync-offline-basic).
    const synced = server.historyLines('taboff01').map((l) => JSON.parse(l));
    const value = synced.find((r) => 'profiling/bottlenecks' in r)?.['profiling/bottlenecks'];
    expect(value).toMatchObject({ _type: 'table-file', ncols: 4, nrows: 3 });
    expect(value).not.toHaveProperty('artifact_path');
    expect(JSON.parse(server.run('taboff01').summaryLine ?? '{}')['profiling/bottlenecks']).toEqual(value);
  });
});
