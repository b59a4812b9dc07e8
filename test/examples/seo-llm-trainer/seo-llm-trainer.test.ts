import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptionQuality } from '../../../examples/seo-llm-trainer/corpus/description-quality.js';
import {
  DirectoryCheckpointHandler,
  loadWeights,
} from '../../../examples/seo-llm-trainer/model/checkpoint.js';
import { LENGTH_BUCKETS } from '../../../examples/seo-llm-trainer/model/length-buckets.js';
import { DecoderTransformer } from '../../../examples/seo-llm-trainer/model/transformer.js';
import { runTraining, type TrainingResult } from '../../../examples/seo-llm-trainer/run-training.js';
import type { Backend, MetricRow } from '../../../src/core/backend.js';
import { emptyBackendStats } from '../../../src/core/backend.js';
import { loadOptions } from '../../../src/core/config-loader.js';
import type { ResolvedOptions } from '../../../src/core/options.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/index.js';
import { decodeArtifactRecord } from '../../../src/trackers/wandb/artifacts/artifact-record.js';
import { readWandbFile } from '../../../src/trackers/wandb/offline/index.js';

const CONFIG_FILE = fileURLToPath(
  new URL('../../../examples/seo-llm-trainer/trainscope.config.json', import.meta.url),
);

/** A tiny model and a short run: the shipped config with these fields overridden. */
const TINY = {
  model_name: 'seo-test',
  steps: 20,
  batch_size: 4,
  d_model: 16,
  n_heads: 2,
  n_layers: 1,
  d_ff: 32,
  max_train_records: 160,
  learning_rate: 0.01,
  warmup_steps: 2,
  eval_every: 10,
  eval_batches: 1,
  eval_samples: 2,
  histogram_every: 10,
  backend: 'wasm',
  seed: 3,
};

/** Records every row the run drains, as a custom exporter would receive them. */
class RecordingBackend implements Backend {
  readonly name = 'recording';
  readonly rows: MetricRow[] = [];
  async start(): Promise<void> {}
  write(rows: readonly MetricRow[]): void {
    this.rows.push(...rows);
  }
  async flush(): Promise<void> {}
  async finish(): Promise<void> {}
  stats() {
    return emptyBackendStats();
  }
  stepsOf(tag: string): number[] {
    return this.rows.filter((r) => r.channel === 'history' && r.keys.includes(tag)).map((r) => r.step);
  }
  tags(): Set<string> {
    return new Set(this.rows.filter((r) => r.channel === 'history').flatMap((r) => [...r.keys]));
  }
}

function options(dir: string, overrides: Record<string, unknown>): ResolvedOptions {
  return loadOptions({
    file: CONFIG_FILE,
    env: {},
    overrides: {
      name: `seo-test-${Math.random().toString(36).slice(2, 8)}`,
      config: TINY,
      profiling: { trace: { path: join(dir, 'trace.json') }, systemMetricsSecs: 0 },
      tensorboard: { logDir: join(dir, 'runs') },
      wandb: { mode: 'offline', dir },
      handleExit: false,
      logLevel: 'error',
      ...overrides,
    },
  });
}

/** History steps per key from a `.wandb` file. */
function wandbHistory(file: string): Map<string, number[]> {
  const contents = readWandbFile(file);
  expect(contents.errors).toEqual([]);
  const steps = new Map<string, number[]>();
  for (const record of contents.records) {
    if (record.type !== 'history') continue;
    const items = record.history?.item ?? [];
    const stepItem = items.find((i) => i.key === '_step');
    const step =
      stepItem?.value_json !== undefined ? Number(stepItem.value_json) : (record.history?.step?.num ?? -1);
    for (const item of items) {
      const key = item.key ?? item.nested_key?.join('/');
      if (key === undefined || key.startsWith('_')) continue;
      steps.set(key, [...(steps.get(key) ?? []), step]);
    }
  }
  return steps;
}

