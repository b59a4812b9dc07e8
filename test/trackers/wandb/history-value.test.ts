import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../../src/core/backend.js';
import { histogram, table, text } from '../../../src/core/values.js';
import {
  encodeMetricValue,
  histogramJson,
  historyLine,
  MAX_HISTOGRAM_BINS,
} from '../../../src/trackers/wandb/history-value.js';
import { buildTableFile, tableJson, tableKeyPath } from '../../../src/trackers/wandb/table-file.js';
import {
  parseWandbJson,
  stringifyWandbJson,
  wandbJsonNumber,
} from '../../../src/trackers/wandb/wandb-json.js';
import { WandbSummary } from '../../../src/trackers/wandb/wandb-summary.js';
import { HistoryRowEncoder } from '../../../src/trackers/wandb/history-row-encoder.js';

describe('W&B JSON', () => {
  it('writes non-finite numbers as Python tokens and parses them back', () => {
    const text = stringifyWandbJson({
      a: Number.NaN,
      b: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      c: 'NaN',
    });
    expect(text).toBe('{"a":NaN,"b":[Infinity,-Infinity],"c":"NaN"}');
    const back = parseWandbJson(text) as { a: number; b: number[]; c: string };
    expect(back.a).toBeNaN();
    expect(back.b).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(back.c).toBe('NaN');
  });

  it('matches JSON.stringify for finite data and skips undefined', () => {
    const value = { x: 1.5, s: 'é"\\', n: null, arr: [1, undefined, true], u: undefined, d: new Date(0) };
    expect(stringifyWandbJson(value)).toBe(JSON.stringify(value));
    expect(parseWandbJson('{"k": "Infinity and NaN", "v": -Infinity}')).toEqual({
      k: 'Infinity and NaN',
      v: Number.NEGATIVE_INFINITY,
    });
  });
});

describe('wandbJsonNumber', () => {
  it('writes every finite double as String(value): integers, floats of every magnitude, -0, the extremes', () => {
    const doubles = new Float64Array(1);
    const words = new Uint32Array(doubles.buffer);
    const checked: number[] = [
      0,
      -0,
      1,
      -1,
      2 ** 31,
      -(2 ** 31),
      2 ** 53,
      1e21,
      1e-7,
      5e-324,
      Number.MAX_VALUE,
      0.1,
    ];
    for (let i = 0; i < 20_000; i++) {
      words[0] = (Math.random() * 2 ** 32) >>> 0;
      words[1] = (Math.random() * 2 ** 32) >>> 0;
      if (Number.isFinite(doubles[0])) checked.push(doubles[0] as number);
      checked.push(1 / (i + 1), i * 0.37, -i * 1e-9, i);
    }
    for (const value of checked) expect(wandbJsonNumber(value)).toBe(String(value));
    expect([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map(wandbJsonNumber)).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
    ]);
  });

  it('spells integers of every length from their digits exactly as String(value)', () => {
    const checked: number[] = [];
    for (let digits = 1; digits <= 10; digits++) {
      const low = 10 ** (digits - 1);
      checked.push(low, low + 1, Math.min(10 * low - 1, 2 ** 31 - 1), low * 5 + 7);
      for (let i = 0; i < 200; i++) checked.push(Math.floor(low + Math.random() * 9 * low));
    }
    checked.push(...Array.from({ length: 1000 }, (_, i) => i), 2 ** 31 - 1, -7, -123456, -(2 ** 31));
    for (const value of checked) expect(wandbJsonNumber(value)).toBe(String(value));
  });
});

