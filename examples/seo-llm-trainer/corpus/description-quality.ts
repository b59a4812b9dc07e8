import { containsKeyword, isLengthOk } from './record.js';

/**
 * The SEO checks on generated meta descriptions, computed from the text alone: the same functions score the
 * corpus (the generator rejects drafts with a repeated phrase) and the model's output (validation metrics).
 */

/** Lower-cased words (letters, digits, apostrophes); punctuation separates words and is otherwise ignored. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}

/** Adjacent word pairs, `"price and"`, in order. */
export function wordBigrams(text: string): string[] {
  const w = words(text);
  const out: string[] = [];
  for (let i = 0; i + 1 < w.length; i++) out.push(`${w[i]} ${w[i + 1]}`);
  return out;
}

/** True when some word pair occurs twice: the usual symptom of a degenerate, looping description. */
export function hasRepeatedBigram(text: string): boolean {
  const seen = new Set<string>();
  for (const bigram of wordBigrams(text)) {
    if (seen.has(bigram)) return true;
    seen.add(bigram);
  }
  return false;
}

export interface DescriptionQuality {
  /** Share of descriptions that contain their page's keyword (case-insensitive). */
  readonly keyword_share: number;
  /** Share of descriptions with 120–160 characters. */
  readonly length_ok_share: number;
  /** Share of descriptions with a repeated word bigram. */
  readonly repetition: number;
  /** Distinct word bigrams / all word bigrams over all descriptions (distinct-2; 0 when there are none). */
  readonly distinct_2: number;
}

/** The four checks over a set of (generated description, keyword) pairs; all 0 for an empty set. */
export function descriptionQuality(
  samples: readonly { readonly generated: string; readonly keyword: string }[],
): DescriptionQuality {
  const n = samples.length;
  if (n === 0) return { keyword_share: 0, length_ok_share: 0, repetition: 0, distinct_2: 0 };
  const all = samples.flatMap((s) => wordBigrams(s.generated));
  const share = (test: (s: (typeof samples)[number]) => boolean) => samples.filter(test).length / n;
  return {
    keyword_share: share((s) => containsKeyword(s.generated, s.keyword)),
    length_ok_share: share((s) => isLengthOk(s.generated)),
    repetition: share((s) => hasRepeatedBigram(s.generated)),
    distinct_2: all.length === 0 ? 0 : new Set(all).size / all.length,
  };
}
