import type { Logger } from './backend.js';
import { isRichValue, type MetricValue } from './values.js';

/**
 * Turns whatever the trainer logged into a value backends accept. Runs in the background drain.
 *
 * | logged value | outcome |
 * | --- | --- |
 * | number (incl. NaN, ±Infinity, -0) | kept as is |
 * | numeric string (`'0.5'`, `' 1e3 '`, `'NaN'`, `'Infinity'`) | converted to a number, warned once |
 * | other string | logged as text (`text(s)`), warned once |
 * | boolean | 1 / 0 |
 * | bigint | `Number(b)`, warned once when precision is lost |
 * | `null` / `undefined` | dropped, warned once |
 * | array / typed array | dropped, warned once (use `histogram(values)`) |
 * | `text()` / `histogram()` / `table()` value | passed through |
 * | plain object / class instance | flattened on the caller's thread into `key/field` tags (see {@link isFlattenable}) |
 * | function / symbol / anything else | dropped, warned once |
 *
 * Every warning names the first key it happened to; later occurrences are counted, not printed.
 */
export function sanitizeValue(value: unknown, tag: string, logger: Logger): MetricValue | undefined {
  switch (typeof value) {
    case 'number':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    case 'string': {
      const trimmed = value.trim();
      if (trimmed !== '') {
        const parsed = Number(trimmed);
        if (!Number.isNaN(parsed) || trimmed === 'NaN') {
          logger.warnOnce(
            'value-numeric-string',
            `metric ${quote(tag)} was logged as a string holding a number; converted to a number (log numbers to avoid the conversion)`,
          );
          return parsed;
        }
      }
      logger.warnOnce(
        'value-string',
        `metric ${quote(tag)} was logged as a non-numeric string; recorded as text (use text() to say so explicitly)`,
      );
      return { kind: 'text', text: value };
    }
    case 'bigint': {
      const converted = Number(value);
      if (BigInt(converted) !== value) {
        logger.warnOnce(
          'value-bigint',
          `metric ${quote(tag)} is a bigint that does not fit a double exactly; logged as the nearest number`,
        );
      }
      return converted;
    }
    case 'undefined':
      logger.warnOnce('value-nullish', `metric ${quote(tag)} was undefined; the value was not logged`);
      return undefined;
    case 'function':
      logger.warnOnce('value-function', `metric ${quote(tag)} is a function; the value was not logged`);
      return undefined;
    case 'symbol':
      logger.warnOnce('value-symbol', `metric ${quote(tag)} is a symbol; the value was not logged`);
      return undefined;
    default:
      break;
  }
  if (value === null) {
    logger.warnOnce('value-nullish', `metric ${quote(tag)} was null; the value was not logged`);
    return undefined;
  }
  if (isRichValue(value)) return value;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    logger.warnOnce(
      'value-array',
      `metric ${quote(tag)} is an array; arrays are not logged as scalars — log histogram(values) for a distribution`,
    );
    return undefined;
  }
  logger.warnOnce(
    'value-object',
    `metric ${quote(tag)} is an object trainscope cannot record (nested too deep or without fields); the value was not logged`,
  );
  return undefined;
}

/**
 * Objects that are expanded into `key/field` tags when logged: plain objects and class instances. Arrays,
 * typed arrays, rich values, `Map`/`Set`/`Date` and other built-ins are not.
 */
export function isFlattenable(value: object): boolean {
  if (Array.isArray(value) || ArrayBuffer.isView(value) || isRichValue(value)) return false;
  if (value instanceof Map || value instanceof Set || value instanceof Date || value instanceof Promise)
    return false;
  return true;
}

function quote(tag: string): string {
  return JSON.stringify(tag.length > 80 ? `${tag.slice(0, 80)}…` : tag);
}
