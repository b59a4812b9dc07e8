/** One example of the SEO corpus: what a page is about, its title, and the meta description to learn. */
export interface SeoRecord {
  readonly id: number;
  readonly split: 'train' | 'validation';
  readonly keyword: string;
  readonly title: string;
  readonly description: string;
}

/** The shortest and longest meta description search engines show in full. */
export const DESCRIPTION_MIN_CHARS = 120;
export const DESCRIPTION_MAX_CHARS = 160;

export function isLengthOk(description: string): boolean {
  return description.length >= DESCRIPTION_MIN_CHARS && description.length <= DESCRIPTION_MAX_CHARS;
}

export function containsKeyword(description: string, keyword: string): boolean {
  return description.toLowerCase().includes(keyword.toLowerCase());
}
