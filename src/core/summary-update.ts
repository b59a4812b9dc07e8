import { isRichValue } from './values.js';
import { errorMessage } from './error-message.js';

/**
 * A value set with `run.summary.update()`: plain JSON data (numbers may be NaN or ±Infinity, as W&B keeps them).
 * Nested objects stay nested (W&B shows them as a dict in the summary).
 */
export type SummaryJson =
  | number
  | string
  | boolean
  | null
  | readonly SummaryJson[]
  | { readonly [key: string]: SummaryJson };

/**
 * What one `run.summary.update()` call hands to the backends, through `BackendSet.updateSummary`: plain,
 * structured-cloneable data (no functions, no class instances), so a backend may live on another thread.
 */
export interface SummaryUpdate {
  /** The keys set, in call order, with their values. A key set here stays until it is logged again. */
  readonly set: readonly { readonly key: string; readonly value: SummaryJson }[];
}

const MAX_DEPTH = 16;

/**
 * Copies `value` into frozen `SummaryJson`, or returns `undefined` with the reason when it is not JSON data:
 * functions, symbols, `undefined`, class instances, rich values (`text()`, `histogram()`, `table()`: log them)
 * and cycles. Bigints become numbers; `undefined` object fields are left out and become `null` in arrays.
 */
export function toSummaryJson(value: unknown): { value: SummaryJson } | { reason: string } {
  try {
    return { value: copy(value, 0, new Set()) };
  } catch (error) {
    return { reason: errorMessage(error) };
  }
}

function copy(value: unknown, depth: number, seen: Set<object>): SummaryJson {
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
    case 'object':
      if (value === null) return null;
      return copyObject(value, depth, seen);
    default:
      throw new TypeError(`a ${typeof value} is not JSON data`);
  }
}

function copyObject(value: object, depth: number, seen: Set<object>): SummaryJson {
  if (isRichValue(value)) throw new TypeError(`a ${value.kind} value belongs in log(), not in the summary`);
  if (depth >= MAX_DEPTH) throw new TypeError(`it is nested deeper than ${MAX_DEPTH} levels`);
  if (seen.has(value)) throw new TypeError('it contains a cycle');
  seen.add(value);
  let out: SummaryJson;
  if (Array.isArray(value)) {
    out = Object.freeze(value.map((item) => (item === undefined ? null : copy(item, depth + 1, seen))));
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`a ${value.constructor?.name ?? 'class'} instance is not JSON data`);
    }
    const fields: Record<string, SummaryJson> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field !== undefined) fields[key] = copy(field, depth + 1, seen);
    }
    out = Object.freeze(fields);
  }
  seen.delete(value);
  return out;
}