describe('WandbSummary', () => {
  it('ends as if every row had been set in turn: first-seen key order, the latest value of each key', () => {
    const rows: [string[], string[]][] = [
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      [
        ['a', 'b'],
        ['3', '4'],
      ],
      [
        ['b', 'c'],
        ['5', '6'],
      ],
      [
        ['b', 'c'],
        ['7', '8'],
      ],
      [
        ['a', 'b'],
        ['9', '10'],
      ],
    ];
    const held = new WandbSummary();
    const eager = new Map<string, string>();
    for (const [keys, values] of rows) {
      held.setAll(keys, values);
      for (let i = 0; i < keys.length; i++) eager.set(keys[i] as string, values[i] as string);
    }
    expect(held.keys()).toEqual([...eager.keys()]);
    expect(held.valuesJson()).toEqual([...eager.values()]);
    expect(held.line()).toBe('{"a":9,"b":10,"c":8}');
  });

  it('settles a held row before a single key is set, deleted or read', () => {
    const summary = new WandbSummary();
    summary.setAll(['x', 'y'], ['1', '2']);
    summary.set('z', '3');
    summary.setAll(['x', 'y'], ['4', '5']);
    expect(summary.get('x')).toBe('4');
    summary.setAll(['x', 'y'], ['6', '7']);
    summary.delete('y');
    expect(summary.keys()).toEqual(['x', 'z']);
    expect(summary.has('y')).toBe(false);
    expect(summary.size).toBe(2);
    expect(summary.close(12)).toContain('"x":6');
  });
});

