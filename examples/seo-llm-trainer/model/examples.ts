import * as tf from '@tensorflow/tfjs';
import type { SeoRecord } from '../corpus/record.js';
import { SeededRandom } from '../corpus/seeded-random.js';
import { CopySources } from './copy-sources.js';
import { writtenLengthBuckets } from './length-buckets.js';
import type { PointerInputs } from './pointer-head.js';
import { BOS, EOS, PAD, type WordPieceTokenizer } from './tokenizer.js';

/**
 * The model's input for a page: ` keyword | title ->`; the description follows after a space. The leading
 * space makes the keyword's pieces in the prompt the same tokens as in the description (` camera`, not
 * `camera`), so writing the keyword is copying tokens the model has seen.
 */
export function promptText(keyword: string, title: string): string {
  return ` ${keyword} | ${title} ->`;
}

/** One record as tokens: `<bos> prompt description <eos>`, padded to `seqLen + 1`. */
export interface EncodedExample {
  readonly tokens: Int32Array;
  /** Tokens up to and including the prompt (with `<bos>`). */
  readonly promptLength: number;
  /** Tokens before padding. */
  readonly length: number;
  /** Description characters written at each of the first `seqLen` positions, bucketed (length-buckets.ts). */
  readonly lengthBuckets: Int32Array;
}

export function encodeExample(
  tokenizer: WordPieceTokenizer,
  record: SeoRecord,
  seqLen: number,
): EncodedExample {
  const prompt = [BOS, ...tokenizer.encode(promptText(record.keyword, record.title))];
  const target = [...tokenizer.encode(` ${record.description}`), EOS];
  const all = [...prompt, ...target].slice(0, seqLen + 1);
  const tokens = new Int32Array(seqLen + 1).fill(PAD);
  tokens.set(all);
  const promptLength = Math.min(prompt.length, seqLen);
  return {
    tokens,
    promptLength,
    length: all.length,
    lengthBuckets: writtenLengthBuckets(tokenizer, tokens, promptLength, seqLen),
  };
}

/**
 * A batch on the device: inputs, and the positions that are scored with their next tokens. Only predictions of
 * description tokens (and the closing `<eos>`) are scored; the prompt is context.
 */
export interface Batch {
  readonly size: number;
  readonly inputs: tf.Tensor2D;
  /** `[batch, seqLen]` int32: the length bucket of each input position. */
  readonly lengths: tf.Tensor2D;
  /** Flat positions `b × seqLen + t` whose next token is a target. */
  readonly rows: tf.Tensor1D;
  /** The token that follows each of `rows`. */
  readonly labels: tf.Tensor1D;
  readonly targetTokens: number;
  /** What the pointer head needs (unused by a model without one). */
  readonly copy: BatchCopyInputs;
}

export interface BatchCopyInputs {
  readonly pointer: PointerInputs;
  /** `[rows, time]`: 1 where a copyable position holds the row's label. */
  readonly labelInSource: tf.Tensor2D;
  /** `[rows × time, 2]`: (row, source token) pairs. */
  readonly scatterIndices: tf.Tensor2D;
}

export function makeBatch(examples: readonly EncodedExample[], seqLen: number): Batch {
  const n = examples.length;
  const inputs = new Int32Array(n * seqLen);
  const lengths = new Int32Array(n * seqLen);
  const rows: number[] = [];
  const labels: number[] = [];
  const promptLengths = examples.map((ex) => ex.promptLength);
  for (const [b, ex] of examples.entries()) {
    inputs.set(ex.tokens.subarray(0, seqLen), b * seqLen);
    lengths.set(ex.lengthBuckets.subarray(0, seqLen), b * seqLen);
    // Position t predicts token t + 1.
    for (let t = ex.promptLength - 1; t < ex.length - 1; t++) {
      rows.push(b * seqLen + t);
      labels.push(ex.tokens[t + 1] as number);
    }
  }
  const sources = new CopySources(inputs, n, seqLen, promptLengths);
  return {
    size: n,
    inputs: tf.tensor2d(inputs, [n, seqLen], 'int32'),
    lengths: tf.tensor2d(lengths, [n, seqLen], 'int32'),
    rows: tf.tensor1d(rows, 'int32'),
    labels: tf.tensor1d(labels, 'int32'),
    targetTokens: rows.length,
    copy: {
      pointer: sources.pointerInputs(),
      labelInSource: sources.labelInSource(rows, labels),
      scatterIndices: sources.scatterIndices(rows),
    },
  };
}

export function disposeBatch(batch: Batch): void {
  tf.dispose([
    batch.inputs,
    batch.lengths,
    batch.rows,
    batch.labels,
    batch.copy.pointer.sourceBias,
    batch.copy.pointer.tokenMatch,
    batch.copy.labelInSource,
    batch.copy.scatterIndices,
  ]);
}

/** Draws batches without replacement, reshuffling each epoch (seeded). */
export class BatchSampler {
  private order: number[] = [];
  private cursor = 0;
  private epochCount = 0;
  private readonly rng: SeededRandom;

  constructor(
    private readonly examples: readonly EncodedExample[],
    private readonly batchSize: number,
    private readonly seqLen: number,
    seed: number,
  ) {
    if (examples.length === 0) throw new RangeError('BatchSampler needs at least one example');
    this.rng = new SeededRandom(seed);
  }

  /** Completed passes over the data. */
  get epoch(): number {
    return this.epochCount;
  }

  next(): Batch {
    const picked: EncodedExample[] = [];
    while (picked.length < this.batchSize) {
      if (this.cursor >= this.order.length) {
        if (this.order.length > 0) this.epochCount++;
        this.order = this.rng.shuffle([...this.examples.keys()]);
        this.cursor = 0;
      }
      picked.push(this.examples[this.order[this.cursor++] as number] as EncodedExample);
    }
    return makeBatch(picked, this.seqLen);
  }
}
