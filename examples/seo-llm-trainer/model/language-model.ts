import * as tf from '@tensorflow/tfjs';
import { CopySources } from './copy-sources.js';
import { type DecodingOptions, pickNextToken } from './decoding.js';
import { type Batch, promptText } from './examples.js';
import { writtenLengthBuckets } from './length-buckets.js';
import type { CopyScores, PointerInputs } from './pointer-head.js';
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

export interface GenerationOptions extends DecodingOptions {
  readonly maxTokens: number;
}

/** The network's outputs at the scored rows. */
interface Scored {
  /** Vocabulary logits `[rows, vocab]`. */
  readonly logits: tf.Tensor2D;
  /** The pointer's attention and gate, when the network has a pointer head. */
  readonly copy: CopyScores | undefined;
}

/** Inputs at flat positions `rows`, with the pointer's view of them. */
interface ScoringInput {
  readonly inputs: tf.Tensor2D;
  readonly lengths: tf.Tensor2D;
  readonly rows: tf.Tensor1D;
  readonly pointer: PointerInputs;
}

/**
 * The transformer as a language model of SEO descriptions: loss, gradients, evaluation, sampling. With a
 * pointer head, the next-token distribution is the pointer-generator mixture
 * `p(w) = p_gen · softmax(logits)(w) + (1 − p_gen) · Σ_{j: source j is w} attention(j)`.
 */
export class LanguageModel {
  constructor(
    readonly network: DecoderTransformer,
    readonly tokenizer: WordPieceTokenizer,
  ) {}

  private scored(input: ScoringInput): Scored {
    const { hidden, embedded } = this.network.forward(input.inputs, input.lengths);
    const [batch, time] = input.inputs.shape;
    const logits = this.network.logitsAt(hidden, input.rows);
    const pointer = this.network.pointer;
    const copy = pointer?.scores(hidden, embedded, batch, time, input.pointer, input.rows);
    return { logits, copy };
  }

  /** Mean negative log-likelihood of the labels under the (mixture) distribution. */
  private meanLoss(batch: Batch, scored: Scored): tf.Scalar {
    const labels = tf.oneHot(batch.labels, this.network.config.vocabSize);
    if (!scored.copy) return tf.losses.softmaxCrossEntropy(labels, scored.logits) as tf.Scalar;
    const { attention, gateLogit } = scored.copy;
    // logSoftmax, not logits − logSumExp: logSumExp's gradient goes through max's, a broadcast `equal` over
    // [rows × vocab] that wasm took ~90 ms for (as long as the rest of the backward pass).
    const logVocab = tf.sum(tf.mul(tf.logSoftmax(scored.logits), labels), -1);
    const copied = tf.sum(tf.mul(attention, batch.copy.labelInSource), -1);
    // log p_gen = −softplus(−g), log (1 − p_gen) = −softplus(g); the two paths add in probability space.
    const fromVocab = tf.sub(logVocab, tf.softplus(tf.neg(gateLogit)));
    const fromCopy = tf.sub(tf.log(tf.add(copied, 1e-9)), tf.softplus(gateLogit));
    const logLikelihood = tf.logSumExp(tf.stack([fromVocab, fromCopy], 1), 1);
    return tf.neg(tf.mean(logLikelihood)) as tf.Scalar;
  }

  /** Next-token probabilities `[rows, vocab]` (the mixture with a pointer head). No gradient needed. */
  private probabilities(scored: Scored, scatterIndices: tf.Tensor2D): tf.Tensor2D {
    const vocab = tf.softmax(scored.logits);
    if (!scored.copy) return vocab;
    const { attention, gateLogit } = scored.copy;
    const [rows, time] = attention.shape;
    const copied = tf.scatterND(scatterIndices, tf.reshape(attention, [rows * time]), vocab.shape);
    const gate = tf.expandDims(tf.sigmoid(gateLogit), 1);
    return tf.add(tf.mul(vocab, gate), tf.mul(copied, tf.sub(1, gate))) as tf.Tensor2D;
  }

