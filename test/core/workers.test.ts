import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupRunId } from '../../src/core/run-identity.js';
import { inspectLogDir } from '../../src/trackers/tensorboard/inspect-log-dir.js';
import { parseWandbJson } from '../../src/trackers/wandb/wandb-json.js';
import { type FakeWandbServer, startFakeWandbServer } from '../helpers/fake-wandb-server.js';
import { launcherFreeEnv } from '../helpers/launcher-env.js';
import { FIXTURES } from '../helpers/paths.js';

const WORLD = 4;
const JOB_ID = 'job-test-42';
const KEY = 'd'.repeat(40);
const WORKER = join(FIXTURES, 'distributed', 'worker.ts');

interface WorkerResult {
  readonly rank: number;
  readonly pid: number;
  readonly code: number | null;
  readonly output: string;
}

let server: FakeWandbServer;
let root: string;
let results: WorkerResult[];

/** Starts one rank as torchrun would: same script, the launcher's variables, its own process. */
function launch(rank: number): Promise<WorkerResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: {
      ...launcherFreeEnv(),
      RANK: String(rank),
      WORLD_SIZE: String(WORLD),
      LOCAL_RANK: String(rank),
      LOCAL_WORLD_SIZE: String(WORLD),
      MASTER_ADDR: '127.0.0.1',
      MASTER_PORT: '29500',
      TORCHELASTIC_RUN_ID: JOB_ID,
      TS_LOG_DIR: join(root, 'runs'),
      TS_WANDB_DIR: root,
      TS_WANDB_URL: server.url,
      TS_WANDB_KEY: KEY,
      TS_MARKER: join(root, 'rank-zero-marker.txt'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ rank, pid: child.pid as number, code, output }));
  });
}

