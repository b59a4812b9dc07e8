import type { Run } from '../../src/core/run.js';
import { TrackMetrics } from '../../src/decorators/index.js';

/**
 * The bad-input corpus: what trainers actually pass to `log()` and decorated methods, and what trainscope
 * promises to do with each. `docs/reliability.md` has this table in prose; `bad-input.test.ts` asserts every
 * row in both backends' output (TensorBoard read back with `inspectLogDir`, W&B offline with `readWandbFile`).
 */
export type Outcome = 'written' | 'sanitized' | 'dropped';

/** One value expected (or expected absent) in the output. */
export interface ExpectedPoint {
  readonly step: number;
  /** TensorBoard tag (after TensorBoard's character rules) and W&B key; `null`: nowhere in that backend. */
  readonly tbTag: string | null;
  readonly wandbKey: string | null;
  /** A number (NaN, ±Infinity and -0 compared with Object.is), `text` for a text value. */
  readonly value: number | 'text';
  /** The value W&B holds when it differs (JSON has no -0). */
  readonly wandbValue?: number;
}

export interface BadInputCase {
  readonly name: string;
  readonly outcome: Outcome;
  /** The first step the case uses; each case has its own range of 10 steps. */
  readonly step: number;
  /** What the trainer does (must not throw unless `throws` says so). */
  apply(run: Run): void | Promise<void>;
  readonly expected: readonly ExpectedPoint[];
  /** Keys (W&B) that must not appear at all. */
  readonly absent?: readonly string[];
  /** The one-time warning the case produces. */
  readonly warning?: RegExp;
  /** The error the trainer sees: its own, passed through unchanged. */
  readonly throws?: RegExp;
}

const LONG_KEY = 'k'.repeat(10_000);
const TEN_MB = 10 * 1024 * 1024;

class Trainer {
  @TrackMetrics({ prefix: 'deco' })
  throwing(): Record<string, number> {
    throw new Error('trainer bug: step failed');
  }

  @TrackMetrics({ prefix: 'deco' })
  async rejecting(): Promise<Record<string, number>> {
    throw new Error('trainer bug: async step failed');
  }

  @TrackMetrics({ prefix: 'deco' })
  returnsString(): unknown {
    return 'not metrics';
  }

  @TrackMetrics({ prefix: 'deco' })
  returnsArray(): unknown {
    return [1, 2, 3];
  }

  @TrackMetrics({ prefix: 'deco' })
  returnsNothing(): unknown {
    return undefined;
  }

  @TrackMetrics({ prefix: 'deco' })
  returnsMixed(): unknown {
    return { ok: 1, bad: null };
  }
}

const trainer = new Trainer();

let next = 10;
function at(): number {
  const step = next;
  next += 10;
  return step;
}

