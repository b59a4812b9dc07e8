import * as tf from '@tensorflow/tfjs';
import { matMul, matMulTransposeB } from './fast-matmul.js';
import { gatherRows } from './gather-rows.js';
import { PointerHead } from './pointer-head.js';
import type { ModelDescription, ModelLayerDescription } from '../trainscope.js';

export interface TransformerConfig {
  readonly vocabSize: number;
  /** Context length in tokens. */
  readonly seqLen: number;
  readonly dModel: number;
  readonly nHeads: number;
  readonly nLayers: number;
  /** Width of the feed-forward layer. */
  readonly dFF: number;
  readonly seed: number;
  /** Embeds how much of the description is written (length-buckets.ts); 0 = no length signal. */
  readonly lengthBuckets?: number;
  /** Adds the pointer (copy) head of a pointer-generator network; see `PointerHead`. */
  readonly pointer?: boolean;
}

/** The network's states for a batch of token ids. */
export interface Forward {
  /** Final (normalised) states `[batch × time, dModel]`. */
  readonly hidden: tf.Tensor2D;
  /** Input token embeddings `[batch × time, dModel]` (what the pointer copies). */
  readonly embedded: tf.Tensor2D;
}

/**
 * A small decoder-only (GPT-style) transformer written with tfjs ops: pre-norm blocks of causal multi-head
 * self-attention and a ReLU MLP, learned positions, output projection tied to the token embedding; optionally
 * a learned embedding of how much of the description is written (`lengthBuckets`) and a pointer head that
 * copies prompt tokens (`pointer`, used by `LanguageModel`).
 *
 * The embedding lookups and the selection of scored positions use `gatherRows`, a gather whose gradient is a
 * scatter: tfjs's own gather gradient needs `UnsortedSegmentSum`, which the wasm backend does not implement.
 */
export class DecoderTransformer {
  readonly params = new Map<string, tf.Variable>();
  /** The copy head, when `config.pointer` is set. */
  readonly pointer: PointerHead | undefined;
  private readonly causalMask: tf.Tensor2D;

  constructor(readonly config: TransformerConfig) {
    const { dModel: d, dFF, vocabSize, seqLen, nLayers, nHeads } = config;
    if (d % nHeads !== 0) throw new RangeError(`dModel (${d}) must be divisible by nHeads (${nHeads})`);
    let seed = config.seed;
    const normal = (name: string, shape: number[], std = 0.02) =>
      this.add(name, tf.randomNormal(shape, 0, std, 'float32', seed++));
    const constant = (name: string, shape: number[], value: number) => this.add(name, tf.fill(shape, value));
    // Residual projections scaled down with depth, as GPT-2 does, so early training stays stable.
    const residualStd = 0.02 / Math.sqrt(2 * nLayers);
    normal('token_embedding', [vocabSize, d]);
    normal('position_embedding', [seqLen, d], 0.01);
    if (config.lengthBuckets) normal('length_embedding', [config.lengthBuckets, d], 0.01);
    for (let l = 0; l < nLayers; l++) {
      const p = `block${l}`;
      constant(`${p}/ln1/gamma`, [d], 1);
      constant(`${p}/ln1/beta`, [d], 0);
      normal(`${p}/attention/query`, [d, d]);
      normal(`${p}/attention/key`, [d, d]);
      normal(`${p}/attention/value`, [d, d]);
      normal(`${p}/attention/output`, [d, d], residualStd);
      constant(`${p}/ln2/gamma`, [d], 1);
      constant(`${p}/ln2/beta`, [d], 0);
      normal(`${p}/mlp/w1`, [d, dFF]);
      constant(`${p}/mlp/b1`, [dFF], 0);
      normal(`${p}/mlp/w2`, [dFF, d], residualStd);
      constant(`${p}/mlp/b2`, [d], 0);
    }
    constant('ln_final/gamma', [d], 1);
    constant('ln_final/beta', [d], 0);
    this.pointer = config.pointer
      ? new PointerHead(d, seed, (name, init) => this.add(name, init))
      : undefined;
    // 0 on and below the diagonal, -1e9 above: added to attention scores before the softmax.
    this.causalMask = tf.tidy(() => {
      const lower = tf.linalg.bandPart(tf.ones([seqLen, seqLen]), -1, 0);
      return tf.mul(tf.sub(1, lower), -1e9) as tf.Tensor2D;
    });
  }

  private add(name: string, init: tf.Tensor): tf.Variable {
    const variable = tf.variable(init, true, name);
    init.dispose();
    this.params.set(name, variable);
    return variable;
  }