describe('seo-llm-trainer example', () => {
  let dir: string;
  let result: TrainingResult;
  let recording: RecordingBackend;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trainscope-example-'));
    recording = new RecordingBackend();
    result = await runTraining({
      options: options(dir, {}),
      backends: [recording],
      progress: false,
      report: false,
    });
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('trains: the loss falls', () => {
    expect(result.steps).toBe(20);
    expect(result.losses).toHaveLength(20);
    expect(result.finalLoss).toBeLessThan(result.firstLoss - 0.5);
    const validation = result.validation.map((v) => v.step);
    expect(validation).toEqual([0, 10, 20]);
    expect(result.validation.at(-1)?.loss).toBeLessThan(result.validation[0]?.loss ?? 0);
    expect(result.samples).toHaveLength(2);
  });

  it('scores the SEO checks on the descriptions it generated', () => {
    const last = result.validation.at(-1);
    expect(result.samples.every((s) => s.generated.length > 0)).toBe(true);
    // The last evaluation's metrics are exactly the checks applied to the decoded text it kept as samples.
    const quality = descriptionQuality(result.samples);
    expect(last?.keyword_share).toBe(quality.keyword_share);
    expect(last?.length_ok_share).toBe(quality.length_ok_share);
    expect(last?.repetition).toBe(quality.repetition);
    expect(last?.distinct_2).toBe(quality.distinct_2);
    expect(quality.distinct_2).toBeGreaterThan(0);
    // What was logged is what was computed.
    const logged = (key: string) =>
      recording.rows
        .filter((r) => r.step === 20 && r.keys.includes(key))
        .map((r) => r.values[r.keys.indexOf(key)]);
    expect(logged('validation/repetition')).toEqual([quality.repetition]);
    expect(logged('validation/distinct_2')).toEqual([quality.distinct_2]);
    expect(logged('validation/keyword_share')).toEqual([quality.keyword_share]);
  });

  it('writes the decorated methods’ metrics to TensorBoard at the expected steps', () => {
    const inspected = inspectLogDir(join(dir, 'runs'));
    expect(inspected.errors).toBe(0);
    const run = inspected.runs[result.runName];
    expect(run, `runs: ${Object.keys(inspected.runs).join(', ')}`).toBeDefined();
    const tags = run?.tags ?? {};
    const stepsOf = (tag: string) => tags[tag]?.points.map((p) => p.step);
    // @TrackMetrics({prefix: 'training', every: 10, step: 'globalStep'}) + @Priority('high') on trainStep
    for (const tag of ['training/loss', 'training/accuracy', 'training/learning_rate']) {
      expect(stepsOf(tag), tag).toEqual([10, 20]);
    }
    // optimizerStep (medium via logging.priorities) and memoryStats (low)
    for (const tag of [
      'training/gradient_norm',
      'training/weight_norm',
      'memory/memory_usage',
      'memory/tensor_count',
    ]) {
      expect(stepsOf(tag), tag).toEqual([10, 20]);
    }
    // @TrackMetrics({prefix: 'validation'}) on evaluate
    for (const tag of [
      'validation/loss',
      'validation/perplexity',
      'validation/length_ok_share',
      'validation/keyword_share',
      'validation/repetition',
      'validation/distinct_2',
    ]) {
      expect(stepsOf(tag), tag).toEqual([0, 10, 20]);
    }
    expect(tags['training/loss']?.plugin).toBe('scalars');
    const lossPoints = tags['validation/loss']?.points.map((p) => p.value as number) ?? [];
    expect(lossPoints.at(-1)).toBeLessThan(lossPoints[0] ?? 0);
    expect(tags['parameters/weights/token_embedding']?.plugin).toBe('histograms');
    expect(stepsOf('parameters/gradients/block0/attention/query')).toEqual([10, 20]);
    expect(tags['model/architecture']?.plugin).toBe('text');
    expect(String(tags['model/architecture']?.last)).toContain('DecoderTransformer');
    expect(tags['validation/samples']?.plugin).toBe('text');
  });

  it('logs the transformer with run.logModel: a Graphs-dashboard graph and a model summary', async () => {
    const tags = inspectLogDir(join(dir, 'runs')).runs[result.runName]?.tags ?? {};
    // TINY: one block, the copy head and the length signal on (the shipped config's defaults).
    const expected = new DecoderTransformer({
      vocabSize: 8,
      seqLen: result.config.seq_len,
      dModel: 16,
      nHeads: 2,
      nLayers: 1,
      dFF: 32,
      seed: 1,
      pointer: result.config.pointer,
      lengthBuckets: result.config.length_signal ? LENGTH_BUCKETS : 0,
    });
    const layers = expected.modelDescription().layers.length;
    expected.dispose();
    expect(tags.keras?.kerasModel?.layers).toBe(layers);
    expect(tags.keras?.kerasModel?.name).toBe('DecoderTransformer');
    expect(tags['model/summary']?.plugin).toBe('text');
    const summary = String(tags['model/summary']?.last);
    expect(summary).toContain('Model: "DecoderTransformer"');
    expect(summary).toContain('block0/attention');
    expect(summary).toContain('pointer');
    // Every weight of the saved model is counted once.
    const { tensors } = await loadWeights(new DirectoryCheckpointHandler(result.paths.checkpoint));
    const weights = Object.values(tensors).reduce((n, t) => n + t.size, 0);
    for (const t of Object.values(tensors)) t.dispose();
    expect(summary.match(/Total params: ([\d,]+)/)?.[1]?.replaceAll(',', '')).toBe(String(weights));
  });

  it('writes the same tags and steps to the offline W&B run', () => {
    const wandbRoot = join(dir, 'wandb');
    const runDir = readdirSync(wandbRoot).find(
      (d) => d.startsWith('offline-run-') && d.endsWith(result.runId),
    );
    expect(runDir, `wandb/: ${readdirSync(wandbRoot).join(', ')}`).toBeDefined();
    expect(result.paths.wandbRunDir).toBe(join(wandbRoot, runDir as string));
    expect(result.paths.wandbMode).toBe('offline');
    const file = readdirSync(join(wandbRoot, runDir as string)).find((f) => f.endsWith('.wandb'));
    const history = wandbHistory(join(wandbRoot, runDir as string, file as string));
    expect(history.get('training/loss')).toEqual([10, 20]);
    expect(history.get('training/gradient_norm')).toEqual([10, 20]);
    expect(history.get('memory/memory_usage')).toEqual([10, 20]);
    expect(history.get('validation/loss')).toEqual([0, 10, 20]);
    expect(history.get('validation/keyword_share')).toEqual([0, 10, 20]);
    expect(history.get('validation/repetition')).toEqual([0, 10, 20]);
    expect(history.get('validation/distinct_2')).toEqual([0, 10, 20]);
    expect(history.get('parameters/weights/token_embedding')).toEqual([10, 20]);
  });

  it('logs the checkpoint of each evaluation as a model artifact', () => {
    const runDir = result.paths.wandbRunDir as string;
    const file = readdirSync(runDir).find((f) => f.endsWith('.wandb'));
    const contents = readWandbFile(join(runDir, file as string));
    const artifacts = contents.records
      .filter((r) => r.type === 'artifact' && r.artifact !== undefined)
      .map((r) => decodeArtifactRecord(r.artifact as Uint8Array))
      .filter((a) => a.type !== 'run_table'); // each logged table is also a run_table artifact (W&B's)
    expect(artifacts.map((a) => [a.name, a.type, a.metadata?.step])).toEqual([
      ['model', 'model', 10],
      ['model', 'model', 20],
    ]);
    const validationLoss = (step: number) => result.validation.find((v) => v.step === step)?.loss;
    expect(artifacts.map((a) => a.metadata?.val_loss)).toEqual([validationLoss(10), validationLoss(20)]);
    // The first is the best so far; the second is best only when it improved.
    expect(artifacts[0]?.aliases).toEqual(expect.arrayContaining(['latest', 'best']));
    const improved = (validationLoss(20) ?? 0) < (validationLoss(10) ?? 0);
    expect(artifacts[1]?.aliases.includes('best')).toBe(improved);
    for (const artifact of artifacts) {
      expect(artifact.files.map((f) => f.path).sort()).toEqual(['model.json', 'weights.bin']);
    }
    // Staged copies: the step-10 weights stay as they were when logged, though the checkpoint was overwritten.
    expect(artifacts[0]?.digest).not.toBe(artifacts[1]?.digest);
    const tags = inspectLogDir(join(dir, 'runs')).runs[result.runName]?.tags ?? {};
    expect(tags['artifacts/model']?.plugin).toBe('text');
    expect(tags['artifacts/model']?.count).toBe(2);
    expect(String(tags['artifacts/model']?.last)).toContain('weights.bin');
  });

  it('hands every row to a custom backend passed to init()', () => {
    expect(recording.stepsOf('training/loss')).toEqual([10, 20]);
    expect(recording.stepsOf('validation/perplexity')).toEqual([0, 10, 20]);
    const architecture = recording.rows.find((r) => r.keys.includes('model/architecture'));
    expect(architecture?.step).toBe(0);
  });

  it('writes the Chrome trace and a checkpoint that loads back', async () => {
    const trace = readFileSync(join(dir, 'trace.json'), 'utf8');
    for (const op of [
      'load_batch',
      'forward_backward',
      'optimizer_step',
      'evaluate',
      'generate',
      'checkpoint',
    ]) {
      expect(trace, op).toContain(`"${op}"`);
    }
    expect(existsSync(join(result.paths.checkpoint, 'model.json'))).toBe(true);
    const { tensors, metadata } = await loadWeights(new DirectoryCheckpointHandler(result.paths.checkpoint));
    expect(metadata.step).toBe(20);
    expect(Object.keys(tensors)).toContain('token_embedding');
    const vocab = (metadata.tokenizer as { vocabulary: string[] }).vocabulary.length;
    expect(tensors.token_embedding?.shape).toEqual([vocab, 16]);
    for (const t of Object.values(tensors)) t.dispose();
  });
});