describe('history values', () => {
  it('encodes numbers, text and histograms as W&B stores them', () => {
    expect(encodeMetricValue('a', 0, 0.25).json).toBe('0.25');
    expect(encodeMetricValue('a', 0, Number.NaN).json).toBe('NaN');
    expect(encodeMetricValue('a', 0, text('hé "x"')).json).toBe('"hé \\"x\\""');
    const h = histogram([1, 2, 2, 3], { bins: 2 });
    expect(JSON.parse(encodeMetricValue('h', 0, h).json)).toEqual({
      _type: 'histogram',
      values: [1, 3],
      bins: [1, 2, 3],
    });
  });

  it('merges histograms above 512 bins without losing counts', () => {
    const values = Array.from({ length: 2000 }, (_, i) => i);
    const h = histogram(values, { bins: 1000 });
    const parsed = JSON.parse(histogramJson(h)) as { values: number[]; bins: number[] };
    expect(parsed.values.length).toBeLessThanOrEqual(MAX_HISTOGRAM_BINS);
    expect(parsed.bins.length).toBe(parsed.values.length + 1);
    expect(parsed.values.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(parsed.bins[0]).toBe(0);
    expect(parsed.bins.at(-1)).toBe(1999);
  });

  it('builds the table file as the Python client does', () => {
    const t = table(
      ['op', 'calls', 'total_ms', 'share'],
      [
        ['forward', 10, 812.5, 0.61],
        ['backward', 10, 401.25, 0.3],
        ['optimizer.step', 10, 120.5, 0.09],
      ],
    );
    const expectedText =
      '{"columns": ["op", "calls", "total_ms", "share"], "data": [["forward", 10, 812.5, 0.61], ' +
      '["backward", 10, 401.25, 0.3], ["optimizer.step", 10, 120.5, 0.09]]}';
    expect(tableJson(t)).toBe(expectedText);
    const file = buildTableFile('profiling/bottlenecks', 10, t);
    const sha = createHash('sha256').update(expectedText).digest('hex');
    expect(file.sha256).toBe(sha);
    expect(file.path).toBe(`media/table/profiling/bottlenecks_10_${sha.slice(0, 20)}.table.json`);
    expect(file.bytes.toString('utf8')).toBe(expectedText);
    const encoded = encodeMetricValue('profiling/bottlenecks', 10, t);
    // Same key order as the fixture's history value.
    expect(encoded.json).toBe(
      `{"_type":"table-file","sha256":"${sha}","size":${expectedText.length},"path":"${file.path}","ncols":4,"nrows":3}`,
    );
    expect(encoded.tableFile?.path).toBe(file.path);
  });

  it('keeps table paths inside media/table', () => {
    expect(tableKeyPath('../../etc/passwd')).toBe('etc/passwd');
    expect(tableKeyPath('a b:c/d')).toBe('a_b_c/d');
    expect(tableKeyPath('//')).toBe('table');
  });
});

describe('history rows', () => {
  it('appends _timestamp, _runtime and _step after the user keys', () => {
    const row: MetricRow = {
      step: 7,
      time: 1_795_999_424_711.5,
      channel: 'history',
      keys: ['train/loss', '_step', 'note'],
      values: [Number.POSITIVE_INFINITY, 3, text('ok')],
    };
    const encoded = new HistoryRowEncoder(1_795_999_424_611.5).encode(row);
    expect(encoded.keys).toEqual(['train/loss', 'note', '_timestamp', '_runtime', '_step']);
    expect(encoded.valuesJson).toEqual(['Infinity', '"ok"', '1795999424.7115', '0.1', '7']);
    expect(encoded.reservedKeys).toEqual(['_step']);
    expect(historyLine(encoded)).toBe(
      '{"train/loss":Infinity,"note":"ok","_timestamp":1795999424.7115,"_runtime":0.1,"_step":7}',
    );
  });
});

describe('history rows with the keys of the row before', () => {
  const at = (step: number, keys: string[], values: MetricRow['values']): MetricRow => ({
    step,
    time: 1_795_999_424_711 + step,
    channel: 'history',
    keys,
    values,
  });

  it('share one keys array while the keys repeat, and get their own when they change', () => {
    const encoder = new HistoryRowEncoder(0);
    const firstKeys = encoder.encode(at(1, ['loss', 'acc'], [0.5, 1])).keys;
    const second = encoder.encode(at(2, ['loss', 'acc'], [0.25, 2]));
    expect(second.keys).toBe(firstKeys);
    expect(second.valuesJson).toEqual(['0.25', '2', '1795999424.713', '1795999424.713', '2']);
    const other = encoder.encode(at(3, ['loss', 'lr'], [0.125, 0.001]));
    expect(other.keys).toEqual(['loss', 'lr', '_timestamp', '_runtime', '_step']);
    expect(firstKeys).toEqual(['loss', 'acc', '_timestamp', '_runtime', '_step']);
  });

  it("keep a row's values until the row after next: the summary holds the last row's while the next is encoded", () => {
    const encoder = new HistoryRowEncoder(0);
    const first = encoder.encode(at(1, ['loss', 'acc', 'lr'], [0.5, 1, 0.1])).valuesJson;
    const firstText = [...first];
    const second = encoder.encode(at(2, ['loss'], [0.25])).valuesJson;
    expect(second).not.toBe(first);
    expect(first).toEqual(firstText);
    expect(second).toEqual(['0.25', '1795999424.713', '1795999424.713', '2']);
    // The third row takes the first row's array again, cut to its width.
    const third = encoder.encode(at(3, ['loss', 'acc'], [0.125, 3])).valuesJson;
    expect(third).toBe(first);
    expect(third).toEqual(['0.125', '3', '1795999424.714', '1795999424.714', '3']);
    expect(second).toEqual(['0.25', '1795999424.713', '1795999424.713', '2']);
  });

  it('compare the keys, not the array: a refilled keys array and reserved keys are encoded afresh', () => {
    const encoder = new HistoryRowEncoder(0);
    const keys = ['loss', 'acc'];
    encoder.encode(at(1, keys, [0.5, 1]));
    keys[1] = 'lr';
    expect(encoder.encode(at(2, keys, [0.25, 0.1])).keys).toEqual([
      'loss',
      'lr',
      '_timestamp',
      '_runtime',
      '_step',
    ]);
    const reserved = encoder.encode(at(3, ['loss', '_step'], [0.125, 9]));
    expect(reserved.keys).toEqual(['loss', '_timestamp', '_runtime', '_step']);
    expect(reserved.reservedKeys).toEqual(['_step']);
    expect(encoder.encode(at(4, ['loss', '_step'], [0.1, 9])).reservedKeys).toEqual(['_step']);
  });

  it('say whether every value is ASCII: a row of numbers is, a row with text is not', () => {
    const encoder = new HistoryRowEncoder(0);
    expect(encoder.encode(at(1, ['loss'], [0.5])).asciiValues).toBe(true);
    expect(encoder.encode(at(2, ['loss', 'note'], [0.5, text('été')])).asciiValues).toBe(false);
  });
});

describe('millisecondsAsSeconds', () => {
  it('gives the same text as String(ms / 1000)', async () => {
    const { millisecondsAsSeconds } = await import('../../../src/trackers/wandb/history-value.js');
    for (const ms of [
      0, 1, 10, 100, 999, 1000, 1001, 1010, 1100, 1_795_999_424_711, 1_795_999_424_710, 1_795_999_424_700, 5,
      12.5,
    ]) {
      expect(millisecondsAsSeconds(ms), String(ms)).toBe(String(ms / 1000));
    }
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(Math.random() * 2e12);
      expect(millisecondsAsSeconds(ms)).toBe(String(ms / 1000));
    }
  });
});