function scalar(step: number, key: string, value: number, tbTag = key): ExpectedPoint {
  return { step, tbTag, wandbKey: key, value };
}

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  ((s) => ({
    name: 'NaN',
    outcome: 'written',
    step: s,
    apply: (run) => run.log({ nan: Number.NaN }, { step: s }),
    expected: [scalar(s, 'nan', Number.NaN)],
  }))(at()),
  ((s) => ({
    name: '±Infinity',
    outcome: 'written',
    step: s,
    apply: (run) => run.log({ pinf: Number.POSITIVE_INFINITY, ninf: Number.NEGATIVE_INFINITY }, { step: s }),
    expected: [scalar(s, 'pinf', Number.POSITIVE_INFINITY), scalar(s, 'ninf', Number.NEGATIVE_INFINITY)],
  }))(at()),
  ((s) => ({
    name: '-0',
    outcome: 'written',
    step: s,
    apply: (run) => run.log({ negzero: -0 }, { step: s }),
    expected: [{ ...scalar(s, 'negzero', -0), wandbValue: 0 }],
  }))(at()),
  ((s) => ({
    name: 'numbers as strings',
    outcome: 'sanitized',
    step: s,
    apply: (run) => run.log({ numstr: '0.25', nanstr: 'NaN' }, { step: s }),
    expected: [scalar(s, 'numstr', 0.25), scalar(s, 'nanstr', Number.NaN)],
    warning: /"numstr" was logged as a string holding a number; converted/,
  }))(at()),
  ((s) => ({
    name: 'non-numeric string',
    outcome: 'sanitized',
    step: s,
    apply: (run) => run.log({ words: 'hello' }, { step: s }),
    expected: [{ step: s, tbTag: 'words', wandbKey: 'words', value: 'text' }],
    warning: /"words" was logged as a non-numeric string; recorded as text/,
  }))(at()),
  ((s) => ({
    name: 'bigint',
    outcome: 'sanitized',
    step: s,
    apply: (run) => run.log({ small: 12n, huge: 2n ** 70n + 1n }, { step: s }),
    expected: [scalar(s, 'small', 12), scalar(s, 'huge', 2 ** 70)],
    warning: /"huge" is a bigint that does not fit a double exactly/,
  }))(at()),
  ((s) => ({
    name: 'null / undefined',
    outcome: 'dropped',
    step: s,
    apply: (run) => run.log({ nul: null, undef: undefined, kept: 1 }, { step: s }),
    expected: [scalar(s, 'kept', 1)],
    absent: ['nul', 'undef'],
    warning: /"nul" was null; the value was not logged/,
  }))(at()),
  ((s) => ({
    name: 'nested objects',
    outcome: 'sanitized',
    step: s,
    apply: (run) => run.log({ nested: { a: 1, b: { c: 2 } } }, { step: s }),
    expected: [scalar(s, 'nested/a', 1), scalar(s, 'nested/b/c', 2)],
  }))(at()),
  ((s) => ({
    name: 'arrays',
    outcome: 'dropped',
    step: s,
    apply: (run) => run.log({ arr: [1, 2, 3], typed: new Float32Array(2), kept2: 2 }, { step: s }),
    expected: [scalar(s, 'kept2', 2)],
    absent: ['arr', 'typed'],
    warning: /"arr" is an array; arrays are not logged as scalars/,
  }))(at()),
  ((s) => ({
    name: 'tag of 10,000 characters',
    outcome: 'sanitized',
    step: s,
    apply: (run) => run.log({ [LONG_KEY]: 5 }, { step: s }),
    expected: [scalar(s, LONG_KEY.slice(0, 1024), 5)],
    absent: [LONG_KEY],
    warning: /longer than 1024 characters/,
  }))(at()),
  ((s) => ({
    name: 'unicode tags',
    outcome: 'written',
    step: s,
    apply: (run) => run.log({ '損失/λ': 6, 'ümlaut-é': 7 }, { step: s }),
    expected: [scalar(s, '損失/λ', 6), scalar(s, 'ümlaut-é', 7)],
  }))(at()),
  ((s) => ({
    name: 'emoji and spaces in tags (TensorBoard renames)',
    outcome: 'sanitized',
    step: s,
    apply: (run) => run.log({ 'fire 🔥': 8 }, { step: s }),
    expected: [scalar(s, 'fire 🔥', 8, 'fire__')],
    warning: /TensorBoard: tag "fire 🔥" has characters TensorBoard does not allow; written as "fire__"/,
  }))(at()),
  ((s) => ({
    name: 'control characters in tags',
    outcome: 'sanitized',
    step: s,
    apply: (run) => run.log({ 'ctl\u0001\nkey\u007f': 9 }, { step: s }),
    expected: [scalar(s, 'ctlkey', 9)],
    absent: ['ctl\u0001\nkey\u007f'],
    warning: /control characters/,
  }))(at()),
  ((s) => ({
    name: 'empty tags',
    outcome: 'dropped',
    step: s,
    apply: (run) => run.log({ '': 1, '\u0001': 2, kept3: 3 }, { step: s }),
    expected: [scalar(s, 'kept3', 3)],
    absent: [''],
    warning: /a metric with an empty key was dropped/,
  }))(at()),
  ((s) => ({
    name: 'duplicate keys across prefixes (same step: the later call wins in W&B, both points in TensorBoard)',
    outcome: 'written',
    step: s,
    apply: (run) => {
      run.log({ a: 1 }, { prefix: 'dup', step: s });
      run.log({ 'dup/a': 2 }, { step: s });
    },
    expected: [scalar(s, 'dup/a', 2)],
    warning: /step 1\d0 of "dup\/a" is not after its previous step/,
  }))(at()),
  ((s) => ({
    name: 'steps going backwards',
    outcome: 'written',
    step: s,
    apply: (run) => {
      run.log({ back: 1 }, { step: s + 5 });
      run.log({ back: 2 }, { step: s + 1 });
    },
    expected: [scalar(s + 5, 'back', 1), { step: s + 1, tbTag: 'back', wandbKey: null, value: 2 }],
    warning: /W&B accepts only increasing steps: a row at step \d+ \(keys back\)/,
  }))(at()),
  ((s) => ({
    name: 'non-integer step',
    outcome: 'sanitized',
    step: s,
    apply: (run) => run.log({ frac: 1 }, { step: s + 2.7 }),
    expected: [scalar(s + 2, 'frac', 1)],
    warning: /fractional step \(\d+\.7\); steps are integers, it was floored/,
  }))(at()),
  ((s) => ({
    name: 'negative step',
    outcome: 'sanitized',
    step: s,
    apply: (run) => {
      run.setStep(s);
      run.log({ neg_step: 1 }, { step: -3 });
    },
    expected: [scalar(s, 'neg_step', 1)],
    warning: /invalid step \(-3\); steps are non-negative integers, the current step \d+ was used/,
  }))(at()),
  ((s) => ({
    name: '10 MB text value',
    outcome: 'written',
    step: s,
    apply: (run) => run.log({ huge_text: 'x'.repeat(TEN_MB) }, { step: s }),
    expected: [{ step: s, tbTag: 'huge_text', wandbKey: 'huge_text', value: 'text' }],
  }))(at()),
  ((s) => ({
    name: 'decorated method that throws',
    outcome: 'dropped',
    step: s,
    apply: (run) => {
      run.setStep(s);
      trainer.throwing();
    },
    expected: [],
    throws: /trainer bug: step failed/,
  }))(at()),
  ((s) => ({
    name: 'decorated method that returns a rejected promise',
    outcome: 'dropped',
    step: s,
    apply: async (run) => {
      run.setStep(s);
      await trainer.rejecting();
    },
    expected: [],
    throws: /trainer bug: async step failed/,
  }))(at()),
  ((s) => ({
    name: 'decorated methods that return non-metric values',
    outcome: 'dropped',
    step: s,
    apply: (run) => {
      run.setStep(s);
      trainer.returnsString();
      trainer.returnsArray();
      trainer.returnsNothing();
    },
    expected: [],
    absent: ['deco'],
    warning:
      /@TrackMetrics Trainer\.returnsString returned string, not an object of metrics, so nothing was logged/,
  }))(at()),
  ((s) => ({
    name: 'decorated method returning a mix of metrics and nulls',
    outcome: 'sanitized',
    step: s,
    apply: (run) => {
      run.setStep(s);
      trainer.returnsMixed();
    },
    expected: [scalar(s, 'deco/ok', 1)],
    absent: ['deco/bad'],
    warning:
      /@TrackMetrics Trainer\.returnsMixed returned fields that are not metrics and are not logged: bad \(null\)/,
  }))(at()),
];

/** Config files that must fail with `ConfigFileError` naming the problem, never a crash or a silent default. */
export const BAD_CONFIG_FILES: readonly { name: string; text: string; message: RegExp }[] = [
  { name: 'not JSON', text: '{ project: "x", }', message: /not valid JSON/ },
  { name: 'an array', text: '[1, 2]', message: /must hold a JSON object/ },
  {
    name: 'wrong type',
    text: '{"project": "p", "logging": {"interval": "ten"}}',
    message: /logging\.interval/,
  },
  {
    name: 'out of range',
    text: '{"project": "p", "logging": {"queueCapacity": 1}}',
    message: /queueCapacity/,
  },
  { name: 'bad enum', text: '{"project": "p", "wandb": {"mode": "sometimes"}}', message: /wandb\.mode/ },
  { name: 'empty file', text: '', message: /not valid JSON/ },
  { name: 'control character in the project', text: '{"project": "a\\u0001b"}', message: /project/ },
  {
    name: 'bad base URL',
    text: '{"project": "p", "wandb": {"baseUrl": "ftp://x"}}',
    message: /wandb\.baseUrl/,
  },
];
