import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { CORPUS_PATH, loadCorpus } from '../../../examples/seo-llm-trainer/corpus/corpus-file.js';
import { generateCorpus, toJsonLines } from '../../../examples/seo-llm-trainer/corpus/generator.js';
import { hasRepeatedBigram } from '../../../examples/seo-llm-trainer/corpus/description-quality.js';
import { containsKeyword, isLengthOk } from '../../../examples/seo-llm-trainer/corpus/record.js';
import { disposeBatch, encodeExample, makeBatch } from '../../../examples/seo-llm-trainer/model/examples.js';
import { matMul } from '../../../examples/seo-llm-trainer/model/fast-matmul.js';
import { gatherRows } from '../../../examples/seo-llm-trainer/model/gather-rows.js';
import { learningRateAt } from '../../../examples/seo-llm-trainer/model/lr-schedule.js';
import { BOS, EOS, UNK, WordPieceTokenizer } from '../../../examples/seo-llm-trainer/model/tokenizer.js';
import { parseTrainerConfig } from '../../../examples/seo-llm-trainer/trainer-config.js';

describe('SEO corpus', () => {
  it('is recreated byte for byte by the committed generator', () => {
    expect(toJsonLines(generateCorpus())).toBe(readFileSync(CORPUS_PATH, 'utf8'));
  });

  it('has several thousand records, a validation split, and mostly snippet-length descriptions with the keyword', async () => {
    const { train, validation } = await loadCorpus();
    expect(train.length + validation.length).toBe(4000);
    expect(validation.length).toBe(400);
    const all = [...train, ...validation];
    // The data teaches what the SEO checks measure: every description in 120–160 characters, with its
    // keyword, and no word pair twice.
    expect(all.filter((r) => !isLengthOk(r.description))).toEqual([]);
    expect(all.filter((r) => !containsKeyword(r.description, r.keyword))).toEqual([]);
    expect(all.filter((r) => hasRepeatedBigram(r.description))).toEqual([]);
    expect(new Set(all.map((r) => `${r.keyword}|${r.title}|${r.description}`)).size).toBe(all.length);
  });
});

describe('WordPieceTokenizer', () => {
  const tokenizer = WordPieceTokenizer.fit(['Shop running shoes today.', 'Shop running socks today.'], {
    minCount: 2,
  });

  it('round-trips text, spelling unknown words character by character', () => {
    const text = 'Shop zebra-striped shoes today!';
    const ids = tokenizer.encode(text);
    expect(tokenizer.decode(ids)).toBe(text);
    expect(ids).toContain(tokenizer.vocabulary.indexOf(' z'));
    expect(ids).toContain(tokenizer.vocabulary.indexOf('e'));
    expect(ids).toContain(tokenizer.vocabulary.indexOf(' today'));
    expect(tokenizer.encode('Shop running today')).toHaveLength(3);
    expect(tokenizer.encode('é')).toEqual([UNK]);
  });

  it('stops decoding at <eos> and survives a JSON round trip', () => {
    const ids = [BOS, ...tokenizer.encode('Shop today'), EOS, ...tokenizer.encode(' ignored')];
    expect(tokenizer.decode(ids)).toBe('Shop today');
    const copy = WordPieceTokenizer.fromJSON(JSON.parse(JSON.stringify(tokenizer.toJSON())));
    expect(copy.encode('Shop running shoes')).toEqual(tokenizer.encode('Shop running shoes'));
  });
});

describe('training pieces', () => {
  it('scores only description tokens', () => {
    const tokenizer = WordPieceTokenizer.fit(['shoes | Best Shoes ->', ' Buy shoes now.'], { minCount: 1 });
    const record = {
      id: 0,
      split: 'train' as const,
      keyword: 'shoes',
      title: 'Best Shoes',
      description: 'Buy shoes now.',
    };
    const example = encodeExample(tokenizer, record, 16);
    const prompt = tokenizer.encode('shoes | Best Shoes ->');
    expect(example.promptLength).toBe(prompt.length + 1);
    const batch = makeBatch([example], 16);
    const target = [...tokenizer.encode(' Buy shoes now.'), EOS];
    expect(Array.from(batch.labels.dataSync())).toEqual(target);
    expect(Array.from(batch.rows.dataSync())).toEqual(target.map((_, i) => example.promptLength - 1 + i));
    disposeBatch(batch);
  });

  it('buckets the description characters written so far: 0 in the prompt, 1 + chars/10 from its last token', () => {
    const tokenizer = WordPieceTokenizer.fit(['a | b ->', ' Buy shoes now.'], { minCount: 1 });
    const record = {
      id: 0,
      split: 'train' as const,
      keyword: 'a',
      title: 'b',
      description: 'Buy shoes now.',
    };
    const example = encodeExample(tokenizer, record, 12);
    // <bos> " a" " |" " b" " -" ">" | " Buy" " shoes" " now" "." <eos>: 4, 10, 14, 15, 15 characters written.
    expect(example.promptLength).toBe(6);
    expect(Array.from(example.lengthBuckets.subarray(0, 11))).toEqual([0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2]);
  });

  it('gradients of matMul and gatherRows match tfjs’s own', () => {
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = tf.tensor2d([1, -1, 0.5, 2, -3, 1], [3, 2]);
    const ours = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(matMul(x, y))))([a, b]);
    const theirs = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x, y))))([a, b]);
    for (let i = 0; i < 2; i++) {
      expect(Array.from(ours[i]?.dataSync() ?? [])).toEqual(Array.from(theirs[i]?.dataSync() ?? []));
    }
    const table = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const idx = tf.tensor1d([2, 0, 2], 'int32');
    expect(Array.from(gatherRows(table, idx).dataSync())).toEqual([5, 6, 1, 2, 5, 6]);
    const g = tf.grad((t: tf.Tensor) => tf.sum(gatherRows(t as tf.Tensor2D, idx)))(table);
    expect(Array.from(g.dataSync())).toEqual([1, 1, 0, 0, 2, 2]);
  });

  it('warms up linearly, then decays along a cosine to the floor', () => {
    const s = { baseLearningRate: 1, warmupSteps: 10, totalSteps: 110, minRatio: 0.1 };
    expect(learningRateAt(0, s)).toBeCloseTo(0.1);
    expect(learningRateAt(9, s)).toBeCloseTo(1);
    expect(learningRateAt(60, s)).toBeCloseTo(0.55);
    expect(learningRateAt(110, s)).toBeCloseTo(0.1);
    expect(learningRateAt(500, s)).toBeCloseTo(0.1);
  });

  it('rejects a bad trainer config naming the field', () => {
    expect(() => parseTrainerConfig({ batch_size: 0 })).toThrow(/config\.batch_size/);
    expect(() => parseTrainerConfig({ optimizer: 'sgd' })).toThrow(/config\.optimizer: must be 'adamw'/);
    expect(parseTrainerConfig({}).learning_rate).toBe(3e-3);
  });
});
