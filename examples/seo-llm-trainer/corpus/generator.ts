import { hasRepeatedBigram } from './description-quality.js';
import { type SeoRecord, isLengthOk } from './record.js';
import { SeededRandom } from './seeded-random.js';
import { DESCRIPTION_TEMPLATES, FILLERS, TITLE_TEMPLATES } from './templates.js';
import { CALLS_TO_ACTION, COUNTS, LIST_SIZES, NICHES, type Niche, PROOF_POINTS, YEAR } from './vocabulary.js';

export interface CorpusGeneratorOptions {
  readonly seed: number;
  /** Number of distinct records. */
  readonly size: number;
  /** Share of records held out for validation. */
  readonly validationShare: number;
  /**
   * Share of descriptions left as the template produced them, even outside 120–160 characters (0 by default:
   * the model should learn the snippet length, so the data shows it consistently).
   */
  readonly untunedShare: number;
}

export const DEFAULT_CORPUS_OPTIONS: CorpusGeneratorOptions = {
  seed: 1337,
  size: 4000,
  validationShare: 0.1,
  untunedShare: 0,
};

const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);
const MAX_TITLE_CHARS = 75;
/**
 * Tuned descriptions land in 130–155 characters, inside the 120–160 a search snippet shows, with a margin on
 * both sides: a model that writes roughly the typical length then still lands in the snippet window.
 */
const TARGET_MIN_CHARS = 130;
const TARGET_MAX_CHARS = 155;

export function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

function capitalize(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function fill(template: string, slots: Readonly<Record<string, string>>): string {
  let out = template;
  // Two passes: slot values (proof points) may contain slots themselves.
  for (let pass = 0; pass < 2; pass++) {
    out = out.replace(/\{(\w+)\}/g, (whole, key: string) => slots[key] ?? whole);
  }
  return out;
}

function slotsFor(rng: SeededRandom, niche: Niche, keyword: string): Record<string, string> {
  const [f1, f2, f3] = rng.sample(niche.features, 3);
  const audience = rng.pick(niche.audience);
  const benefit = rng.pick(niche.benefits);
  const offer = rng.pick(niche.offers);
  return {
    kw: keyword,
    Kw: titleCase(keyword),
    brand: rng.pick(niche.brands),
    audience,
    Audience: titleCase(audience),
    f1: f1 ?? 'quality',
    f2: f2 ?? 'price',
    f3: f3 ?? 'reviews',
    benefit,
    Benefit: titleCase(benefit),
    goal: rng.pick(niche.goals),
    offer,
    Offer: titleCase(offer),
    cta: rng.pick(CALLS_TO_ACTION),
    proof: rng.pick(PROOF_POINTS),
    n: rng.pick(LIST_SIZES),
    year: YEAR,
    count: rng.pick(COUNTS),
    months: String(3 + rng.int(10)),
  };
}

function makeTitle(rng: SeededRandom, slots: Readonly<Record<string, string>>): string {
  let title = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    title = fill(rng.pick(TITLE_TEMPLATES), slots);
    if (title.length <= MAX_TITLE_CHARS) break;
  }
  return title;
}

function makeDescription(
  rng: SeededRandom,
  niche: Niche,
  keyword: string,
  untuned: boolean,
): { description: string; slots: Record<string, string> } {
  let best: { description: string; slots: Record<string, string> } | undefined;
  for (let attempt = 0; attempt < 40; attempt++) {
    const slots = slotsFor(rng, niche, keyword);
    let description = capitalize(fill(rng.pick(DESCRIPTION_TEMPLATES), slots));
    if (untuned) return { description, slots };
    for (const filler of rng.sample(FILLERS, 2)) {
      if (description.length >= TARGET_MIN_CHARS) break;
      description = `${description} ${fill(filler, slots)}`;
    }
    if (hasRepeatedBigram(description)) continue;
    if (description.length >= TARGET_MIN_CHARS && description.length <= TARGET_MAX_CHARS) {
      return { description, slots };
    }
    // Fallbacks, rarely needed: the first draft in 120–160 characters, else the first draft at all.
    if (!best || (!isLengthOk(best.description) && isLengthOk(description))) best = { description, slots };
  }
  // 40 drafts that all repeat a word pair would mean broken templates, not bad luck.
  if (!best) throw new Error(`no description without a repeated word pair for "${keyword}" in 40 drafts`);
  return best;
}

/**
 * Generates the corpus: deterministic for given options (no clock, no Math.random), so the committed data
 * file can be recreated byte for byte.
 */
export function generateCorpus(options: CorpusGeneratorOptions = DEFAULT_CORPUS_OPTIONS): SeoRecord[] {
  const rng = new SeededRandom(options.seed);
  const seen = new Set<string>();
  const drafts: Omit<SeoRecord, 'id' | 'split'>[] = [];
  const maxAttempts = options.size * 20;
  for (let attempt = 0; drafts.length < options.size && attempt < maxAttempts; attempt++) {
    const niche = rng.pick(NICHES);
    const keyword = rng.pick(niche.keywords);
    const untuned = rng.next() < options.untunedShare;
    const { description, slots } = makeDescription(rng, niche, keyword, untuned);
    const title = makeTitle(rng, slots);
    const key = `${keyword}\u0000${title}\u0000${description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    drafts.push({ keyword, title, description });
  }
  const validationEvery = Math.max(2, Math.round(1 / options.validationShare));
  return drafts.map((draft, id) => ({
    id,
    split: id % validationEvery === validationEvery - 1 ? 'validation' : 'train',
    ...draft,
  }));
}

/** One JSON object per line, fields in a fixed order, `\n` line ends. */
export function toJsonLines(records: readonly SeoRecord[]): string {
  return records
    .map((r) =>
      JSON.stringify({
        id: r.id,
        split: r.split,
        keyword: r.keyword,
        title: r.title,
        description: r.description,
      }),
    )
    .join('\n')
    .concat('\n');
}
