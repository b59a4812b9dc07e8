import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  descriptionQuality,
  hasRepeatedBigram,
  wordBigrams,
} from '../../../examples/seo-llm-trainer/corpus/description-quality.js';
import { SeededRandom } from '../../../examples/seo-llm-trainer/corpus/seeded-random.js';
import { CopySources } from '../../../examples/seo-llm-trainer/model/copy-sources.js';
import { bannedTokens, pickNextToken } from '../../../examples/seo-llm-trainer/model/decoding.js';

const LOOPING = 'Compare the best running shoes by price and price and price. Shop now.';
// 129 characters, contains "running shoes", no word pair twice (23 pairs).
const GOOD =
  'Looking for running shoes? We compared 9 top options by grip, fit and weight so you can train smarter. Read the full guide today.';

describe('description quality checks', () => {
  it('splits words on punctuation, lower-cased, and finds repeated word pairs', () => {
    expect(wordBigrams('Buy shoes, buy SOCKS.')).toEqual(['buy shoes', 'shoes buy', 'buy socks']);
    expect(hasRepeatedBigram(LOOPING)).toBe(true); // "price and" / "and price" twice
    expect(hasRepeatedBigram(GOOD)).toBe(false);
    expect(hasRepeatedBigram('price, price')).toBe(false); // one pair only
    expect(hasRepeatedBigram('')).toBe(false);
  });

  it('computes keyword, length, repetition and distinct-2 from the text', () => {
    expect(GOOD.length).toBe(129);
    const quality = descriptionQuality([
      { keyword: 'running shoes', generated: GOOD },
      { keyword: 'Running Shoes', generated: LOOPING }, // keyword matched case-insensitively; 70 chars
      { keyword: 'trail socks', generated: 'Shop now. Shop now.' },
      { keyword: 'espresso machine', generated: '' },
    ]);
    expect(quality.keyword_share).toBe(0.5);
    expect(quality.length_ok_share).toBe(0.25);
    expect(quality.repetition).toBe(0.5);
    // Pairs: GOOD 23, all distinct; LOOPING 12, 10 distinct ("price and", "and price" twice); the third
    // "shop now", "now shop", "shop now": 3, of which "shop now" is already in LOOPING. 33 distinct of 38.
    expect(quality.distinct_2).toBeCloseTo(33 / 38, 10);
  });

  it('is all zeros for no descriptions', () => {
    expect(descriptionQuality([])).toEqual({
      keyword_share: 0,
      length_ok_share: 0,
      repetition: 0,
      distinct_2: 0,
    });
  });
});

describe('decoding against repetition', () => {
  const rng = new SeededRandom(1);

  it('bans the tokens that would repeat an n-gram already written', () => {
    expect([...bannedTokens([5, 6, 7, 5], 2)]).toEqual([6]);
    expect([...bannedTokens([5, 6, 5, 8, 5], 2)].sort()).toEqual([6, 8]);
    expect([...bannedTokens([5, 6, 7, 5, 6], 3)]).toEqual([7]);
    expect(bannedTokens([5, 6, 7, 5], 0).size).toBe(0);
    expect(bannedTokens([], 2).size).toBe(0);
  });

  it('takes the best allowed token, and penalises tokens already written', () => {
    const logProbs = Float32Array.from([-9, -1, -0.5, -1.25]);
    const greedy = { temperature: 0, rng, noRepeatNgram: 0, repetitionPenalty: 1 };
    expect(pickNextToken(logProbs, [1, 2, 1], greedy)).toBe(2);
    // "1 2" was written and the last token is 1: 2 would repeat the pair.
    expect(pickNextToken(logProbs, [1, 2, 1], { ...greedy, noRepeatNgram: 2 })).toBe(1);
    // 2 was written: -0.5 × 3 = -1.5 falls below token 1's -1.
    expect(pickNextToken(logProbs, [2], { ...greedy, repetitionPenalty: 3 })).toBe(1);
    expect(Array.from(logProbs)).toEqual([-9, -1, -0.5, -1.25]); // the caller's scores are left alone
  });
});

describe('CopySources', () => {
  // Two sequences of time 5; prompts (with <bos>) of 3 and 4 tokens.
  const tokens = Int32Array.from([1, 10, 11, 10, 0, 1, 12, 13, 14, 13]);
  const sources = new CopySources(tokens, 2, 5, [3, 4]);

  it('lets the pointer copy prompt tokens after <bos> only, and marks where the current token was seen', () => {
    const { sourceBias, tokenMatch } = sources.pointerInputs();
    expect(Array.from(sourceBias.dataSync())).toEqual([-1e9, 0, 0, -1e9, -1e9, -1e9, 0, 0, 0, -1e9]);
    const match = tokenMatch.arraySync() as number[][][];
    // Sequence 0, t = 3 (token 10): source 2 follows a 10 (position 1).
    expect(match[0]?.[3]).toEqual([0, 0, 1, 0, 0]);
    // Sequence 1, t = 4 (token 13): source 3 follows the 13 at position 2; position 4 is no source.
    expect(match[1]?.[4]).toEqual([0, 0, 0, 1, 0]);
    tf.dispose([sourceBias, tokenMatch]);
  });

  it('marks the sources holding each label, and pairs rows with source tokens for the mixture', () => {
    const rows = [2, 8]; // sequence 0 t = 2, sequence 1 t = 3
    const inSource = sources.labelInSource(rows, [10, 14]);
    expect(inSource.arraySync()).toEqual([
      [0, 1, 0, 0, 0],
      [0, 0, 0, 1, 0],
    ]);
    const pairs = sources.scatterIndices(rows).arraySync() as number[][];
    expect(pairs.slice(0, 5)).toEqual([
      [0, 1],
      [0, 10],
      [0, 11],
      [0, 10],
      [0, 0],
    ]);
    expect(pairs[7]).toEqual([1, 13]);
    tf.dispose([inSource]);
  });
});
