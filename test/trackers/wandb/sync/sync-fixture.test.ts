import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNC_STATE_FILE } from '../../../../src/trackers/wandb/sync/sync-state.js';
import { syncRun } from '../../../../src/trackers/wandb/sync/sync-run.js';
import { parseWandbJson } from '../../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../../helpers/fake-wandb-per-test.js';
import { FIXTURES } from '../../../helpers/paths.js';

const KEY = 'f'.repeat(40);
const FAST = { initialDelayMs: 5, maxDelayMs: 40, jitter: 0.25 };
const WANDB_FIXTURES = join(FIXTURES, 'wandb');
const BASIC = join(WANDB_FIXTURES, 'offline-basic', 'offline-run-20261130_004344-uso9872i');
const MULTIBLOCK = join(WANDB_FIXTURES, 'offline-multiblock', 'offline-run-20261130_004554-7s31pit4');

interface CapturedRequest {
  method: string;
  path: string;
  graphql?: { operation: string; variables: Record<string, unknown> };
  json?: Record<string, unknown>;
  body_sha256?: string;
}
const captured = JSON.parse(readFileSync(join(WANDB_FIXTURES, 'online-requests.json'), 'utf8')) as {
  runs: { name: string; requests: CapturedRequest[]; server_state: Record<string, unknown> }[];
};
const officialSync = captured.runs.find(
  (r) => r.name === 'sync-offline-basic',
) as (typeof captured.runs)[number];

const fake = fakeWandbPerTest(KEY);

function copyRun(source: string): string {
  const root = fake.dir();
  const dir = join(root, 'run');
  cpSync(source, dir, { recursive: true });
  return dir;
}

