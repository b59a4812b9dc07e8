import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { parseInventory } from '../../../src/profiler/gpu/gpu-inventory.js';
import { gitInfo } from '../../../src/trackers/wandb/git-info.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/read-wandb-file.js';
import { syncRun } from '../../../src/trackers/wandb/sync/sync-run.js';
import { parseWandbJson } from '../../../src/trackers/wandb/wandb-json.js';
import { fakeWandbPerTest } from '../../helpers/fake-wandb-per-test.js';
import { FIXTURES } from '../../helpers/paths.js';

const KEY = 's'.repeat(40);
const MIB = 1024 * 1024;
const FAKE_SMI = resolve(FIXTURES, 'profiler', 'nvidia-smi');
const FAKE_GPU = {
  NVIDIA_SMI_PATH: FAKE_SMI,
  FAKE_GPU_COUNT: '2',
  FAKE_GPU_NAME: 'NVIDIA H100 80GB HBM3',
  FAKE_GPU_MEMORY_USED: '2048',
  FAKE_GPU_MEMORY_TOTAL: '81920',
  FAKE_GPU_UTILIZATION: '37',
  FAKE_GPU_MEMORY_UTILIZATION: '12',
  FAKE_GPU_TEMPERATURE: '55',
  FAKE_GPU_POWER_DRAW: '175',
  FAKE_GPU_POWER_LIMIT: '700',
};
const NODE_EXTRAS = new Set([
  'heap_used_mb',
  'heap_total_mb',
  'event_loop_delay_ms',
  'event_loop_delay_p99_ms',
  'event_loop_utilization',
]);
const GPU_KEYS = [
  'gpu',
  'memory',
  'memoryAllocated',
  'memoryAllocatedBytes',
  'temp',
  'powerWatts',
  'powerPercent',
];

/** The official client's stats keys (offline fixture) for this machine's core count, plus two GPUs. */
function expectedKeys(): string[] {
  const records = JSON.parse(readFileSync(join(FIXTURES, 'wandb', 'offline-basic.records.json'), 'utf8')) as {
    _type: string;
    record: { stats?: { item: { key: string }[] } };
  }[];
  const items = records.find((r) => r._type === 'stats')?.record.stats?.item ?? [];
  const keys = items.map((i) => i.key).filter((k) => !/^cpu\.\d+\./.test(k));
  for (let i = 0; i < cpus().length; i++) keys.push(`cpu.${i}.cpu_percent`);
  for (const gpu of [0, 1]) for (const k of GPU_KEYS) keys.push(`gpu.${gpu}.${k}`);
  return keys.sort();
}

