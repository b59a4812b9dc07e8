import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MetricRow } from '../../../src/core/backend.js';
import { histogram, table, text } from '../../../src/core/values.js';
import {
  encodeHistoryRow,
  encodeMetricValue,
  histogramJson,
  historyLine,
  MAX_HISTOGRAM_BINS,
} from '../../../src/trackers/wandb/history-value.js';
import { buildTableFile, tableJson, tableKeyPath } from '../../../src/trackers/wandb/table-file.js';
import { parseWandbJson, stringifyWandbJson } from '../../../src/trackers/wandb/wandb-json.js';

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
    const encoded = encodeHistoryRow(row, 1_795_999_424_611.5);
    expect(encoded.keys).toEqual(['train/loss', 'note', '_timestamp', '_runtime', '_step']);
    expect(encoded.valuesJson).toEqual(['Infinity', '"ok"', '1795999424.7115', '0.1', '7']);
    expect(encoded.reservedKeys).toEqual(['_step']);
    expect(historyLine(encoded)).toBe(
      '{"train/loss":Infinity,"note":"ok","_timestamp":1795999424.7115,"_runtime":0.1,"_step":7}',
    );
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
