import * as tf from '@tensorflow/tfjs';
import type { SeededRandom } from '../corpus/seeded-random.js';
import { type Batch, promptText } from './examples.js';
import { BOS, EOS, PAD, type WordPieceTokenizer } from './tokenizer.js';
import type { DecoderTransformer } from './transformer.js';

export interface StepResult {
  readonly loss: number;
  readonly accuracy: number;
  /** Gradients by parameter name; the caller disposes them. */
  readonly grads: tf.NamedTensorMap;
}

export interface EvalResult {
  /** Sum of token losses and the token count, so several batches combine exactly. */
  readonly lossSum: number;
  readonly tokens: number;
  readonly correct: number;
}

export interface GenerationOptions {
  readonly maxTokens: number;
  /** 0 = greedy. */
  readonly temperature: number;
  readonly rng: SeededRandom;
}

/** The transformer as a language model of SEO descriptions: loss, gradients, evaluation, sampling. */
export class LanguageModel {
  constructor(
    readonly network: DecoderTransformer,
    readonly tokenizer: WordPieceTokenizer,
  ) {}

  private scoredLogits(batch: Batch): tf.Tensor2D {
    return this.network.logitsAt(this.network.hidden(batch.inputs), batch.rows);
  }

  private meanLoss(batch: Batch, logits: tf.Tensor2D): tf.Scalar {
    const labels = tf.oneHot(batch.labels, this.network.config.vocabSize);
    return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
  }

  private correctCount(batch: Batch, logits: tf.Tensor2D): tf.Scalar {
    return tf.sum(tf.cast(tf.equal(tf.argMax(logits, -1), batch.labels), 'float32'));
  }

  /** Forward and backward pass: mean cross entropy over description tokens, next-token accuracy, gradients. */
  lossAndGradients(batch: Batch): StepResult {
    let correct: tf.Scalar | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const logits = this.scoredLogits(batch);
      correct = tf.keep(this.correctCount(batch, logits));
      return this.meanLoss(batch, logits);
    }, [...this.network.params.values()]);
    const loss = value.dataSync()[0] as number;
    const hits = (correct as tf.Scalar | undefined)?.dataSync()[0] ?? 0;
    value.dispose();
    correct?.dispose();
    return { loss, accuracy: batch.targetTokens > 0 ? hits / batch.targetTokens : 0, grads };
  }

  evaluate(batch: Batch): EvalResult {
    const [loss, correct] = tf.tidy(() => {
      const logits = this.scoredLogits(batch);
      return [this.meanLoss(batch, logits), this.correctCount(batch, logits)];
    });
    const mean = (loss as tf.Scalar).dataSync()[0] as number;
    const hits = (correct as tf.Scalar).dataSync()[0] as number;
    loss?.dispose();
    correct?.dispose();
    return { lossSum: mean * batch.targetTokens, tokens: batch.targetTokens, correct: hits };
  }

  /** Writes a description for each (keyword, title), all prompts decoded together in one batch. */
  generate(pages: readonly { keyword: string; title: string }[], options: GenerationOptions): string[] {
    const { seqLen, vocabSize } = this.network.config;
    const n = pages.length;
    const tokens = new Int32Array(n * seqLen).fill(PAD);
    const position = new Int32Array(n);
    const start = new Int32Array(n);
    const done = new Uint8Array(n);
    for (const [i, page] of pages.entries()) {
      const prompt = [BOS, ...this.tokenizer.encode(promptText(page.keyword, page.title))].slice(
        0,
        seqLen - 1,
      );
      tokens.set(prompt, i * seqLen);
      position[i] = prompt.length;
      start[i] = prompt.length;
    }
    for (let produced = 0; produced < options.maxTokens; produced++) {
      if (done.every((d, i) => d === 1 || (position[i] as number) >= seqLen)) break;
      const last = Array.from(position, (pos, i) => i * seqLen + Math.min(pos, seqLen) - 1);
      const logits = tf.tidy(() =>
        this.network.logitsAt(
          this.network.hidden(tf.tensor2d(tokens, [n, seqLen], 'int32')),
          tf.tensor1d(last, 'int32'),
        ),
      );
      const data = logits.dataSync() as Float32Array;
      logits.dispose();
      for (let i = 0; i < n; i++) {
        const pos = position[i] as number;
        if (done[i] || pos >= seqLen) continue;
        const next = pickToken(
          data.subarray(i * vocabSize, (i + 1) * vocabSize),
          options.temperature,
          options.rng,
        );
        tokens[i * seqLen + pos] = next;
        position[i] = pos + 1;
        if (next === EOS) done[i] = 1;
      }
    }
    return pages.map((_, i) =>
      this.tokenizer
        .decode(tokens.subarray(i * seqLen + (start[i] as number), i * seqLen + (position[i] as number)))
        .trim(),
    );
  }
}

function pickToken(logits: Float32Array, temperature: number, rng: SeededRandom): number {
  let best = 0;
  for (let v = 1; v < logits.length; v++) if ((logits[v] as number) > (logits[best] as number)) best = v;
  if (temperature <= 0) return best;
  const max = logits[best] as number;
  let total = 0;
  const weights = new Float64Array(logits.length);
  for (let v = 0; v < logits.length; v++) {
    const w = Math.exp(((logits[v] as number) - max) / temperature);
    weights[v] = w;
    total += w;
  }
  let r = rng.next() * total;
  for (let v = 0; v < logits.length; v++) {
    r -= weights[v] as number;
    if (r <= 0) return v;
  }
  return best;
}
