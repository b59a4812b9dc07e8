import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseOptions, type TrainscopeOptions } from '../../src/core/options.js';
import { resolveRank } from '../../src/core/rank.js';
import { createRunInfo } from '../../src/core/run-info.js';
import { createBackends } from '../../src/create-backends.js';
import { init } from '../../src/init.js';
import type { Run } from '../../src/core/run.js';
import { distributedWarnings } from '../../src/core/distributed-warnings.js';
import { RankMetricPolicy } from '../../src/core/rank-metric-policy.js';
import { RecordingBackend } from '../helpers/recording-backend.js';
import { clearLauncherEnv } from '../helpers/launcher-env.js';

// The runner's own launcher variables (a CI job under SLURM) must not leak into these tests.
let restoreEnv: () => void = () => undefined;
beforeAll(() => {
  restoreEnv = clearLauncherEnv();
});
afterAll(() => restoreEnv());

let run: Run | undefined;
afterEach(async () => {
  await run?.finish();
  run = undefined;
});

async function start(options: Partial<TrainscopeOptions>): Promise<RecordingBackend> {
  const recorder = new RecordingBackend();
  run = await init(
    {
      project: 'policy',
      tensorboard: false,
      wandb: false,
      profiling: { enabled: false },
      logging: { async: false },
      handleExit: false,
      logLevel: 'silent',
      ...options,
    },
    { backends: [recorder] },
  );
  return recorder;
}

function loggedKeys(recorder: RecordingBackend): string[] {
  return recorder.rows.filter((r) => !r.keys[0]?.startsWith('trainscope/')).flatMap((r) => [...r.keys]);
}

function logTrainerMetrics(r: Run): void {
  r.log({ loss: 0.5, accuracy: 0.9 }, { prefix: 'training' });
  r.log({ 'validation/loss': 0.7, eval: { top1: 0.3, exact: 0.1 } });
  r.log({ 'profiling/timing/step': 12, 'performance/gpu_memory_mb': 100, 'data/rows': 64 });
  r.log({ 'training/grad_norm': 2 }, { allRanks: true });
}

describe('distributed.metricsFrom: rank0 (the default)', () => {
  it('a non-zero rank logs profiling, performance, configured and opted-in metrics only', async () => {
    const recorder = await start({
      rank: 1,
      worldSize: 4,
      distributed: { allRanksMetrics: ['data/', 'eval/exact'] },
    });
    logTrainerMetrics(run as Run);
    expect(loggedKeys(recorder)).toEqual([
      'eval/exact',
      'profiling/timing/step',
      'performance/gpu_memory_mb',
      'data/rows',
      'training/grad_norm',
    ]);
    expect([...(run as Run).summary.keys()].filter((k) => !k.startsWith('trainscope/'))).not.toContain(
      'training/loss',
    );
  });

  it('the same key is dropped without allRanks and kept with it, on the same rank', async () => {
    const recorder = await start({ rank: 3, worldSize: 4 });
    const r = run as Run;
    r.log({ 'training/loss': 1 }, { step: 0 });
    r.log({ 'training/loss': 2 }, { step: 1, allRanks: true });
    r.log({ 'training/loss': 3 }, { step: 2 });
    const rows = recorder.rows.filter((row) => row.keys.includes('training/loss'));
    expect(rows.map((row) => [row.step, row.values[0]])).toEqual([[1, 2]]);
  });

  it('rank 0 logs everything', async () => {
    const recorder = await start({ rank: 0, worldSize: 4 });
    logTrainerMetrics(run as Run);
    expect(loggedKeys(recorder)).toEqual([
      'training/loss',
      'training/accuracy',
      'validation/loss',
      'eval/top1',
      'eval/exact',
      'profiling/timing/step',
      'performance/gpu_memory_mb',
      'data/rows',
      'training/grad_norm',
    ]);
  });

  it('metricsFrom: all makes every rank log everything', async () => {
    const recorder = await start({ rank: 2, worldSize: 4, distributed: { metricsFrom: 'all' } });
    logTrainerMetrics(run as Run);
    expect(loggedKeys(recorder)).toHaveLength(9);
  });

  it("trainscope's own metrics are logged on every rank", async () => {
    const recorder = await start({
      rank: 2,
      worldSize: 4,
      profiling: { enabled: true, systemMetricsSecs: 0, gpu: 'off' },
    });
    (run as Run).log({ 'training/loss': 1 });
    await (run as Run).finish();
    expect(recorder.rows.flatMap((r) => r.keys)).toContain('trainscope/log_calls');
    expect(recorder.rows.flatMap((r) => r.keys)).not.toContain('training/loss');
  });
});