describe('seo-llm-trainer example with --level high', () => {
  it('logs only high-priority metrics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trainscope-example-high-'));
    try {
      const recording = new RecordingBackend();
      const high = await runTraining({
        options: options(dir, {
          config: { ...TINY, steps: 10, histogram_every: 10, gradient_accumulation_steps: 2 },
          logging: { level: 'high' },
          tensorboard: false,
          wandb: false,
        }),
        backends: [recording],
        progress: false,
        report: false,
      });
      const tags = recording.tags();
      // Two micro-batches per optimizer step (gradient_accumulation_steps: 2) still make one step each.
      expect(high.losses).toHaveLength(10);
      expect(high.losses.every(Number.isFinite)).toBe(true);
      expect(recording.stepsOf('training/loss')).toEqual([10]);
      expect(recording.stepsOf('validation/loss')).toEqual([0, 10]);
      for (const tag of [
        'training/accuracy',
        'training/learning_rate',
        'validation/perplexity',
        'model/architecture',
      ]) {
        expect(tags.has(tag), tag).toBe(true);
      }
      const lower = [...tags].filter(
        (t) =>
          t === 'training/gradient_norm' ||
          t === 'training/weight_norm' ||
          t.startsWith('memory/') ||
          t.startsWith('parameters/') ||
          t === 'validation/length_ok_share' ||
          t === 'validation/keyword_share' ||
          t === 'validation/repetition' ||
          t === 'validation/distinct_2' ||
          t.startsWith('profiling/'),
      );
      expect(lower).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
