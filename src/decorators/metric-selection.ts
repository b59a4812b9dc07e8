import { isRichValue } from '../core/values.js';

/** What a `@TrackMetrics` method returned, split into what can be logged and what cannot. */
export interface MetricSelection {
  /** The return value itself when every field is a metric, else a copy without the other fields. */
  readonly metrics: Readonly<Record<string, unknown>>;
  /** `key (type)` of each field left out, nested keys joined with `/`; empty when nothing was left out. */
  readonly skipped: readonly string[];
}

/**
 * Picks the metrics out of a method's return value: an object whose fields are numbers (also bigint and boolean,
 * which the core converts), rich values (`text`, `histogram`, `table`) or plain objects of those (logged as
 * `outer/inner`). Anything else in a field (strings, arrays, tensors, functions, null) is left out. Returns
 * `undefined` when `value` is not such an object or has no metric at all.
 */
export function selectMetrics(value: unknown): MetricSelection | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isRichValue(value))
    return undefined;
  const skipped: string[] = [];
  const metrics = selectFields(value as Record<string, unknown>, '', skipped);
  if (metrics === undefined) return undefined;
  return { metrics, skipped };
}

/** Returns `record` itself when every field is a metric, a filtered copy when some are, `undefined` when none. */
function selectFields(
  record: Record<string, unknown>,
  path: string,
  skipped: string[],
): Record<string, unknown> | undefined {
  const keys = Object.keys(record);
  let copy: Record<string, unknown> | undefined;
  let kept = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const field = record[key];
    let selected: unknown;
    if (isScalarMetric(field) || isRichValue(field)) selected = field;
    else if (isPlainObject(field)) selected = selectFields(field, `${path}${key}/`, skipped);
    else skipped.push(`${path}${key} (${describeType(field)})`);
    const unchanged = selected !== undefined && selected === field;
    if (!unchanged && copy === undefined) {
      // First field that is left out or filtered: continue into a copy holding the fields kept so far.
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j] as string] = record[keys[j] as string];
    }
    if (selected === undefined) continue;
    kept++;
    if (copy !== undefined) copy[key] = selected;
  }
  if (kept === 0) return undefined;
  return copy ?? record;
}

function isScalarMetric(value: unknown): boolean {
  const type = typeof value;
  return type === 'number' || type === 'bigint' || type === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A short type description for warnings: `string`, `Array`, `Tensor`, `null`. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'object') {
    const ctor = (value as { constructor?: unknown }).constructor;
    return typeof ctor === 'function' && ctor.name ? ctor.name : 'object';
  }
  return typeof value;
}
