import * as tf from '@tensorflow/tfjs';

function swapLastTwo(t: tf.Tensor): tf.Tensor {
  const perm = [...Array(t.rank).keys()];
  perm[t.rank - 1] = t.rank - 2;
  perm[t.rank - 2] = t.rank - 1;
  return tf.transpose(t, perm);
}

/**
 * `a × b` whose gradients never ask the backend for a transposed matMul. tfjs's own matMul gradient uses
 * `transposeA`/`transposeB`, which the wasm backend runs about 8× slower than a plain product (measured: a
 * 1024×1900 by 1024×64 product took 478 ms transposed, 57 ms plain); an explicit transpose is a cheap copy.
 */
export const matMul = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = inputs as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      return [tf.matMul(dy, swapLastTwo(sb)), tf.matMul(swapLastTwo(sa), dy)];
    },
  };
}) as <T extends tf.Tensor>(a: T, b: tf.Tensor) => T;

/**
 * `a × bᵀ`, with both gradients as plain products of well-shaped operands: `dy × b` and `(dyᵀ) × a`. Going
 * through `matMul(a, bᵀ)` instead made the output embedding's gradient `aᵀ × dy`, a `[64 × 505] × [505 × 1903]`
 * product that wasm ran 4× slower than the same work as `[1903 × 505] × [505 × 64]` (30 ms against 8 ms).
 */
export const matMulTransposeB = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = inputs as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, swapLastTwo(b)),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor, tf.Tensor];
      return [tf.matMul(dy, sb), tf.matMul(swapLastTwo(dy), sa)];
    },
  };
}) as <T extends tf.Tensor>(a: T, b: tf.Tensor) => T;
