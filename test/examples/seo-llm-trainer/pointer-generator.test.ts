import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../examples/seo-llm-trainer/corpus/seeded-random.js';
import {
  disposeBatch,
  encodeExample,
  makeBatch,
  promptText,
} from '../../../examples/seo-llm-trainer/model/examples.js';
import { LanguageModel } from '../../../examples/seo-llm-trainer/model/language-model.js';
import { LENGTH_BUCKETS } from '../../../examples/seo-llm-trainer/model/length-buckets.js';
import { WordPieceTokenizer } from '../../../examples/seo-llm-trainer/model/tokenizer.js';
import { DecoderTransformer } from '../../../examples/seo-llm-trainer/model/transformer.js';

const SEQ_LEN = 24;
const page = { keyword: 'trail shoes', title: 'Best Trail Shoes | RunNorth' };
const record = {
  id: 0,
  split: 'train' as const,
  ...page,
  description: 'Shop trail shoes at RunNorth today.',
};
const tokenizer = WordPieceTokenizer.fit(
  [promptText(page.keyword, page.title), ` ${record.description}`, ' Buy socks and shoes now.'],
  { minCount: 1 },
);
const network = new DecoderTransformer({
  vocabSize: tokenizer.size,
  seqLen: SEQ_LEN,
  dModel: 16,
  nHeads: 2,
  nLayers: 1,
  dFF: 32,
  seed: 5,
  pointer: true,
  lengthBuckets: LENGTH_BUCKETS,
});
const model = new LanguageModel(network, tokenizer);
const greedy = {
  maxTokens: 6,
  temperature: 0,
  rng: new SeededRandom(1),
  noRepeatNgram: 0,
  repetitionPenalty: 1,
};

/** p_gen = sigmoid(bias): +40 writes from the vocabulary only, −40 only copies. */
function setGate(bias: number): void {
  network.params.get('pointer/gate_bias')?.assign(tf.tensor1d([bias]));
}

afterAll(() => network.dispose());

describe('pointer-generator mixture', () => {
  it('with the gate fully open is the plain softmax cross entropy of the vocabulary logits', () => {
    setGate(40);
    const batch = makeBatch([encodeExample(tokenizer, record, SEQ_LEN)], SEQ_LEN);
    const result = model.evaluate(batch);
    const expected = tf.tidy(() => {
      const logits = network.logitsAt(network.hidden(batch.inputs, batch.lengths), batch.rows);
      return tf.losses.softmaxCrossEntropy(tf.oneHot(batch.labels, tokenizer.size), logits).dataSync()[0];
    });
    expect(result.tokens).toBe(batch.targetTokens);
    expect(result.lossSum / result.tokens).toBeCloseTo(expected as number, 4);
    disposeBatch(batch);
  });

  it('with the gate closed scores only copies: a label that is not in the prompt costs −log(1e-9)', () => {
    setGate(-40);
    // " at" and " today" are not prompt tokens; " trail", " shoes", " RunNorth" are.
    const batch = makeBatch([encodeExample(tokenizer, record, SEQ_LEN)], SEQ_LEN);
    const result = model.evaluate(batch);
    const prompt = new Set(tokenizer.encode(promptText(page.keyword, page.title)));
    const labels = Array.from(batch.labels.dataSync());
    const notCopyable = labels.filter((id) => !prompt.has(id)).length;
    expect(notCopyable).toBeGreaterThan(0);
    expect(notCopyable).toBeLessThan(labels.length);
    // Each uncopyable label costs ≈ 20.7 nats; each copyable one at most log(#sources) (uniform-ish attention).
    const mean = result.lossSum / result.tokens;
    expect(mean).toBeGreaterThan((notCopyable * 20) / labels.length);
    expect(mean).toBeLessThan((notCopyable * 21 + (labels.length - notCopyable) * 3) / labels.length);
    disposeBatch(batch);
  });

  it('generates only prompt words when the gate is closed, and not only them when it is open', () => {
    const pieces = (text: string) => text.match(/[A-Za-z0-9']+|[^A-Za-z0-9'\s]/g) ?? [];
    const inPrompt = new Set(pieces(promptText(page.keyword, page.title)));
    setGate(-40);
    const [copied = ''] = model.generate([page], greedy);
    expect(pieces(copied)).toHaveLength(greedy.maxTokens);
    expect(pieces(copied).filter((p) => !inPrompt.has(p))).toEqual([]);
    setGate(40);
    const [written = ''] = model.generate([page], greedy);
    expect(pieces(written).some((p) => !inPrompt.has(p))).toBe(true);
  });
});
