import { describe, expect, it } from 'vitest';
import { HistoryRecordEncoder } from '../../../../src/trackers/wandb/offline/history-record-encoder.js';
import { RecordMessage } from '../../../../src/trackers/wandb/offline/wandb-proto.js';

function generated(num: number, step: number, keys: string[], values: string[]): Buffer {
  return Buffer.from(
    RecordMessage.encode({
      num,
      history: {
        item: keys.map((key, i) => ({ key, value_json: values[i] as string })),
        step: step !== 0 ? { num: step } : {},
      },
    }).finish(),
  );
}

describe('HistoryRecordEncoder', () => {
  it('writes the same bytes as the protobufjs encoder', () => {
    const encoder = new HistoryRecordEncoder();
    const cases: [number, number, string[], string[]][] = [
      [1, 0, ['loss'], ['0.5']],
      [2, 1, ['train/loss', 'é/ключ', '_step'], ['NaN', '"текст 🙂"', '1']],
      [300, 2 ** 31 + 5, ['a'], ['1e-7']],
      [2 ** 40 + 3, 2 ** 52 - 1, [], []],
      [7, -1, ['neg'], ['-Infinity']],
      [9, 127, ['long'], [`"${'x'.repeat(70_000)}"`]],
      // A key whose length takes two varint bytes (its head is copied natively), a head of 63 bytes (the
      // last copied in JS), and items whose length is 127 and 128 bytes (one varint byte, then two).
      [11, 3, ['k'.repeat(130), 'h'.repeat(59)], ['1', '2']],
      [12, 4, ['a', 'b'], ['9'.repeat(121), '9'.repeat(122)]],
      [
        10,
        128,
        Array.from({ length: 300 }, (_, i) => `k${i}`),
        Array.from({ length: 300 }, (_, i) => String(i / 3)),
      ],
    ];
    for (const [num, step, keys, values] of cases) {
      const mine = Buffer.from(encoder.encode(num, step, keys, values));
      expect(mine.equals(generated(num, step, keys, values)), `num ${num} step ${step}`).toBe(true);
      const decoded = RecordMessage.toObject(RecordMessage.decode(mine), { longs: Number });
      expect(decoded.num).toBe(num);
    }
  });

  it('writes the same bytes for rows repeating the keys before them, and for the keys changing back and forth', () => {
    const encoder = new HistoryRecordEncoder();
    const keys = ['loss', 'gradient_norm', '_step'];
    const rows: [string[], string[]][] = [
      [keys, ['0.5', '1', '1']],
      [keys, ['0.25', '2', '2']],
      [
        ['loss', 'gradient_norm', '_step'],
        ['0.125', '3', '3'],
      ], // the same keys in another array
      [
        ['loss', 'ключ', '_step'],
        ['1', '"é"', '4'],
      ],
      [keys, ['0.0625', '5', '5']],
    ];
    rows.forEach(([rowKeys, values], i) => {
      const mine = Buffer.from(encoder.encode(i + 1, i + 1, rowKeys, values));
      expect(mine.equals(generated(i + 1, i + 1, rowKeys, values)), `row ${i}`).toBe(true);
    });
  });

  it('writes the keys a refilled keys array holds now, not the ones it held for the record before', () => {
    const encoder = new HistoryRecordEncoder();
    const keys = ['loss', 'acc'];
    encoder.encode(1, 1, keys, ['1', '2']);
    keys[1] = 'lr';
    const mine = Buffer.from(encoder.encode(2, 2, keys, ['3', '4']));
    expect(mine.equals(generated(2, 2, ['loss', 'lr'], ['3', '4']))).toBe(true);
  });

  it('takes the string lengths of values marked ASCII as their byte lengths', () => {
    const encoder = new HistoryRecordEncoder();
    const length = encoder.prepare(1, 1, ['loss', '_step'], ['0.5', '1'], true);
    const out = Buffer.alloc(length);
    encoder.writeInto(out, 0);
    expect(out.equals(generated(1, 1, ['loss', '_step'], ['0.5', '1']))).toBe(true);
  });
});
