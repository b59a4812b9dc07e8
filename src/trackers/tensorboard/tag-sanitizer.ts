import type { Logger } from '../../core/backend.js';

/** Characters TensorBoard allows in a tag (its `_clean_tag`: `[^-/\w.]` becomes `_`, leading `/` dropped). */
const INVALID_TAG_CHARACTERS = /[^-/\p{L}\p{N}_.]/gu;

export function sanitizeTag(tag: string): string {
  let clean = tag.replace(INVALID_TAG_CHARACTERS, '_');
  while (clean.startsWith('/')) clean = clean.slice(1);
  return clean.length > 0 ? clean : '_';
}

/** Sanitizes tags and warns once per renamed tag, showing the rename. */
export class TagSanitizer {
  constructor(private readonly logger: Logger) {}

  sanitize(tag: string): string {
    const clean = sanitizeTag(tag);
    if (clean !== tag) {
      this.logger.warnOnce(
        `tensorboard.tag-renamed.${tag}`,
        `TensorBoard: tag ${JSON.stringify(tag)} has characters TensorBoard does not allow; written as ${JSON.stringify(clean)}`,
      );
    }
    return clean;
  }
}