beforeAll(async () => {
  server = await startFakeWandbServer({ apiKey: KEY });
  root = mkdtempSync(join(tmpdir(), 'trainscope-dist-'));
  results = await Promise.all(Array.from({ length: WORLD }, (_, rank) => launch(rank)));
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const base = groupRunId('dist-test', JOB_ID);
const runDir = `dist-test-${base}`;

describe('4 worker processes with a torchrun-style environment', () => {
  it('every worker exits 0', () => {
    for (const r of results)
      expect({ rank: r.rank, code: r.code, output: r.code === 0 ? '' : r.output }).toEqual({
        rank: r.rank,
        code: 0,
        output: '',
      });
  });

  it('writes one event file per rank, under <run>/rank_<r>/, named with host, pid and rank', () => {
    const inspected = inspectLogDir(join(root, 'runs'));
    expect(inspected.errors).toBe(0);
    expect(Object.keys(inspected.runs).sort()).toEqual([0, 1, 2, 3].map((r) => `${runDir}/rank_${r}`));
    const names = new Set<string>();
    const host = hostname().replace(/[/\\\s]/g, '_');
    for (const r of results) {
      const files = inspected.runs[`${runDir}/rank_${r.rank}`]?.files ?? [];
      expect(files).toHaveLength(1);
      const name = files[0]?.name as string;
      expect(name).toContain(`.${host}.${r.pid}.`);
      expect(name.endsWith(`.rank${r.rank}`)).toBe(true);
      names.add(name);
    }
    expect(names.size).toBe(WORLD);
  });

  it('has one set of training/validation metrics: rank 0 only', () => {
    const runs = inspectLogDir(join(root, 'runs')).runs;
    const rank0 = runs[`${runDir}/rank_0`]?.tags ?? {};
    expect(rank0['training/loss']?.points.map((p) => [p.step, p.value])).toEqual(
      [0, 1, 2, 3, 4].map((s) => [s, Math.fround(1 / (s + 1))]),
    );
    expect(rank0['validation/accuracy']?.count).toBe(5);
    for (let rank = 1; rank < WORLD; rank++) {
      const tags = Object.keys(runs[`${runDir}/rank_${rank}`]?.tags ?? {});
      expect(tags.filter((t) => t.startsWith('training/') || t.startsWith('validation/'))).toEqual([]);
    }
  });

  it('has profiling, system and opted-in metrics from every rank, each in its own run', () => {
    const runs = inspectLogDir(join(root, 'runs')).runs;
    for (let rank = 0; rank < WORLD; rank++) {
      const tags = runs[`${runDir}/rank_${rank}`]?.tags ?? {};
      const names = Object.keys(tags);
      expect(names.some((t) => t.startsWith('profiling/timing/') && t.endsWith('train_step'))).toBe(true);
      expect(tags['system/memory_rss_mb']?.count).toBeGreaterThanOrEqual(1);
      // 21 calls of the worker's own, plus the profiler's reports.
      expect(tags['trainscope/log_calls']?.last).toBeGreaterThanOrEqual(21);
      expect(tags['data/shard_rows']?.points.map((p) => p.value)).toEqual(Array(5).fill(10 * (rank + 1)));
      expect(tags['opt_in/samples_seen']?.points.map((p) => p.value)).toEqual([0, 1, 2, 3, 4]);
      expect(tags['opt_in/marker_returned']?.last).toBe(rank === 0 ? 0 : -1);
    }
  });

  it('runs a rankZeroOnly function on rank 0 alone', () => {
    expect(readFileSync(join(root, 'rank-zero-marker.txt'), 'utf8')).toBe('rank 0\n');
  });

  it('creates one W&B run per rank in the launcher group, job type rank-<r>, derived ids', () => {
    const upserts = server.requestsOf('graphql', 'UpsertBucket').map((r) => r.variables ?? {});
    const firstByRun = new Map<string, Readonly<Record<string, unknown>>>();
    for (const v of upserts) if (!firstByRun.has(v.name as string)) firstByRun.set(v.name as string, v);
    expect([...firstByRun.keys()].sort()).toEqual([0, 1, 2, 3].map((r) => `${base}-r${r}`));
    for (let rank = 0; rank < WORLD; rank++) {
      const v = firstByRun.get(`${base}-r${rank}`) ?? {};
      expect(v.groupName).toBe(JOB_ID);
      expect(v.jobType).toBe(`rank-${rank}`);
      expect(v.displayName).toBe(`${runDir}-rank-${rank}`);
      expect(server.run(`${base}-r${rank}`).complete).toBe(true);
    }
    const dirs = readdirSync(join(root, 'wandb')).filter((d) => d.startsWith('run-'));
    expect(dirs).toHaveLength(WORLD);
    for (let rank = 0; rank < WORLD; rank++) {
      expect(dirs.filter((d) => d.endsWith(`-${base}-r${rank}`))).toHaveLength(1);
    }
  });

  it('streams training history to W&B from rank 0 only, profiling and system metrics from every rank', () => {
    const keysOf = (rank: number) =>
      new Set(
        server
          .historyLines(`${base}-r${rank}`)
          .flatMap((l) => Object.keys(parseWandbJson(l) as Record<string, unknown>)),
      );
    const rank0 = keysOf(0);
    expect(rank0.has('training/loss')).toBe(true);
    expect(rank0.has('validation/accuracy')).toBe(true);
    for (let rank = 1; rank < WORLD; rank++) {
      const keys = keysOf(rank);
      expect([...keys].filter((k) => k.startsWith('training/') || k.startsWith('validation/'))).toEqual([]);
      expect(keys.has('data/shard_rows')).toBe(true);
      expect([...keys].some((k) => k.startsWith('profiling/timing/'))).toBe(true);
    }
    for (let rank = 0; rank < WORLD; rank++) {
      const events = server.fileLines(`${base}-r${rank}`, 'wandb-events.jsonl');
      expect(events.length).toBeGreaterThanOrEqual(1);
      // trainscope's own counters are System lines too (issue 14): some line holds the memory sample.
      expect(
        events.some((line) => Object.keys(parseWandbJson(line) as object).some((k) => k.includes('memory'))),
      ).toBe(true);
    }
  });
});
