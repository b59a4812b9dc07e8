import * as tf from '@tensorflow/tfjs';
import type { PointerInputs } from './pointer-head.js';

/**
 * The pointer's view of a batch, built on the CPU from the token ids (cheap: `batch × time²` flags):
 * which positions may be copied, where the current token was seen before, and for the loss, which copyable
 * positions hold each target token. Only prompt tokens after `<bos>` are sources, so the pointer copies from
 * the page (keyword and title), never from the description it is writing.
 */
export class CopySources {
  /**
   * @param tokens `[batch × time]` input ids, row-major.
   * @param promptLengths tokens up to and including the prompt (with `<bos>`), per sequence.
   */
  constructor(
    readonly tokens: Int32Array,
    readonly batch: number,
    readonly time: number,
    readonly promptLengths: ArrayLike<number>,
  ) {}

  private isSource(b: number, j: number): boolean {
    return j >= 1 && j < Math.min(this.time, this.promptLengths[b] as number);
  }

  /** `sourceBias` and `tokenMatch` as tensors (the caller disposes them). */
  pointerInputs(): PointerInputs {
    const { batch, time, tokens } = this;
    const bias = new Float32Array(batch * time).fill(-1e9);
    const match = new Float32Array(batch * time * time);
    for (let b = 0; b < batch; b++) {
      for (let j = 1; j < time; j++) {
        if (!this.isSource(b, j)) continue;
        bias[b * time + j] = 0;
        const before = tokens[b * time + j - 1];
        for (let t = 0; t < time; t++) {
          if (tokens[b * time + t] === before) match[(b * time + t) * time + j] = 1;
        }
      }
    }
    return {
      sourceBias: tf.tensor2d(bias, [batch, time]),
      tokenMatch: tf.tensor3d(match, [batch, time, time]),
    };
  }

  /** `[rows, time]`: 1 where source `j` of the row's sequence holds the row's label (the copy path's target). */
  labelInSource(rows: readonly number[], labels: readonly number[]): tf.Tensor2D {
    const { time, tokens } = this;
    const out = new Float32Array(rows.length * time);
    for (const [r, row] of rows.entries()) {
      const b = Math.floor(row / time);
      for (let j = 1; j < time; j++) {
        if (this.isSource(b, j) && tokens[b * time + j] === labels[r]) out[r * time + j] = 1;
      }
    }
    return tf.tensor2d(out, [rows.length, time]);
  }

  /** `[rows × time, 2]` int32: (row, token at source j) pairs, to scatter copy attention onto the vocabulary. */
  scatterIndices(rows: readonly number[]): tf.Tensor2D {
    const { time, tokens } = this;
    const out = new Int32Array(rows.length * time * 2);
    for (const [r, row] of rows.entries()) {
      const b = Math.floor(row / time);
      for (let j = 0; j < time; j++) {
        out[(r * time + j) * 2] = r;
        out[(r * time + j) * 2 + 1] = tokens[b * time + j] as number;
      }
    }
    return tf.tensor2d(out, [rows.length * time, 2], 'int32');
  }
}
