import type { SeededRandom } from '../corpus/seeded-random.js';

/** How the next token is chosen from the model's log-probabilities. */
export interface DecodingOptions {
  /** 0 = greedy. */
  readonly temperature: number;
  readonly rng: SeededRandom;
  /** Never complete an n-gram of tokens already written (0 or 1 = off); 2 bans every repeated token pair. */
  readonly noRepeatNgram: number;
  /** CTRL-style penalty (≥ 1; 1 = off) on the scores of tokens already written: they are multiplied by it. */
  readonly repetitionPenalty: number;
}

/**
 * Tokens that would complete an n-gram already in `written` (Hugging Face's `no_repeat_ngram_size`): greedy
 * decoding of a small model otherwise loops ("price and price and …").
 */
export function bannedTokens(written: readonly number[], n: number): Set<number> {
  const banned = new Set<number>();
  if (n < 2 || written.length < n - 1) return banned;
  const prefixStart = written.length - (n - 1);
  for (let i = 0; i + n - 1 < written.length; i++) {
    let same = true;
    for (let k = 0; k < n - 1 && same; k++) same = written[i + k] === written[prefixStart + k];
    if (same) banned.add(written[i + n - 1] as number);
  }
  return banned;
}

/**
 * The next token for one sequence: `logProbs` (length vocab) adjusted for repetition, then the best
 * (temperature 0) or a sample. `written` is what this sequence has generated so far (not the prompt).
 */
export function pickNextToken(
  logProbs: Float32Array,
  written: readonly number[],
  options: DecodingOptions,
): number {
  const scores = Float32Array.from(logProbs);
  if (options.repetitionPenalty > 1) {
    // Log-probabilities are ≤ 0, so multiplying by the penalty lowers them.
    for (const token of new Set(written))
      scores[token] = (scores[token] as number) * options.repetitionPenalty;
  }
  for (const token of bannedTokens(written, options.noRepeatNgram)) scores[token] = Number.NEGATIVE_INFINITY;
  let best = 0;
  for (let v = 1; v < scores.length; v++) if ((scores[v] as number) > (scores[best] as number)) best = v;
  if (options.temperature <= 0) return best;
  const max = scores[best] as number;
  let total = 0;
  const weights = new Float64Array(scores.length);
  for (let v = 0; v < scores.length; v++) {
    const w = Math.exp(((scores[v] as number) - max) / options.temperature);
    weights[v] = w;
    total += w;
  }
  let r = options.rng.next() * total;
  for (let v = 0; v < scores.length; v++) {
    r -= weights[v] as number;
    if (r <= 0) return v;
  }
  return best;
}
