import type { WordPieceTokenizer } from './tokenizer.js';

/** Characters per length bucket. */
export const LENGTH_BUCKET_CHARS = 10;
/** Bucket 0 marks the prompt; buckets 1… count description characters written, the last one open-ended. */
export const LENGTH_BUCKETS = 18;

/**
 * How much of the description is written at each position, as a bucket the model embeds next to the token
 * and its position (length embeddings, as in Kikuchi et al. 2016). A transformer cannot count characters
 * from word tokens of varying length, so without this a greedy decoder ends descriptions where the average
 * one ends, a third of them under 120 characters; with it, the model learns from the data that a
 * description ends at a sentence end once it has about 130–155 characters.
 *
 * `tokens` is one sequence; positions before the last prompt token are bucket 0, the last prompt token (which
 * predicts the first description token) is bucket 1 (nothing written), and so on.
 */
export function writtenLengthBuckets(
  tokenizer: WordPieceTokenizer,
  tokens: ArrayLike<number>,
  promptLength: number,
  time: number,
): Int32Array {
  const out = new Int32Array(time);
  let chars = 0;
  for (let t = Math.max(0, promptLength - 1); t < time; t++) {
    if (t >= promptLength) chars += tokenizer.pieceLength(tokens[t] as number);
    out[t] = 1 + Math.min(Math.floor(chars / LENGTH_BUCKET_CHARS), LENGTH_BUCKETS - 2);
  }
  return out;
}
