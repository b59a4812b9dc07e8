import * as tf from '@tensorflow/tfjs';

/**
 * `gather(x, indices)` along axis 0 with a gradient the wasm backend can run. tfjs's gather gradient needs
 * `UnsortedSegmentSum`, which wasm lacks; here the gradient is `oneHot(indices)ᵀ × dy`, a plain matMul. The
 * forward pass stays a cheap gather, so embedding lookups and selecting the positions that are scored cost a
 * copy instead of a `[rows × vocab]` product.
 */
export const gatherRows = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, indices, save] = inputs as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([indices]);
  const rows = x.shape[0];
  return {
    value: tf.gather(x, indices),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [idx] = saved as [tf.Tensor1D];
      const selection = tf.transpose(tf.oneHot(idx, rows));
      // No gradient flows to the integer indices; tfjs still wants one tensor per input.
      return [tf.matMul(selection, dy), tf.zerosLike(idx)];
    },
  };
}) as (x: tf.Tensor2D, indices: tf.Tensor1D) => tf.Tensor2D;
