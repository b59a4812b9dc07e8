import { getHeapStatistics } from 'node:v8';
import * as tf from '@tensorflow/tfjs';
import { descriptionQuality } from './corpus/description-quality.js';
import { containsKeyword, isLengthOk, type SeoRecord } from './corpus/record.js';
import { SeededRandom } from './corpus/seeded-random.js';
import type { AdamOptimizer } from './model/adam.js';
import { DirectoryCheckpointHandler, saveWeights } from './model/checkpoint.js';
import {
  type Batch,
  type BatchSampler,
  disposeBatch,
  type EncodedExample,
  makeBatch,
} from './model/examples.js';
import type { LanguageModel, StepResult } from './model/language-model.js';
import { learningRateAt, type WarmupCosineSchedule } from './model/lr-schedule.js';
import { clipByGlobalNorm, globalNorm } from './model/norms.js';
import type { TrainerConfig } from './trainer-config.js';
import {
  type HistogramValue,
  histogram,
  Priority,
  Profiled,
  type TableValue,
  TrackMetrics,
  table,
} from './trainscope.js';

export interface TrainStepMetrics {
  loss: number;
  accuracy: number;
  learning_rate: number;
}

export interface OptimizerMetrics {
  gradient_norm: number;
  weight_norm: number;
}

export interface MemoryMetrics {
  /** JS heap in use, MiB. */
  memory_usage: number;
  /** Bytes held by tfjs tensors (wasm heap included), MiB. */
  tensor_memory: number;
  tensor_count: number;
}

export interface ValidationMetrics {
  loss: number;
  accuracy: number;
  perplexity: number;
  /** Share of generated descriptions with 120–160 characters. */
  length_ok_share: number;
  /** Share of generated descriptions that contain the page's keyword. */
  keyword_share: number;
  /** Share of generated descriptions with a repeated word bigram. */
  repetition: number;
  /** Distinct word bigrams / all word bigrams over the generated descriptions. */
  distinct_2: number;
  samples: TableValue;
}

export interface GeneratedSample {
  readonly keyword: string;
  readonly title: string;
  readonly generated: string;
  readonly reference: string;
}

export interface TrainerParts {
  readonly model: LanguageModel;
  readonly optimizer: AdamOptimizer;
  readonly sampler: BatchSampler;
  /** Fixed validation subset the loss is measured on (same records at every evaluation). */
  readonly validationExamples: readonly EncodedExample[];
  /** Pages whose descriptions are generated at every evaluation. */
  readonly samplePages: readonly SeoRecord[];
  readonly checkpointDir: string;
}

/**
 * Trains the SEO description model, instrumented the way a user would write it: `@Profiled` on each phase,
 * `@TrackMetrics` on the methods whose return values are metrics, `@Priority` where the method's metrics all
 * share one importance. Other metrics take their priority from `logging.priorities` in the config file.
 */
export class SeoTrainer {
  /** Optimizer steps taken; the step every metric of this trainer is logged at. */
  globalStep = 0;
  lastSamples: readonly GeneratedSample[] = [];
  private readonly schedule: WarmupCosineSchedule;
  private readonly sampleRng: SeededRandom;

  constructor(
    private readonly parts: TrainerParts,
    private readonly config: TrainerConfig,
    readonly totalSteps: number,
  ) {
    this.schedule = {
      baseLearningRate: config.learning_rate,
      warmupSteps: config.warmup_steps,
      totalSteps,
      minRatio: config.min_lr_ratio,
    };
    this.sampleRng = new SeededRandom(config.seed + 7);
  }

  get learningRate(): number {
    return learningRateAt(Math.max(0, this.globalStep - 1), this.schedule);
  }

  @Profiled('load_batch', { category: 'data' })
  loadBatch(): Batch {
    return this.parts.sampler.next();
  }

  @Profiled('forward_backward', { category: 'model' })
  forwardBackward(batch: Batch): StepResult {
    return this.parts.model.lossAndGradients(batch);
  }

  /** Clips, applies AdamW, and reports the gradient norm before clipping and the weight norm after the update. */
  @Profiled('optimizer_step', { category: 'model' })
  @TrackMetrics({ prefix: 'training', every: 10, step: 'globalStep' })
  optimizerStep(grads: tf.NamedTensorMap, learningRate: number): OptimizerMetrics {
    const gradientNorm = globalNorm(Object.values(grads));
    const clipped = clipByGlobalNorm(grads, gradientNorm, this.config.gradient_clip_norm);
    this.parts.optimizer.step(clipped, learningRate);
    for (const g of Object.values(clipped)) g.dispose();
    return { gradient_norm: gradientNorm, weight_norm: globalNorm(this.parts.model.network.params.values()) };
  }

