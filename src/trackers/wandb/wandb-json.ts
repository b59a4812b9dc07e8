/**
 * JSON as W&B's Python client writes it: standard JSON, except that non-finite floats are the bare tokens
 * `NaN`, `Infinity` and `-Infinity` (Python's `json.dumps` default). W&B's backend and `wandb sync` read these
 * tokens in history and summary values; `JSON.stringify` would turn them into `null`, losing the value.
 */

/** A value that `stringifyWandbJson` writes faithfully. */
export type WandbJsonValue =
  | number
  | string
  | boolean
  | null
  | readonly WandbJsonValue[]
  | { readonly [key: string]: WandbJsonValue };

/**
 * A number as a W&B JSON token: finite numbers as JSON, NaN/±Infinity as Python writes them.
 *
 * The text is `String(value)`'s (the shortest decimal that reads back as the same double), made without V8's
 * number-to-string cache: the cache keeps the last string of each of its (up to 16,384) slots alive, and a stream
 * of distinct numbers — steps, counters, losses — only ever misses it and refills it, so every scavenge of the
 * writer thread copied about 400 KB of stale number strings, most of what its scavenges copied. Integers are
 * spelled here from their digits; any other finite number goes through `JSON.stringify`, which writes the same
 * text as `String` (JSON serializes a finite number with ToString) and does not use the cache.
 */
export function wandbJsonNumber(value: number): string {
  if ((value | 0) === value && value >= 0) return digitsOf(value);
  if (Number.isFinite(value)) return JSON.stringify(value);
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

const DIGITS = '0123456789'.split('');
/** The digits of the integer being spelled, least significant first. */
const digitCodes = new Int32Array(10);

/** The decimal digits of an integer in [0, 2^31): one string built from character codes, no cache. */
function digitsOf(value: number): string {
  if (value < 10) return DIGITS[value] as string;
  const d = digitCodes;
  let n = 0;
  for (let v = value; v > 0; ) {
    const q = (v / 10) | 0;
    d[n++] = 48 + v - q * 10;
    v = q;
  }
  // One `fromCharCode` call per length: its arguments are the digits in reading order.
  switch (n) {
    case 2:
      return String.fromCharCode(d[1] as number, d[0] as number);
    case 3:
      return String.fromCharCode(d[2] as number, d[1] as number, d[0] as number);
    case 4:
      return String.fromCharCode(d[3] as number, d[2] as number, d[1] as number, d[0] as number);
    case 5:
      return String.fromCharCode(
        d[4] as number,
        d[3] as number,
        d[2] as number,
        d[1] as number,
        d[0] as number,
      );
    case 6:
      return String.fromCharCode(
        d[5] as number,
        d[4] as number,
        d[3] as number,
        d[2] as number,
        d[1] as number,
        d[0] as number,
      );
    default:
      // 7 to 10 digits: rare in history rows; still no cache.
      return JSON.stringify(value);
  }
}

// Every branch of `digitsOf` runs here, many times each (V8 allocates a function's type feedback only after some
// calls): its optimized code then has feedback for every digit count, so a counter that first reaches 100,000 or a
// million does not deoptimize it and every encoder it was inlined into (each a recompilation, 5-10 ms of CPU).
for (let round = 0; round < 64; round++) for (let v = round; v < 2 ** 31; v = v * 10 + 9) digitsOf(v);

/**
 * Serializes plain JSON-compatible data (as `JSON.stringify`, compact) writing non-finite numbers as W&B tokens.
 * `undefined`, functions and symbols inside objects are skipped and become `null` inside arrays, as in
 * `JSON.stringify`; bigints are written as integers; `toJSON()` is honoured (dates become strings).
 */
export function stringifyWandbJson(value: unknown): string {
  return write(value, 0) ?? 'null';
}

const MAX_DEPTH = 256;

function write(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case 'number':
      return wandbJsonNumber(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (depth >= MAX_DEPTH) throw new TypeError(`value nested deeper than ${MAX_DEPTH} levels (a cycle?)`);
  const withToJson = value as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') {
    return write((withToJson.toJSON as () => unknown).call(value), depth + 1);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += write(value[i], depth + 1) ?? 'null';
    }
    return `${out}]`;
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return write(Array.from(value as unknown as ArrayLike<number>), depth + 1);
  }
  if (value instanceof Map) {
    return write(Object.fromEntries(value as Map<string, unknown>), depth + 1);
  }
  let out = '{';
  let first = true;
  for (const key of Object.keys(value as object)) {
    const encoded = write((value as Record<string, unknown>)[key], depth + 1);
    if (encoded === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${encoded}`;
  }
  return `${out}}`;
}

// Placeholders that stand in for the non-JSON tokens while `JSON.parse` runs: strings that begin with two
// control characters, which real values do not contain (JSON text would have to spell them `\u0000\u0001`).
const NAN_MARK = '\u0000\u0001NaN';
const POS_INF_MARK = '\u0000\u0001Infinity';
const NEG_INF_MARK = '\u0000\u0001-Infinity';

/**
 * Parses W&B JSON text (accepts `NaN`, `Infinity`, `-Infinity` outside strings). Throws `SyntaxError` on bad input.
 */
export function parseWandbJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error;
  }
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    let token: string | undefined;
    let mark = '';
    if (text.startsWith('NaN', i)) {
      token = 'NaN';
      mark = NAN_MARK;
    } else if (text.startsWith('Infinity', i)) {
      token = 'Infinity';
      mark = POS_INF_MARK;
    } else if (text.startsWith('-Infinity', i)) {
      token = '-Infinity';
      mark = NEG_INF_MARK;
    }
    if (token !== undefined) {
      out += `${text.slice(last, i)}"${JSON.stringify(mark).slice(1, -1)}"`;
      i += token.length - 1;
      last = i + 1;
    }
  }
  out += text.slice(last);
  return JSON.parse(out, (_key, v: unknown) => {
    if (v === NAN_MARK) return Number.NaN;
    if (v === POS_INF_MARK) return Number.POSITIVE_INFINITY;
    if (v === NEG_INF_MARK) return Number.NEGATIVE_INFINITY;
    return v;
  });
}