  private correctCount(batch: Batch, scored: Scored): tf.Scalar {
    const best = tf.argMax(this.probabilities(scored, batch.copy.scatterIndices), -1);
    return tf.sum(tf.cast(tf.equal(best, batch.labels), 'float32'));
  }

  private scoringInput(batch: Batch): ScoringInput {
    return { inputs: batch.inputs, lengths: batch.lengths, rows: batch.rows, pointer: batch.copy.pointer };
  }

  /** Forward and backward pass: mean negative log-likelihood of description tokens, accuracy, gradients. */
  lossAndGradients(batch: Batch): StepResult {
    let correct: tf.Scalar | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const scored = this.scored(this.scoringInput(batch));
      // Not on the loss's path, so no gradient is computed for it.
      correct = tf.keep(this.correctCount(batch, scored));
      return this.meanLoss(batch, scored);
    }, [...this.network.params.values()]);
    const loss = value.dataSync()[0] as number;
    const hits = (correct as tf.Scalar | undefined)?.dataSync()[0] ?? 0;
    value.dispose();
    correct?.dispose();
    return { loss, accuracy: batch.targetTokens > 0 ? hits / batch.targetTokens : 0, grads };
  }

  evaluate(batch: Batch): EvalResult {
    const [loss, correct] = tf.tidy(() => {
      const scored = this.scored(this.scoringInput(batch));
      return [this.meanLoss(batch, scored), this.correctCount(batch, scored)];
    });
    const mean = (loss as tf.Scalar).dataSync()[0] as number;
    const hits = (correct as tf.Scalar).dataSync()[0] as number;
    loss?.dispose();
    correct?.dispose();
    return { lossSum: mean * batch.targetTokens, tokens: batch.targetTokens, correct: hits };
  }

  /**
   * Log-probabilities `[n × vocab]` of the next token after each sequence's last written position. Only the
   * first `time` positions (the longest sequence so far) go through the network: the causal model's states
   * there do not depend on the padding after them, and early steps cost a fraction of a full-context pass.
   */
  private nextTokenLogProbs(
    tokens: Int32Array,
    n: number,
    position: Int32Array,
    start: Int32Array,
  ): Float32Array {
    const { seqLen } = this.network.config;
    const time = Math.min(seqLen, Math.max(...position));
    const window = new Int32Array(n * time);
    const lengths = new Int32Array(n * time);
    for (let i = 0; i < n; i++) {
      const sequence = tokens.subarray(i * seqLen, i * seqLen + time);
      window.set(sequence, i * time);
      lengths.set(writtenLengthBuckets(this.tokenizer, sequence, start[i] as number, time), i * time);
    }
    const rows = Array.from(position, (pos, i) => i * time + Math.min(pos, time) - 1);
    const sources = new CopySources(window, n, time, start);
    const logProbs = tf.tidy(() => {
      const pointer = sources.pointerInputs();
      const input = {
        inputs: tf.tensor2d(window, [n, time], 'int32'),
        lengths: tf.tensor2d(lengths, [n, time], 'int32'),
        rows: tf.tensor1d(rows, 'int32'),
        pointer,
      };
      return tf.log(tf.add(this.probabilities(this.scored(input), sources.scatterIndices(rows)), 1e-12));
    });
    const data = logProbs.dataSync() as Float32Array;
    logProbs.dispose();
    return data;
  }

  /** Writes a description for each (keyword, title), all prompts decoded together in one batch. */
  generate(pages: readonly { keyword: string; title: string }[], options: GenerationOptions): string[] {
    const { seqLen, vocabSize } = this.network.config;
    const n = pages.length;
    const tokens = new Int32Array(n * seqLen).fill(PAD);
    const position = new Int32Array(n);
    const start = new Int32Array(n);
    const done = new Uint8Array(n);
    const written: number[][] = pages.map(() => []);
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
      const data = this.nextTokenLogProbs(tokens, n, position, start);
      for (let i = 0; i < n; i++) {
        const pos = position[i] as number;
        if (done[i] || pos >= seqLen) continue;
        const mine = written[i] as number[];
        const next = pickNextToken(data.subarray(i * vocabSize, (i + 1) * vocabSize), mine, options);
        tokens[i * seqLen + pos] = next;
        mine.push(next);
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
