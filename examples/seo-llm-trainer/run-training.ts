import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type CorpusSplits, loadCorpus } from './corpus/corpus-file.js';
import type { SeoRecord } from './corpus/record.js';
import { AdamOptimizer } from './model/adam.js';
import { BatchSampler, encodeExample } from './model/examples.js';
import { LanguageModel } from './model/language-model.js';
import { LENGTH_BUCKETS } from './model/length-buckets.js';
import { type SelectedBackend, selectTfBackend } from './model/tf-backend.js';
import { WordPieceTokenizer } from './model/tokenizer.js';
import { DecoderTransformer } from './model/transformer.js';
import { readLastRun, restoreCheckpoint, writeLastRun } from './last-run.js';
import { type ProgressStream, ProgressBar } from './progress-bar.js';
import {
  formatFinalMetrics,
  formatNextSteps,
  formatSamples,
  type ResultPaths,
  type ValidationPoint,
} from './report.js';
import { type GeneratedSample, SeoTrainer } from './trainer.js';
import { parseTrainerConfig, type TrainerConfig } from './trainer-config.js';
import {
  type Backend,
  init,
  parseOptions,
  type ResolvedOptions,
  type Run,
  type TrainscopeOptions,
  text,
} from './trainscope.js';

export interface RunTrainingOptions {
  /** trainscope options (e.g. from `loadOptions`); the trainer's hyper-parameters are in `config`. */
  readonly options: TrainscopeOptions | ResolvedOptions;
  /** Extra backends besides the configured ones (custom exporters, or a recording backend in tests). */
  readonly backends?: readonly Backend[];
  /** Where the progress bar goes (default stderr); `false` for none. */
  readonly progress?: ProgressStream | false;
  /** Where the final report goes (default stdout); `false` for none. */
  readonly report?: ProgressStream | false;
  /**
   * Continue the last run (`last-run.json`) from its latest checkpoint, in the same W&B run and TensorBoard run
   * directory (`npm run example -- --resume`). The optimizer's moments are not checkpointed: they restart.
   */
  readonly resume?: boolean;
}

export interface TrainingResult {
  readonly runId: string;
  readonly runName: string;
  readonly steps: number;
  /** The step this session started after: 0, or the checkpoint's step when resuming. */
  readonly startStep: number;
  readonly seconds: number;
  readonly backend: SelectedBackend;
  /** Training loss of every step (index 0 = step 1). */
  readonly losses: readonly number[];
  readonly firstLoss: number;
  readonly finalLoss: number;
  readonly validation: readonly ValidationPoint[];
  readonly samples: readonly GeneratedSample[];
  readonly paths: ResultPaths;
  readonly config: TrainerConfig;
}