  private p(name: string): tf.Variable {
    const v = this.params.get(name);
    if (!v) throw new Error(`missing parameter ${name}`);
    return v;
  }

  get parameterCount(): number {
    let n = 0;
    for (const v of this.params.values()) n += v.size;
    return n;
  }

  private layerNorm(x: tf.Tensor2D, prefix: string): tf.Tensor2D {
    const { mean, variance } = tf.moments(x, -1, true);
    const normed = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5)));
    return tf.add(tf.mul(normed, this.p(`${prefix}/gamma`)), this.p(`${prefix}/beta`));
  }

  private attention(x: tf.Tensor2D, batch: number, time: number, prefix: string): tf.Tensor2D {
    const { nHeads, dModel } = this.config;
    const dh = dModel / nHeads;
    const heads = (w: string) =>
      tf.transpose(tf.reshape(matMul(x, this.p(`${prefix}/${w}`)), [batch, time, nHeads, dh]), [0, 2, 1, 3]);
    const q = heads('query');
    const k = heads('key');
    const v = heads('value');
    const mask =
      time === this.config.seqLen ? this.causalMask : tf.slice(this.causalMask, [0, 0], [time, time]);
    const scores = tf.add(tf.mul(matMulTransposeB(q, k), 1 / Math.sqrt(dh)), mask);
    const mixed = matMul(tf.softmax(scores), v);
    const merged = tf.reshape(tf.transpose(mixed, [0, 2, 1, 3]), [batch * time, dModel]) as tf.Tensor2D;
    return matMul(merged, this.p(`${prefix}/output`));
  }

  /** Final hidden states `[batch × time, dModel]` for int32 token ids `[batch, time]`. Call inside `tf.tidy`. */
  hidden(ids: tf.Tensor2D, lengths?: tf.Tensor2D): tf.Tensor2D {
    return this.forward(ids, lengths).hidden;
  }

  /**
   * Final states and input embeddings for int32 token ids `[batch, time]` and, with `lengthBuckets`, their
   * int32 length buckets `[batch, time]`. Call inside `tf.tidy`.
   */
  forward(ids: tf.Tensor2D, lengths?: tf.Tensor2D): Forward {
    const [batch, time] = ids.shape;
    const { dModel, nLayers } = this.config;
    const flat = tf.reshape(ids, [batch * time]) as tf.Tensor1D;
    const tokens = gatherRows(this.p('token_embedding') as tf.Tensor as tf.Tensor2D, flat);
    const positions = tf.tile(tf.slice(this.p('position_embedding'), [0, 0], [time, dModel]), [batch, 1]);
    let x = tf.add(tokens, positions) as tf.Tensor2D;
    const lengthTable = this.params.get('length_embedding');
    if (lengthTable) {
      if (!lengths) throw new Error('this network embeds length buckets: pass them with the token ids');
      const flatLengths = tf.reshape(lengths, [batch * time]) as tf.Tensor1D;
      x = tf.add(x, gatherRows(lengthTable as tf.Tensor as tf.Tensor2D, flatLengths)) as tf.Tensor2D;
    }
    const embedded = tokens;
    for (let l = 0; l < nLayers; l++) {
      const p = `block${l}`;
      x = tf.add(x, this.attention(this.layerNorm(x, `${p}/ln1`), batch, time, `${p}/attention`));
      const h = tf.relu(
        tf.add(matMul(this.layerNorm(x, `${p}/ln2`), this.p(`${p}/mlp/w1`)), this.p(`${p}/mlp/b1`)),
      );
      x = tf.add(x, tf.add(matMul(h as tf.Tensor2D, this.p(`${p}/mlp/w2`)), this.p(`${p}/mlp/b2`)));
    }
    return { hidden: this.layerNorm(x, 'ln_final'), embedded };
  }

  /**
   * Next-token logits `[rows, vocab]` at the given flat positions (`b × time + t`) of `hidden`. Scoring only
   * the positions that matter (description tokens in training, the last token in generation) skips most of
   * the largest product, `hidden × embeddingᵀ`.
   */
  logitsAt(hidden: tf.Tensor2D, rows: tf.Tensor1D): tf.Tensor2D {
    return matMulTransposeB(gatherRows(hidden, rows), this.p('token_embedding'));
  }

  /**
   * The architecture as trainscope's `ModelDescription` (for `run.logModel`): one layer per parameterised part,
   * named like the parameters, so the layers' `params` add up to `parameterCount`.
   */
  modelDescription(): ModelDescription {
    const { dModel: d, nLayers, seqLen, vocabSize, nHeads, dFF } = this.config;
    const seq: readonly (number | null)[] = [null, seqLen, d];
    const size = (...names: string[]) => names.reduce((n, name) => n + (this.params.get(name)?.size ?? 0), 0);
    const layers: ModelLayerDescription[] = [
      { name: 'tokens', className: 'InputLayer', outputShape: [null, seqLen] },
      {
        name: 'token_embedding',
        className: 'Embedding',
        inputs: ['tokens'],
        outputShape: seq,
        params: size('token_embedding'),
      },
      {
        name: 'position_embedding',
        className: 'PositionEmbedding',
        inputs: ['token_embedding'],
        outputShape: seq,
        params: size('position_embedding'),
      },
    ];
    let x = 'position_embedding';
    if (this.params.has('length_embedding')) {
      layers.push(
        { name: 'length_buckets', className: 'InputLayer', outputShape: [null, seqLen] },
        {
          name: 'length_embedding',
          className: 'Embedding',
          inputs: ['length_buckets'],
          outputShape: seq,
          params: size('length_embedding'),
        },
        { name: 'embedding_sum', className: 'Add', inputs: [x, 'length_embedding'], outputShape: seq },
      );
      x = 'embedding_sum';
    }
    for (let l = 0; l < nLayers; l++) {
      const p = `block${l}`;
      const attention = ['query', 'key', 'value', 'output'].map((w) => `${p}/attention/${w}`);
      const mlp = ['w1', 'b1', 'w2', 'b2'].map((w) => `${p}/mlp/${w}`);
      layers.push(
        {
          name: `${p}/ln1`,
          className: 'LayerNormalization',
          inputs: [x],
          outputShape: seq,
          params: size(`${p}/ln1/gamma`, `${p}/ln1/beta`),
        },
        {
          name: `${p}/attention`,
          className: 'MultiHeadAttention',
          inputs: [`${p}/ln1`],
          outputShape: `(batch, ${seqLen}, ${d}) · ${nHeads} heads`,
          params: size(...attention),
        },
        { name: `${p}/residual1`, className: 'Add', inputs: [x, `${p}/attention`], outputShape: seq },
        {
          name: `${p}/ln2`,
          className: 'LayerNormalization',
          inputs: [`${p}/residual1`],
          outputShape: seq,
          params: size(`${p}/ln2/gamma`, `${p}/ln2/beta`),
        },
        {
          name: `${p}/mlp`,
          className: 'MLP',
          inputs: [`${p}/ln2`],
          outputShape: `(batch, ${seqLen}, ${dFF}) -> (batch, ${seqLen}, ${d})`,
          params: size(...mlp),
        },
        {
          name: `${p}/residual2`,
          className: 'Add',
          inputs: [`${p}/residual1`, `${p}/mlp`],
          outputShape: seq,
        },
      );
      x = `${p}/residual2`;
    }
    layers.push(
      {
        name: 'ln_final',
        className: 'LayerNormalization',
        inputs: [x],
        outputShape: seq,
        params: size('ln_final/gamma', 'ln_final/beta'),
      },
      // Tied to the token embedding: no parameters of its own.
      {
        name: 'logits',
        className: 'TiedEmbeddingOutput',
        inputs: ['ln_final', 'token_embedding'],
        outputShape: [null, seqLen, vocabSize],
        params: 0,
      },
    );
    if (this.pointer) {
      const pointerParams = [...this.params.keys()].filter((name) => name.startsWith('pointer/'));
      layers.push({
        name: 'pointer',
        className: 'PointerGeneratorHead',
        inputs: ['logits', 'ln_final', 'token_embedding', 'tokens'],
        outputShape: [null, seqLen, vocabSize],
        params: size(...pointerParams),
      });
    }
    return { name: 'DecoderTransformer', layers };
  }

  /** A readable summary of the architecture, logged once as text. */
  describe(): string {
    const c = this.config;
    const lines = [
      `DecoderTransformer (decoder-only, causal self-attention, pre-norm, tied output embedding${c.pointer ? ', pointer-generator copy head' : ''})`,
      `  vocab ${c.vocabSize} · length buckets ${c.lengthBuckets ?? 0} · context ${c.seqLen} · width ${c.dModel} · heads ${c.nHeads} · blocks ${c.nLayers} · mlp ${c.dFF}`,
      `  parameters: ${this.parameterCount.toLocaleString('en-US')}`,
      '',
      '| parameter | shape | count |',
      '| --- | --- | --- |',
    ];
    for (const [name, v] of this.params) lines.push(`| ${name} | [${v.shape.join(', ')}] | ${v.size} |`);
    return lines.join('\n');
  }

  dispose(): void {
    for (const v of this.params.values()) v.dispose();
    this.causalMask.dispose();
  }
}