describe('RankMetricPolicy', () => {
  it('keeps the per-rank prefixes, exact tags and prefixes ending in /', () => {
    const policy = new RankMetricPolicy({ allRanksMetrics: ['eval/acc', 'data/'] });
    expect(policy.keeps('profiling/timing/x')).toBe(true);
    expect(policy.keeps('system/cpu_percent')).toBe(true);
    expect(policy.keeps('trainscope/dropped')).toBe(true);
    expect(policy.keeps('eval/acc')).toBe(true);
    expect(policy.keeps('eval/accuracy')).toBe(false);
    expect(policy.keeps('data/x/y')).toBe(true);
    expect(policy.keeps('profiling')).toBe(false);
    expect(policy.keeps('training/loss')).toBe(false);
  });
});

describe('backends per rank', () => {
  const names = (options: TrainscopeOptions) => {
    const resolved = parseOptions({ logLevel: 'silent', ...options });
    return createBackends(resolved, createRunInfo(resolved)).map((b) => b.name);
  };

  it('per-rank (default): every rank gets TensorBoard and W&B', () => {
    expect(names({ project: 'p', rank: 1, worldSize: 2, wandb: { mode: 'offline' } })).toEqual([
      'tensorboard',
      'wandb',
    ]);
  });

  it('rank0: non-zero ranks get neither; rank 0 gets both', () => {
    const distributed = { wandb: 'rank0', tensorboard: 'rank0' } as const;
    expect(names({ project: 'p', rank: 1, worldSize: 2, distributed, wandb: { mode: 'offline' } })).toEqual(
      [],
    );
    expect(names({ project: 'p', rank: 0, worldSize: 2, distributed, wandb: { mode: 'offline' } })).toEqual([
      'tensorboard',
      'wandb',
    ]);
  });

  it('warns once at start about inconsistent launcher values and a missing shared group', () => {
    const resolved = parseOptions({ project: 'p', rank: 5, worldSize: 2, wandb: { mode: 'offline' } });
    const rank = resolveRank(resolved);
    const info = createRunInfo(resolved, rank);
    const warnings = distributedWarnings(resolved, info, rank);
    expect(warnings[0]).toBe(
      'distributed: rank 5 is not below the world size 2; the world size was taken as 6',
    );
    expect(warnings[1]).toContain('found no id shared by the job');
    const grouped = parseOptions({ project: 'p', rank: 1, worldSize: 2, group: 'g' });
    expect(distributedWarnings(grouped, createRunInfo(grouped), resolveRank(grouped))).toEqual([]);
  });
});

describe('rank resolution', () => {
  it('init() reads the launcher environment once (one resolveRank per run)', async () => {
    const original = process.env;
    let reads = 0;
    // TRAINSCOPE_GROUP is read exactly once by every resolveRank call, and by nothing else during init().
    process.env = new Proxy(original, {
      get(target, key) {
        if (key === 'TRAINSCOPE_GROUP') reads++;
        return Reflect.get(target, key);
      },
    });
    try {
      await start({ rank: 1, worldSize: 2 });
    } finally {
      process.env = original;
    }
    expect(run?.info.rank).toBe(1);
    expect(reads).toBe(1);
  });
});

describe('distributed options', () => {
  it('names a misspelled distributed option', async () => {
    const { unknownOptionKeys } = await import('../../src/core/unknown-options.js');
    expect(unknownOptionKeys({ project: 'p', distributed: { metricFrom: 'all', wandb: 'rank0' } })).toEqual([
      'distributed.metricFrom',
    ]);
  });

  it('rejects an unknown policy value, naming the field', () => {
    expect(() => parseOptions({ project: 'p', distributed: { wandb: 'every' } })).toThrow(
      /distributed\.wandb/,
    );
  });
});
