import * as tf from '@tensorflow/tfjs';

/** √(Σ‖t‖²) over all tensors: the global L2 norm used for gradient clipping and logged as a metric. */
export function globalNorm(tensors: Iterable<tf.Tensor>): number {
  const list = [...tensors];
  if (list.length === 0) return 0;
  const squared = tf.tidy(() => tf.addN(list.map((t) => tf.sum(tf.square(t)))));
  const value = squared.dataSync()[0] as number;
  squared.dispose();
  return Math.sqrt(value);
}

/** Scales every gradient by `maxNorm / norm` when the global norm exceeds `maxNorm`; returns new tensors. */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, norm: number, maxNorm: number): tf.NamedTensorMap {
  if (!(maxNorm > 0) || norm <= maxNorm || !Number.isFinite(norm)) return grads;
  const scale = maxNorm / norm;
  const clipped: tf.NamedTensorMap = {};
  for (const [name, g] of Object.entries(grads)) {
    clipped[name] = tf.mul(g, scale);
    g.dispose();
  }
  return clipped;
}