const fake = fakeWandbPerTest(KEY);
let savedEnv: Record<string, string | undefined> = {};
beforeEach(() => {
  savedEnv = Object.fromEntries(Object.keys(FAKE_GPU).map((k) => [k, process.env[k]]));
  Object.assign(process.env, FAKE_GPU);
});
afterEach(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** A run that samples every 10 ms (one report per 15 samples) for about `ms`, then finishes. */
async function sampledRun(wandb: Record<string, unknown>, ms: number): Promise<void> {
  const run = await init({
    project: 'sysstats',
    tensorboard: false,
    profiling: { enabled: true, systemMetricsSecs: 0.01, reportEverySteps: 0, trace: false },
    handleExit: false,
    logLevel: 'silent',
    wandb,
  });
  for (let i = 0; i < 5; i++) {
    run.log({ loss: 1 / (i + 1) });
    await new Promise((r) => setTimeout(r, ms / 5));
  }
  await run.finish();
}

describe('W&B system metrics and hardware metadata (issue 14 g)', () => {
  it.runIf(process.platform === 'linux')(
    'offline: stats records with the official keys (and GPU keys from nvidia-smi), replayed by trainscope sync',
    async () => {
      const dir = fake.dir();
      await sampledRun({ mode: 'offline', dir, runId: 'sysoff01' }, 1000);
      const [name] = readdirSync(join(dir, 'wandb')).filter((d) => d.startsWith('offline-run-'));
      const runDir = join(dir, 'wandb', name as string);
      const contents = readWandbFile(join(runDir, 'run-sysoff01.wandb'));
      expect(contents.errors).toEqual([]);
      const types = contents.records.map((r) => r.type);
      const stats = contents.records.filter((r) => r.type === 'stats').map((r) => r.stats);
      // One record per report of 15 samples (150 ms here) from the second on; the last one (the partial
      // samples of the finish and trainscope's own counters, merged) after `exit`, as the official client.
      expect(stats.length).toBeGreaterThanOrEqual(2);
      expect(types.slice(-4)).toEqual(['exit', 'stats', 'final', 'footer']);
      const lastKeys = (stats.at(-1)?.item ?? []).map((i) => i.key as string);
      expect(lastKeys).toContain('trainscope.log_calls');
      // trainscope's counters have no record of their own: they join the system keys' records (only the last
      // record may hold them alone, when the finish came right after a full report).
      const expected = expectedKeys();
      for (const [index, s] of stats.entries()) {
        const keys = (s?.item ?? []).map((i) => i.key as string);
        const own = keys.filter((k) => !NODE_EXTRAS.has(k) && !k.startsWith('trainscope.'));
        if (own.length === 0 && index === stats.length - 1) continue;
        // The GPU keys arrive once nvidia-smi answered; every other official key is in every record.
        if (own.some((k) => k.startsWith('gpu.'))) expect(own.sort()).toEqual(expected);
        else expect(own.sort()).toEqual(expected.filter((k) => !k.startsWith('gpu.')));
        expect(s?.timestamp).toBeDefined();
      }
      const withGpu = stats.find((s) => s?.item?.some((i) => i.key === 'gpu.1.powerPercent'));
      const gpu = Object.fromEntries(
        (withGpu?.item ?? []).map((i) => [i.key, JSON.parse(i.value_json as string)]),
      );
      expect(gpu).toMatchObject({
        'gpu.1.gpu': 37,
        'gpu.1.memory': 12,
        'gpu.1.memoryAllocated': 2.5,
        'gpu.1.memoryAllocatedBytes': 2048 * MIB,
        'gpu.1.temp': 55,
        'gpu.1.powerWatts': 175,
        'gpu.1.powerPercent': 25,
      });

      const metadata = JSON.parse(readFileSync(join(runDir, 'files', 'wandb-metadata.json'), 'utf8'));
      expect(metadata).toMatchObject({
        gpu: 'NVIDIA H100 80GB HBM3',
        gpu_count: 2,
        gpu_devices: [
          { name: 'NVIDIA H100 80GB HBM3', memory_total: 81920 * MIB },
          { name: 'NVIDIA H100 80GB HBM3', memory_total: 81920 * MIB },
        ],
      });
      expect(metadata.disk['/'].total).toBeGreaterThan(metadata.disk['/'].used);
      const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
        encoding: 'utf8',
      });
      expect(metadata.git.dirty).toBe(dirty.trim() !== '');

      const server = await fake.start();
      await syncRun(runDir, { apiKey: KEY, baseUrl: server.url, entity: 'team', project: 'sysstats' });
      // trainscope sync replays every stats record, the one after `exit` included.
      const lines = server
        .fileLines('sysoff01', 'wandb-events.jsonl')
        .map((l) => parseWandbJson(l) as Record<string, unknown>);
      expect(lines).toHaveLength(stats.length);
      expect(lines.at(-1)?.['system.trainscope.log_calls']).toBeGreaterThanOrEqual(5);
      for (const [i, line] of lines.entries()) {
        const items = stats[i]?.item ?? [];
        for (const item of items)
          expect(line[`system.${item.key}`]).toEqual(JSON.parse(item.value_json as string));
        expect(line._wandb).toBe(true);
        expect(typeof line._timestamp).toBe('number');
        expect(line._runtime).toBeGreaterThanOrEqual(0);
      }
      const synced = JSON.parse(
        server.uploads.get('sysoff01/wandb-metadata.json')?.body.toString('utf8') ?? '{}',
      );
      expect(synced.gpu_count).toBe(2);
      expect(typeof synced.git.dirty).toBe('boolean');
    },
  );

  it.runIf(process.platform === 'linux')(
    'online: wandb-events.jsonl lines with system.-prefixed official keys, _wandb, _timestamp, _runtime',
    async () => {
      const server = await fake.start();
      const dir = fake.dir();
      await sampledRun(
        { mode: 'online', dir, baseUrl: server.url, apiKey: KEY, entity: 't', runId: 'syson001' },
        // As long as the offline case: 400 ms left a loaded machine (late timers) with a single report.
        1000,
      );
      const lines = server
        .fileLines('syson001', 'wandb-events.jsonl')
        .map((l) => parseWandbJson(l) as Record<string, unknown>);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      // One line per stats record: trainscope's counters ride in the last one (before `complete`).
      expect(lines.filter((l) => 'system.trainscope.log_calls' in l)).toHaveLength(1);
      expect(lines.at(-1)?.['system.trainscope.log_calls']).toBeGreaterThanOrEqual(5);
      const posts = server.requestsOf('file_stream').map((r) => r.json as Record<string, unknown>);
      const lastEvents = posts.findLastIndex((p) => 'wandb-events.jsonl' in ((p.files as object) ?? {}));
      expect(lastEvents).toBeGreaterThanOrEqual(0);
      expect(lastEvents).toBeLessThan(posts.findIndex((p) => p.complete === true));
      const expected = expectedKeys().filter((k) => !k.startsWith('gpu.'));
      for (const [index, line] of lines.entries()) {
        const keys = Object.keys(line);
        expect(keys.slice(-3)).toEqual(['_wandb', '_timestamp', '_runtime']);
        // The last line may hold only the counters (the finish came right after a full report).
        if (index === lines.length - 1 && !('system.cpu' in line)) continue;
        for (const k of expected) expect(keys).toContain(`system.${k}`);
        expect(line['system.cpu_percent']).toBeUndefined();
        expect(line['system.proc.cpu.threads']).toBeGreaterThanOrEqual(1);
      }
      const metadata = JSON.parse(
        server.uploads.get('syson001/wandb-metadata.json')?.body.toString('utf8') ?? '{}',
      );
      expect(metadata.gpu).toBe('NVIDIA H100 80GB HBM3');
      expect(metadata.gpu_count).toBe(2);
    },
  );

  it('reads dirty state per repository and parses GPU names with commas', () => {
    const root = fake.dir();
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, stdio: 'ignore' });
    for (const name of ['clean', 'dirty']) {
      const repo = join(root, name);
      execFileSync('git', ['init', '-q', repo]);
      writeFileSync(join(repo, 'a.txt'), '1');
      git(repo, 'add', 'a.txt');
      git(repo, 'commit', '-qm', 'one');
    }
    writeFileSync(join(root, 'dirty', 'a.txt'), '2');
    expect(gitInfo(join(root, 'clean'), {})?.dirty).toBe(false);
    expect(gitInfo(join(root, 'dirty'), {})?.dirty).toBe(true);
    expect(parseInventory('Tesla V100-SXM2-16GB, 16384\nGPU, with comma, 8\n[N/A]\n')).toEqual([
      { name: 'Tesla V100-SXM2-16GB', memory_total: 16384 * MIB },
      { name: 'GPU, with comma', memory_total: 8 * MIB },
    ]);
  });
});
