import * as tf from '@tensorflow/tfjs';

/**
 * `gather(x, indices)` along axis 0 with a gradient the wasm backend can run. tfjs's gather gradient needs
 * `UnsortedSegmentSum`, which wasm lacks; here the gradient is a `scatterND` of `dy` into the gathered rows
 * (repeated indices add up, as a gather's gradient must). It replaced `oneHot(indices)ᵀ × dy`, a
 * `[vocab × tokens]` product that took most of the embedding's backward pass (measured on wasm: 0.4 ms for
 * the scatter against 270–400 ms for the product, 1,024 tokens into 1,900 × 64).
 */
export const gatherRows = tf.customGrad((...inputs: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, indices, save] = inputs as [tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
  save([indices]);
  const rows = x.shape[0];
  return {
    value: tf.gather(x, indices),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [idx] = saved as [tf.Tensor1D];
      const grad = tf.scatterND(tf.expandDims(idx, 1), dy, [rows, dy.shape[1] as number]);
      // No gradient flows to the integer indices; tfjs still wants one tensor per input.
      return [grad, tf.zerosLike(idx)];
    },
  };
}) as (x: tf.Tensor2D, indices: tf.Tensor1D) => tf.Tensor2D;
