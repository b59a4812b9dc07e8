import * as tf from '@tensorflow/tfjs';

export interface AdamOptions {
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** Decoupled weight decay (AdamW) applied to matrices only, not to gains, biases or embeddings. */
  readonly weightDecay: number;
}

/**
 * Adam(W) over named variables with the learning rate passed per step, so a schedule can drive it (tfjs's
 * built-in optimizer fixes the rate at construction).
 */
export class AdamOptimizer {
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();
  private t = 0;

  constructor(
    private readonly params: ReadonlyMap<string, tf.Variable>,
    private readonly options: AdamOptions,
  ) {
    for (const [name, p] of params) {
      this.m.set(name, tf.variable(tf.zerosLike(p), false, `${name}/adam_m`));
      this.v.set(name, tf.variable(tf.zerosLike(p), false, `${name}/adam_v`));
    }
  }

  get iterations(): number {
    return this.t;
  }

  /** Applies one update; `grads` are already clipped/averaged. */
  step(grads: tf.NamedTensorMap, learningRate: number): void {
    this.t++;
    const { beta1, beta2, epsilon, weightDecay } = this.options;
    const correction1 = 1 - beta1 ** this.t;
    const correction2 = 1 - beta2 ** this.t;
    tf.tidy(() => {
      for (const [name, p] of this.params) {
        const g = grads[name];
        if (!g) continue;
        const m = this.m.get(name) as tf.Variable;
        const v = this.v.get(name) as tf.Variable;
        const mNext = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
        const vNext = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
        m.assign(mNext);
        v.assign(vNext);
        const update = tf.div(
          tf.div(mNext, correction1),
          tf.add(tf.sqrt(tf.div(vNext, correction2)), epsilon),
        );
        const decays = weightDecay > 0 && p.rank === 2 && !name.includes('embedding');
        const decayed = decays ? tf.sub(p, tf.mul(p, learningRate * weightDecay)) : p;
        p.assign(tf.sub(decayed, tf.mul(update, learningRate)));
      }
    });
  }

  dispose(): void {
    for (const x of this.m.values()) x.dispose();
    for (const x of this.v.values()) x.dispose();
  }
}