describe('syncRun with the official client offline runs', () => {
  it('uploads offline-basic as W&B sync 0.15.12 did: same run, history, events, console, summary, files, exit', async () => {
    const server = await fake.start({ createRunFiles: false });
    const dir = copyRun(BASIC);
    const result = await syncRun(dir, { apiKey: KEY, baseUrl: server.url, backoff: { graphql: FAST } });
    expect(result.alreadySynced).toBe(false);
    expect(result.historyLines).toBe(11);
    expect(result.exitCode).toBe(0);

    // UpsertBucket: the same variables the official sync sent (entity null: the offline run has none).
    const upsert = server.requestsOf('graphql', 'UpsertBucket')[0]?.variables as Record<string, unknown>;
    const theirs = officialSync.requests.find((r) => r.graphql?.operation === 'UpsertBucket')?.graphql
      ?.variables as Record<string, unknown>;
    for (const key of [
      'name',
      'project',
      'entity',
      'groupName',
      'tags',
      'displayName',
      'notes',
      'host',
      'jobType',
    ]) {
      expect(upsert[key], key).toEqual(theirs[key]);
    }
    // `_wandb` is client bookkeeping the official sync rebuilds from telemetry records; the user's keys must match.
    const { _wandb: _ours, ...ourConfig } = JSON.parse(upsert.config as string);
    const { _wandb: _theirs, ...theirConfig } = JSON.parse(theirs.config as string);
    expect(ourConfig).toEqual(theirConfig);
    expect(Object.keys(ourConfig)).toHaveLength(7);
    // `_wandb` as the official sync's last upsert holds it (versions, start_time, `t` from the telemetry records).
    const theirLast = officialSync.requests.filter((r) => r.graphql?.operation === 'UpsertBucket').at(-1);
    expect(_ours).toEqual(JSON.parse(theirLast?.graphql?.variables.config as string)._wandb);
    expect(server.requestsOf('graphql', 'Viewer')).toHaveLength(0);

    // History: exactly the 11 lines the official sync streamed (same values, same order).
    const theirStream = officialSync.requests.filter((r) => r.path.endsWith('/file_stream'));
    const theirFiles = theirStream[0]?.json?.files as Record<string, { offset: number; content: string[] }>;
    const ours = server.historyLines('uso9872i').map((l) => parseWandbJson(l));
    const expected = (theirFiles['wandb-history.jsonl']?.content ?? []).map((l) => parseWandbJson(l));
    expect(ours).toEqual(expected);
    expect(server.fileLines('uso9872i', 'wandb-events.jsonl').map((l) => parseWandbJson(l))).toEqual(
      (theirFiles['wandb-events.jsonl']?.content ?? []).map((l) => parseWandbJson(l)),
    );
    const output = server.fileLines('uso9872i', 'output.log');
    expect(output).toHaveLength(2);
    expect(output[0]).toMatch(/^2026-11-30T00:43:44\.\d{6} training started\n$/);
    expect(output[1]).toMatch(/ training done\n$/);

    // Summary: the final value per key, including both overrides.
    const summary = parseWandbJson(server.run('uso9872i').summaryLine ?? '{}') as Record<string, unknown>;
    expect(summary['train/loss']).toBe(0.25);
    expect(summary.best_val_loss).toBe(0.42);
    expect(summary._step).toBe(10);

    // Files: via RunUploadUrls (no CreateRunFiles on this server), PUT without auth, named in `uploaded`.
    expect(server.requestsOf('graphql', 'RunUploadUrls').length).toBeGreaterThan(0);
    const table = 'media/table/profiling/bottlenecks_10_b60cc979e52dbc38722b.table.json';
    const put = server.uploads.get(`uso9872i/${table}`);
    expect(put?.body.equals(readFileSync(join(BASIC, 'files', table)))).toBe(true);
    expect(server.uploads.get('uso9872i/wandb-metadata.json')).toBeDefined();
    expect(server.run('uso9872i').uploaded).toEqual(expect.arrayContaining([table, 'wandb-metadata.json']));
    expect(server.run('uso9872i').complete).toBe(true);
    expect(server.run('uso9872i').exitCode).toBe(0);
    const finalBody = server.requestsOf('file_stream').at(-1)?.json as Record<string, unknown>;
    expect(finalBody.complete).toBe(true);

    // State: complete; a second sync sends nothing.
    const state = JSON.parse(readFileSync(join(dir, SYNC_STATE_FILE), 'utf8'));
    expect(state).toMatchObject({ runId: 'uso9872i', historyOffset: 11, complete: true });
    const before = server.requests.length;
    const again = await syncRun(dir, { apiKey: KEY, baseUrl: server.url });
    expect(again.alreadySynced).toBe(true);
    expect(server.requests.length).toBe(before);
  });

  it('uploads the multiblock run: 567 rows and the 70,000-character config value intact', async () => {
    const server = await fake.start({ apiKey: undefined });
    const dir = copyRun(MULTIBLOCK);
    const result = await syncRun(dir, {
      apiKey: KEY,
      baseUrl: server.url,
      entity: 'team',
      project: 'multi',
      maxRequestChars: 16 * 1024,
    });
    expect(result.entity).toBe('team');
    expect(result.project).toBe('multi');
    const lines = server.historyLines('7s31pit4');
    expect(lines).toHaveLength(567);
    expect(lines.map((l) => (parseWandbJson(l) as { _step: number })._step)).toEqual(
      Array.from({ length: 567 }, (_, i) => i),
    );
    const sample = lines.find((l) => l.includes('sample_text'));
    expect((parseWandbJson(sample as string) as { sample_text: string }).sample_text).toHaveLength(34_000);
    const config = JSON.parse(server.run('7s31pit4').upserts[0]?.config as string);
    expect(config.prompt_template.value).toHaveLength(70_000);
    expect(config.lr).toEqual({ desc: null, value: 0.001 });
    expect(server.requestsOf('file_stream').length).toBeGreaterThan(3);
    expect(existsSync(join(dir, SYNC_STATE_FILE))).toBe(true);
  });
});
