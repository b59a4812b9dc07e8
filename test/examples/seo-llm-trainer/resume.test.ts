import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTraining, type TrainingResult } from '../../../examples/seo-llm-trainer/run-training.js';
import { loadOptions } from '../../../src/core/config-loader.js';
import type { ResolvedOptions } from '../../../src/core/options.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/index.js';
import { decodeArtifactRecord } from '../../../src/trackers/wandb/artifacts/artifact-record.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/index.js';

const CONFIG_FILE = fileURLToPath(
  new URL('../../../examples/seo-llm-trainer/trainscope.config.json', import.meta.url),
);

/** Tiny: 20 steps, an evaluation (and checkpoint) every 8; training metrics every 10 (the trainer's decorators). */
const TINY = {
  model_name: 'seo-resume',
  steps: 20,
  batch_size: 4,
  d_model: 16,
  n_heads: 2,
  n_layers: 1,
  d_ff: 32,
  max_train_records: 160,
  learning_rate: 0.01,
  warmup_steps: 2,
  eval_every: 8,
  eval_batches: 1,
  eval_samples: 1,
  histogram_every: 0,
  backend: 'wasm',
  seed: 5,
};

function options(dir: string): ResolvedOptions {
  return loadOptions({
    file: CONFIG_FILE,
    env: {},
    overrides: {
      config: TINY,
      profiling: { enabled: false, trace: false, systemMetricsSecs: 0 },
      tensorboard: { logDir: join(dir, 'runs') },
      wandb: { mode: 'offline', dir },
      handleExit: false,
      logLevel: 'error',
    },
  });
}

/** A progress stream that fails at step 12 of 20: the first session stops like an interrupted run. */
const crashAtStep12 = {
  write(chunk: string): void {
    if (chunk.includes('step 12/')) throw new Error('interrupted at step 12');
  },
};

function wandbRuns(dir: string): string[] {
  return readdirSync(join(dir, 'wandb'))
    .filter((d) => d.startsWith('offline-run-'))
    .sort();
}

function wandbFile(runDir: string): ReturnType<typeof readWandbFile> {
  const file = readdirSync(runDir).find((f) => f.endsWith('.wandb'));
  const contents = readWandbFile(join(runDir, file as string));
  expect(contents.errors).toEqual([]);
  return contents;
}

describe('seo-llm-trainer example: --resume', () => {
  let dir: string;
  let firstError: unknown;
  let resumed: TrainingResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trainscope-example-resume-'));
    firstError = await runTraining({ options: options(dir), progress: crashAtStep12, report: false }).catch(
      (error: unknown) => error,
    );
    resumed = await runTraining({ options: options(dir), progress: false, report: false, resume: true });
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('continues after the latest checkpoint (step 8) of the interrupted run, under its name', () => {
    expect(String(firstError)).toContain('interrupted at step 12');
    const lastRun = JSON.parse(readFileSync(join(dir, 'runs', 'last-run.json'), 'utf8')) as {
      id: string;
      name: string;
    };
    expect(resumed.runId).toBe(lastRun.id);
    expect(resumed.runName).toBe(lastRun.name);
    expect(resumed.startStep).toBe(8);
    expect(resumed.losses).toHaveLength(12);
    expect(resumed.validation.map((v) => v.step)).toEqual([16, 20]);
  });

  it('TensorBoard: one restart in the same run directory, purging what came after the checkpoint', () => {
    const inspected = inspectLogDir(join(dir, 'runs'));
    expect(Object.keys(inspected.runs)).toEqual([resumed.runName]);
    const run = inspected.runs[resumed.runName];
    expect(run?.files).toHaveLength(2);
    // The first session logged training/loss at step 10 after its step-8 checkpoint: dropped on restart at 9.
    expect(run?.purges).toHaveLength(1);
    expect(run?.purges[0]?.step).toBe(9);
    expect(run?.purges[0]?.droppedPoints).toBeGreaterThan(0);
    const stepsOf = (tag: string) => run?.tags[tag]?.points.map((p) => p.step);
    expect(stepsOf('training/loss')).toEqual([10, 20]);
    expect(stepsOf('validation/loss')).toEqual([0, 8, 16, 20]);
    // The graph stays from the first session; the resumed session does not log it twice.
    expect(run?.tags.keras?.count).toBe(1);
  });

  it('W&B: the resumed session is a new offline directory of the same run, marked resumed', () => {
    const runs = wandbRuns(dir);
    expect(runs).toHaveLength(2);
    // offline-run-<time>-<id>, with -1 added when both sessions started within the same second.
    for (const d of runs) expect(d).toMatch(new RegExp(`^offline-run-\\d{8}_\\d{6}-${resumed.runId}(-1)?$`));
    expect(resumed.paths.wandbRunDir).toBe(join(dir, 'wandb', runs[1] as string));
    const first = wandbFile(join(dir, 'wandb', runs[0] as string));
    const second = wandbFile(join(dir, 'wandb', runs[1] as string));
    const runRecord = (c: typeof first) => c.records.find((r) => r.type === 'run')?.run;
    expect(runRecord(first)?.resumed ?? false).toBe(false);
    expect(runRecord(second)?.run_id).toBe(resumed.runId);
    expect(runRecord(second)?.resumed).toBe(true);
    // Checkpoints as artifacts: step 8 from the first session, 16 and 20 from the resumed one.
    const artifactSteps = (c: typeof first) =>
      c.records
        .filter((r) => r.type === 'artifact' && r.artifact !== undefined)
        .map((r) => decodeArtifactRecord(r.artifact as Uint8Array))
        .filter((a) => a.type === 'model')
        .map((a) => a.metadata?.step);
    expect(artifactSteps(first)).toEqual([8]);
    expect(artifactSteps(second)).toEqual([16, 20]);
  });
});
