/**
 * Title and meta-description templates of the SEO corpus. Slots in braces are filled by the generator:
 * `{kw}` keyword as written, `{Kw}` keyword in title case, `{brand}`, `{audience}`, `{f1}`–`{f3}` distinct
 * features, `{benefit}`, `{goal}`, `{offer}`, `{cta}`, `{proof}`, `{n}` list size, `{year}`.
 */

export const TITLE_TEMPLATES: readonly string[] = [
  'Best {Kw} of {year}: {n} Picks Tested | {brand}',
  '{Kw}: The Complete Guide for {Audience} | {brand}',
  'How to Choose {Kw} ({year} Guide) | {brand}',
  '{Kw} to {Benefit} | {brand}',
  '{n} {Kw} Tips Experts Swear By | {brand}',
  '{Kw} for {Audience}: Compare Top Options | {brand}',
  'Affordable {Kw} with {Offer} | {brand}',
  '{Kw} Reviews {year}: What Actually Works | {brand}',
];

/**
 * Meta descriptions. Every one contains `{kw}` as written and no feature twice: the data teaches the one
 * behaviour the SEO checks measure (the keyword carried over, no repeated phrases), with nothing to unlearn.
 */
export const DESCRIPTION_TEMPLATES: readonly string[] = [
  'Looking for {kw}? We compared {n} top options by {f1}, {f2} and {f3} so you can {goal}. {cta}.',
  'Discover {kw} made to {benefit}. {proof}. {cta} and enjoy {offer}.',
  'Our {year} guide to {kw} covers {f1}, {f2} and {f3}, plus expert tips to help you {goal}. {cta}.',
  '{brand} offers {kw} with great {f1} and {f2}. {proof}. {cta} with {offer}.',
  'Learn how to choose {kw}: compare {f1}, {f2} and {f3}, avoid common mistakes and {goal}. {cta}.',
  'Get {kw} from {brand}, built to {benefit}. Enjoy {offer}. {cta}.',
  'Need {kw}? {brand} helps {audience} {goal} with honest advice on {f1} and {f2}. {cta}.',
  'Compare the best {kw} for {audience} by {f1}, {f2} and {f3}. {proof}. {cta}.',
  '{cta}: {kw} built for {audience}, with top-rated {f1} and {f2}. {offer} at {brand}.',
  'Find {kw} you will love. We review {f1}, {f2} and {f3} to help {audience} {goal}. {cta}.',
  'Everything {audience} need to know about {kw}: {f1}, {f2} and {f3}, with picks chosen to {benefit}. {cta}.',
  'Want to {goal}? See our {n} favourite {kw} picks for {audience}, rated on {f1} and {f2}. {cta}.',
];

/** Short sentences appended when a description comes out too short for a search snippet. */
export const FILLERS: readonly string[] = [
  'Updated for {year}.',
  'No fluff, just results.',
  'Free expert advice.',
  'Fast, friendly support.',
  'Honest reviews only.',
];
