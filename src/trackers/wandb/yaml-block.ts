/**
 * A small YAML emitter for JSON data in block style, as W&B's `config.yaml` is written. It replaces the `yaml`
 * package, whose CommonJS build breaks ESM bundles (`Dynamic require of "process"`), and needs only what JSON
 * holds: null, booleans, finite numbers, strings, arrays and plain objects.
 *
 * Strings are written plain only when no YAML 1.1 or 1.2 reader can take them for anything else (a number,
 * boolean, null, date, anchor, comment…); every other string is double-quoted with JSON escapes, which are
 * valid YAML double-quoted escapes, so newlines and control characters survive.
 */

/** JSON data: what `JSON.parse` returns. */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

/** The document for a top-level mapping, ending in a newline (`{}` for an empty one). */
export function yamlDocument(mapping: Readonly<Record<string, YamlValue>>): string {
  const lines = blockLines(mapping as YamlValue, 0);
  return `${lines.join('\n')}\n`;
}

/** A scalar as YAML text: plain when unambiguous, else double-quoted. */
export function yamlScalar(value: null | boolean | number | string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

/** Words that YAML 1.1 (PyYAML) or 1.2 read as booleans or null. */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/**
 * Starts with a letter or underscore and holds only letters, digits, `_`, `-`, `.`, `/` and inner single
 * spaces: never a number, date, indicator or comment.
 */
const PLAIN = /^[A-Za-z_](?:[A-Za-z0-9_./-]| (?! ))*$/;

function isPlainSafe(text: string): boolean {
  return PLAIN.test(text) && !text.endsWith(' ') && !RESERVED.test(text);
}

function isMapping(value: YamlValue): value is { [key: string]: YamlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmptyContainer(value: YamlValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isMapping(value) && Object.keys(value).length === 0;
}

/** An inline form for scalars and empty containers; `undefined` for what needs its own block. */
function inline(value: YamlValue): string | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : undefined;
  if (isMapping(value)) return isEmptyContainer(value) ? '{}' : undefined;
  return yamlScalar(value);
}

/** The lines of a block collection at `indent` spaces (or the inline form for scalars and empty ones). */
function blockLines(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const simple = inline(value);
  if (simple !== undefined) return [`${pad}${simple}`];
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const itemInline = inline(item);
      if (itemInline !== undefined) {
        lines.push(`${pad}- ${itemInline}`);
        continue;
      }
      // A nested collection: its first line goes after the dash (`- a: 1`), the rest align under it.
      const nested = blockLines(item, indent + 2);
      lines.push(`${pad}- ${nested[0]!.slice(indent + 2)}`, ...nested.slice(1));
    }
    return lines;
  }
  for (const [key, item] of Object.entries(value as Record<string, YamlValue>)) {
    const keyText = yamlScalar(key);
    const itemInline = inline(item);
    if (itemInline !== undefined) lines.push(`${pad}${keyText}: ${itemInline}`);
    else lines.push(`${pad}${keyText}:`, ...blockLines(item, indent + 2));
  }
  return lines;
}