  /** One optimizer step over `gradient_accumulation_steps` micro-batches. */
  @Priority('high')
  @TrackMetrics({ prefix: 'training', every: 10, step: 'globalStep' })
  trainStep(): TrainStepMetrics {
    this.globalStep++;
    const learningRate = this.learningRate;
    const micro = this.config.gradient_accumulation_steps;
    let grads: tf.NamedTensorMap | undefined;
    let loss = 0;
    let accuracy = 0;
    for (let i = 0; i < micro; i++) {
      const batch = this.loadBatch();
      const result = this.forwardBackward(batch);
      disposeBatch(batch);
      loss += result.loss / micro;
      accuracy += result.accuracy / micro;
      grads = grads === undefined ? result.grads : accumulate(grads, result.grads);
    }
    if (micro > 1 && grads) grads = scale(grads, 1 / micro);
    const all = grads ?? {};
    const every = this.config.histogram_every;
    if (every > 0 && this.globalStep % every === 0) this.parameterHistograms(all);
    this.optimizerStep(all, learningRate);
    return { loss, accuracy, learning_rate: learningRate };
  }

  @TrackMetrics({ prefix: 'memory', every: 10, step: 'globalStep' })
  memoryStats(): MemoryMetrics {
    const tensors = tf.memory();
    return {
      memory_usage: getHeapStatistics().used_heap_size / 2 ** 20,
      tensor_memory: tensors.numBytes / 2 ** 20,
      tensor_count: tensors.numTensors,
    };
  }

  /** Weight and gradient distributions, one histogram per parameter (TensorBoard's histograms/distributions). */
  @Priority('low')
  @TrackMetrics({ prefix: 'parameters', step: 'globalStep' })
  parameterHistograms(grads: tf.NamedTensorMap): Record<string, HistogramValue> {
    const out: Record<string, HistogramValue> = {};
    for (const [name, variable] of this.parts.model.network.params) {
      out[`weights/${name}`] = histogram(variable.dataSync(), { bins: 32 });
      const g = grads[name];
      if (g) out[`gradients/${name}`] = histogram(g.dataSync(), { bins: 32 });
    }
    return out;
  }

  @Profiled('generate', { category: 'evaluation' })
  generateDescriptions(pages: readonly SeoRecord[]): string[] {
    const maxTokens = this.config.seq_len;
    return this.parts.model.generate(pages, {
      maxTokens,
      temperature: this.config.temperature,
      rng: this.sampleRng,
      noRepeatNgram: this.config.no_repeat_ngram,
      repetitionPenalty: this.config.repetition_penalty,
    });
  }

  /** Validation loss on a fixed subset, and the SEO checks on descriptions the model writes itself. */
  @Profiled('evaluate', { category: 'evaluation' })
  @TrackMetrics({ prefix: 'validation', step: 'globalStep' })
  evaluate(): ValidationMetrics {
    const { validationExamples, samplePages, model } = this.parts;
    let lossSum = 0;
    let tokens = 0;
    let correct = 0;
    const size = this.config.batch_size;
    for (let start = 0; start < validationExamples.length; start += size) {
      const batch = makeBatch(validationExamples.slice(start, start + size), this.config.seq_len);
      const result = model.evaluate(batch);
      disposeBatch(batch);
      lossSum += result.lossSum;
      tokens += result.tokens;
      correct += result.correct;
    }
    const loss = tokens > 0 ? lossSum / tokens : Number.NaN;
    const generated = this.generateDescriptions(samplePages);
    this.lastSamples = samplePages.map((page, i) => ({
      keyword: page.keyword,
      title: page.title,
      generated: generated[i] ?? '',
      reference: page.description,
    }));
    // The SEO checks read the decoded text, exactly as a user would judge the descriptions.
    const quality = descriptionQuality(this.lastSamples);
    return {
      loss,
      accuracy: tokens > 0 ? correct / tokens : 0,
      perplexity: Math.exp(loss),
      length_ok_share: quality.length_ok_share,
      keyword_share: quality.keyword_share,
      repetition: quality.repetition,
      distinct_2: quality.distinct_2,
      samples: table(
        ['step', 'keyword', 'title', 'generated', 'chars', 'length_ok', 'has_keyword'],
        this.lastSamples.map((s) => [
          this.globalStep,
          s.keyword,
          s.title,
          s.generated,
          s.generated.length,
          isLengthOk(s.generated),
          containsKeyword(s.generated, s.keyword),
        ]),
      ),
    };
  }

  /** Writes `model.json` + `weights.bin` (tfjs layout) with the model config and tokenizer as metadata. */
  @Profiled('checkpoint', { category: 'io' })
  async saveCheckpoint(): Promise<string> {
    const { model, checkpointDir } = this.parts;
    await saveWeights(new DirectoryCheckpointHandler(checkpointDir), model.network.params, {
      step: this.globalStep,
      model: model.network.config,
      tokenizer: model.tokenizer.toJSON(),
      trainer: this.config,
    });
    return checkpointDir;
  }
}

function accumulate(total: tf.NamedTensorMap, more: tf.NamedTensorMap): tf.NamedTensorMap {
  const out: tf.NamedTensorMap = {};
  for (const [name, g] of Object.entries(total)) {
    const extra = more[name];
    out[name] = extra ? tf.add(g, extra) : g;
    if (extra) {
      g.dispose();
      extra.dispose();
    }
  }
  return out;
}

function scale(grads: tf.NamedTensorMap, factor: number): tf.NamedTensorMap {
  const out: tf.NamedTensorMap = {};
  for (const [name, g] of Object.entries(grads)) {
    out[name] = tf.mul(g, factor);
    g.dispose();
  }
  return out;
}