/** `YYYYmmdd-HHMMSS` in UTC: the time part of a default run name. */
export function timestamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}-${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}`;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

function findWandbRunDir(resolved: ResolvedOptions, runId: string): string | undefined {
  if (resolved.wandb === false) return undefined;
  const root = join(resolved.wandb.dir, 'wandb');
  if (!existsSync(root)) return undefined;
  // A resumed run has one directory per session (time-stamped names, `-<n>` added within the same second):
  // this session's is the newest.
  const ofRun = (name: string) => {
    const rest = name.slice(name.lastIndexOf(`-${runId}`) + runId.length + 1);
    return /^(offline-)?run-/.test(name) && name.includes(`-${runId}`) && /^(-\d+)?$/.test(rest);
  };
  const match = readdirSync(root).filter(ofRun).sort().at(-1);
  return match === undefined ? undefined : join(root, match);
}

/** Evenly spread pages of the validation split, so the samples cover several niches. */
export function spread<T>(items: readonly T[], n: number): T[] {
  const stride = Math.max(1, Math.floor(items.length / n));
  const out: T[] = [];
  for (let i = 0; i < items.length && out.length < n; i += stride) out.push(items[i] as T);
  return out;
}

/**
 * The model `config` describes, untrained: a tokenizer fitted on `records`, the transformer, the language model
 * around both, its AdamW optimizer, and `encode` for turning records into training examples.
 */
export function buildModel(config: TrainerConfig, records: readonly SeoRecord[]) {
  const tokenizer = WordPieceTokenizer.fit(
    records.flatMap((r) => [r.keyword, r.title, r.description]),
    { minCount: config.vocab_min_count },
  );
  const encode = (r: SeoRecord) => encodeExample(tokenizer, r, config.seq_len);
  const network = new DecoderTransformer({
    vocabSize: tokenizer.size,
    seqLen: config.seq_len,
    dModel: config.d_model,
    nHeads: config.n_heads,
    nLayers: config.n_layers,
    dFF: config.d_ff,
    seed: config.seed,
    pointer: config.pointer,
    lengthBuckets: config.length_signal ? LENGTH_BUCKETS : 0,
  });
  const model = new LanguageModel(network, tokenizer);
  const optimizer = new AdamOptimizer(network.params, {
    beta1: config.adam_beta1,
    beta2: config.adam_beta2,
    epsilon: 1e-8,
    weightDecay: config.weight_decay,
  });
  return { tokenizer, encode, network, model, optimizer };
}

/**
 * Trains the SEO meta-description model inside one trainscope run: starts the run, trains with progress,
 * evaluates, checkpoints, prints the report, and finishes the run (backends flushed) before returning.
 */
export async function runTraining(input: RunTrainingOptions): Promise<TrainingResult> {
  const resolved = parseOptions(input.options);
  const config = parseTrainerConfig(resolved.config);
  const report = input.report === undefined ? process.stdout : input.report;
  const say = (lines: readonly string[]) => {
    if (report) report.write(`${lines.join('\n')}\n`);
  };

  const backend = await selectTfBackend(config.backend === 'auto' ? undefined : config.backend);
  if (config.mixed_precision && !backend.gpu) {
    say([
      `seo-llm-trainer: mixed_precision is set but the ${backend.name} backend has no float16 compute; training in float32`,
    ]);
  }
  const corpus: CorpusSplits = await loadCorpus(config.data_path);
  const trainRecords =
    config.max_train_records > 0 ? corpus.train.slice(0, config.max_train_records) : corpus.train;
  const { tokenizer, encode, network, model, optimizer } = buildModel(config, trainRecords);
  const stepsPerEpoch = Math.ceil(
    trainRecords.length / (config.batch_size * config.gradient_accumulation_steps),
  );
  const epochSteps = stepsPerEpoch * config.epochs;
  const totalSteps = config.steps > 0 ? Math.min(config.steps, epochSteps) : epochSteps;

  // last-run.json sits in the TensorBoard logdir (TensorBoard reads only event files), or in checkpoints/.
  const lastRunFile = join(
    resolved.tensorboard === false ? 'checkpoints' : resolved.tensorboard.logDir,
    'last-run.json',
  );
  const previous = input.resume ? readLastRun(lastRunFile) : undefined;
  const runName = previous?.name ?? resolved.name ?? `${config.model_name}-${timestamp(new Date())}`;
  const trace =
    resolved.profiling.trace === true
      ? { path: join('traces', `${runName}.pt.trace.json`) }
      : resolved.profiling.trace;
  const tensorboardRunDir =
    resolved.tensorboard === false
      ? undefined
      : join(
          resolved.tensorboard.logDir,
          `${resolved.tensorboard.runName ?? runName}${resolved.tensorboard.comment}`,
        );
  const checkpointDir = join(tensorboardRunDir ?? join('checkpoints', runName), 'checkpoint');
  const runOptions: ResolvedOptions = {
    ...resolved,
    name: runName,
    // The tracked config: every hyper-parameter with its default filled in, plus what the data and model came to.
    config: {
      ...config,
      tf_backend: backend.name,
      vocab_size: tokenizer.size,
      parameters: network.parameterCount,
      train_records: trainRecords.length,
      validation_records: corpus.validation.length,
      total_steps: totalSteps,
    },
    profiling: { ...resolved.profiling, enabled: resolved.profiling.enabled && config.profiling, trace },
  };

  let run: Run;
  let startStep = 0;
  try {
    if (previous) {
      startStep = await restoreCheckpoint(checkpointDir, network.params);
      if (startStep >= totalSteps) {
        throw new Error(
          `--resume: run ${previous.name} already reached step ${startStep} of ${totalSteps}; pass a larger --steps to continue it`,
        );
      }
    }
    // Resuming: the same W&B run (id) continues after the checkpoint's step; TensorBoard purges later points.
    const resumeOptions = previous
      ? { id: previous.id, resume: 'allow' as const, resumeStep: startStep + 1 }
      : {};
    run = await init({ ...runOptions, ...resumeOptions }, input.backends ? { backends: input.backends } : {});
  } catch (error) {
    disposeAll(network, optimizer);
    throw error;
  }
  // The architecture, once, before training: TensorBoard's Graphs dashboard and a model.summary()-style table.
  // A resumed run logged it in its first session.
  if (!previous) run.logModel(network.modelDescription());
  const sampler = new BatchSampler(trainRecords.map(encode), config.batch_size, config.seq_len, config.seed);
  const trainer = new SeoTrainer(
    {
      model,
      optimizer,
      sampler,
      validationExamples: corpus.validation.slice(0, config.eval_batches * config.batch_size).map(encode),
      samplePages: spread(corpus.validation, config.eval_samples),
      checkpointDir,
    },
    config,
    totalSteps,
  );
  const losses: number[] = [];
  const accuracies: number[] = [];
  const validation: ValidationPoint[] = [];
  // run.step is where this session continues (the checkpoint's step + 1 when resuming).
  trainer.globalStep = previous ? run.step - 1 : 0;
  let bestLoss = previous?.bestLoss ?? Number.POSITIVE_INFINITY;
  writeLastRun(lastRunFile, { id: run.id, name: runName, bestLoss: previous?.bestLoss ?? null });
  /**
   * Validates; after training steps also saves the checkpoint and logs it as a `model` artifact (the library adds
   * `latest`; `best` when the validation loss is the lowest so far). The step-0 baseline is untrained: no artifact.
   */
  const evaluate = async () => {
    const { samples: _samples, ...metrics } = trainer.evaluate();
    const step = trainer.globalStep;
    validation.push({ step, ...metrics });
    if (step === 0) return;
    const best = metrics.loss < bestLoss;
    if (best) bestLoss = metrics.loss;
    const dir = await trainer.saveCheckpoint();
    run.logArtifact(dir, {
      name: 'model',
      type: 'model',
      aliases: best ? ['best'] : [],
      metadata: { step, val_loss: metrics.loss },
    });
    writeLastRun(lastRunFile, { id: run.id, name: runName, bestLoss });
  };
  const progress = input.progress === undefined ? process.stderr : input.progress;
  const bar = progress ? new ProgressBar(progress, totalSteps) : undefined;
  let seconds = 0;
  try {
    if (!previous) {
      run.log(
        { 'model/architecture': text(network.describe()) },
        { step: 0, commit: false, priority: 'high' },
      );
    }
    say([
      `seo-llm-trainer: run ${run.name} (${run.id})${previous ? `: resumed after step ${trainer.globalStep} (optimizer state restarts)` : ''}: ${totalSteps} steps, batch ${config.batch_size}, ${network.parameterCount.toLocaleString('en-US')} parameters, vocab ${tokenizer.size}, tfjs ${backend.name}`,
    ]);
    if (!previous) await evaluate();
    const firstStep = trainer.globalStep + 1;
    const started = performance.now();
    for (let step = firstStep; step <= totalSteps; step++) {
      const metrics = trainer.trainStep();
      trainer.memoryStats();
      losses.push(metrics.loss);
      accuracies.push(metrics.accuracy);
      const evaluating = step % config.eval_every === 0 || step === totalSteps;
      if (evaluating) await evaluate();
      else if (config.checkpoint_every > 0 && step % config.checkpoint_every === 0) {
        await trainer.saveCheckpoint();
      }
      const elapsed = (performance.now() - started) / 1000;
      bar?.update(step, { loss: mean(losses.slice(-10)), stepsPerSecond: (step - firstStep + 1) / elapsed });
      // Let trainscope's background drain and the backends' file writes run between steps.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    seconds = (performance.now() - started) / 1000;
    bar?.done();
  } catch (error) {
    bar?.done();
    await run.finish({ exitCode: 1 });
    disposeAll(network, optimizer);
    throw error;
  }
  const firstLoss = mean(losses.slice(0, 10));
  const finalLoss = mean(losses.slice(-10));
  say(
    formatFinalMetrics({
      // This session's steps (fewer than totalSteps when resuming).
      steps: losses.length,
      seconds,
      firstLoss,
      finalLoss,
      finalAccuracy: mean(accuracies.slice(-10)),
      validation,
      backend: backend.name,
    }),
  );
  say(formatSamples(trainer.lastSamples));
  await run.finish();
  const wandbRunDir = findWandbRunDir(resolved, run.id);
  const paths: ResultPaths = {
    tensorboardLogDir: resolved.tensorboard === false ? undefined : resolved.tensorboard.logDir,
    tensorboardRunDir,
    wandbRunDir,
    wandbMode:
      wandbRunDir === undefined ? undefined : wandbRunDir.includes('offline-run-') ? 'offline' : 'online',
    trace: runOptions.profiling.enabled && trace !== false ? trace.path : undefined,
    checkpoint: checkpointDir,
  };
  say(['', ...formatNextSteps(paths)]);
  disposeAll(network, optimizer);
  return {
    runId: run.id,
    runName: run.name,
    steps: totalSteps,
    startStep,
    seconds,
    backend,
    losses,
    firstLoss,
    finalLoss,
    validation,
    samples: trainer.lastSamples,
    paths,
    config,
  };
}

function disposeAll(network: DecoderTransformer, optimizer: AdamOptimizer): void {
  network.dispose();
  optimizer.dispose();
}
