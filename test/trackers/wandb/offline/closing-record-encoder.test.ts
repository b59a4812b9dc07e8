import { describe, expect, it } from 'vitest';
import { encodeClosingRecord } from '../../../../src/trackers/wandb/offline/closing-record-encoder.js';
import { decodeWandbRecord } from '../../../../src/trackers/wandb/offline/record-codec.js';
import { closingRecords, summaryRecord } from '../../../../src/trackers/wandb/offline/run-records.js';
import type { WandbRecord } from '../../../../src/trackers/wandb/offline/wandb-record.js';
import { RecordMessage } from '../../../../src/trackers/wandb/offline/wandb-proto.js';

/** What protobufjs writes for the record (as `encodeWandbRecord` did for every record before the hand path). */
function generated(record: WandbRecord): string {
  const message: Record<string, unknown> = { num: record.num ?? 0 };
  message[record.type] = record[record.type as 'summary'] ?? {};
  return Buffer.from(RecordMessage.encode(RecordMessage.fromObject(message)).finish()).toString('hex');
}

function handWritten(record: WandbRecord): string {
  const bytes = encodeClosingRecord(record);
  expect(bytes, `${record.type} took the hand path`).toBeDefined();
  return Buffer.from(bytes as Uint8Array).toString('hex');
}

const NUMS = [0, 1, 127, 128, 300_001, 2 ** 31, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER];

describe('encodeClosingRecord', () => {
  it('writes the bytes protobufjs writes for summaries of any size and text', () => {
    const long = 'x'.repeat(200);
    const summaries: [string[], string[]][] = [
      [[], []],
      [['loss'], ['0.25']],
      [
        ['loss', 'gradient_norm', '_timestamp', '_runtime', '_step'],
        ['8.100051840331778e-6', '299999', '1796453551.123', '12.345', '299999'],
      ],
      [
        ['', 'système/ünïcode/日本語', long],
        ['""', '"日本語"', `"${long}"`],
      ],
      [['acc'], ['NaN']],
      [
        Array.from({ length: 600 }, (_, i) => `metric/${i}`),
        Array.from({ length: 600 }, (_, i) => String(i / 7)),
      ],
    ];
    let compared = 0;
    for (const [keys, values] of summaries) {
      for (const num of NUMS) {
        const record = { ...summaryRecord(keys, values), num };
        expect(handWritten(record), `${keys.length} keys, num ${num}`).toBe(generated(record));
        compared++;
      }
    }
    expect(compared).toBe(summaries.length * NUMS.length);
  });

  it('writes summary items with only a key or only a value as protobufjs does', () => {
    for (const update of [[{ key: 'k' }], [{ value_json: '1' }], [{}], [{ key: '', value_json: '' }]]) {
      const record: WandbRecord = { type: 'summary', num: 9, summary: { update } };
      expect(handWritten(record)).toBe(generated(record));
    }
  });

  it('writes exit, final and footer as protobufjs does, for every exit code and runtime tried', () => {
    for (const exitCode of [0, 1, 2, 130, 255, -1, 2 ** 31 - 1, 1.5]) {
      for (const runtime of [0, 0.4, 12.7, 86_400.5, 2 ** 31 + 5, -3.5]) {
        for (const num of NUMS) {
          const records = closingRecords(exitCode, runtime).map((r) => ({ ...r, num }));
          expect(records.map((r) => r.type)).toEqual(['exit', 'final', 'footer']);
          for (const record of records) {
            expect(handWritten(record), `${record.type} ${exitCode} ${runtime} ${num}`).toBe(
              generated(record),
            );
          }
        }
      }
    }
    const bare: WandbRecord = { type: 'exit', num: 4, exit: {} };
    expect(handWritten(bare)).toBe(generated(bare));
  });

  it('reads back through the decoder as the record it was', () => {
    const [exit] = closingRecords(3, 61.9).map((r) => ({ ...r, num: 12 }));
    expect(decodeWandbRecord(encodeClosingRecord(exit as WandbRecord) as Uint8Array)).toMatchObject({
      type: 'exit',
      num: 12,
      exit: { exit_code: 3, runtime: 61 },
    });
    const summary = { ...summaryRecord(['a', 'b'], ['1', '"x"']), num: 13 };
    expect(decodeWandbRecord(encodeClosingRecord(summary) as Uint8Array)).toMatchObject({
      type: 'summary',
      num: 13,
      summary: {
        update: [
          { key: 'a', value_json: '1' },
          { key: 'b', value_json: '"x"' },
        ],
      },
    });
  });

  it('leaves other shapes to protobufjs', () => {
    const others: WandbRecord[] = [
      { type: 'history', num: 1, history: { item: [] } },
      { type: 'summary', num: 1, summary: { remove: [{ key: 'a' }] } },
      { type: 'summary', num: 1, summary: { update: [{ nested_key: ['a', 'b'], value_json: '1' }] } },
      { type: 'final', num: 1, final: { _info: { stream_id: 's' } } },
      { type: 'footer', num: 1, footer: {}, control: { local: true } },
      { type: 'exit', num: -1, exit: {} },
      { type: 'exit', num: 1.5, exit: {} },
      { type: 'exit', num: 1, exit: {}, uuid: 'u' },
    ];
    for (const record of others) expect(encodeClosingRecord(record), JSON.stringify(record)).toBeUndefined();
  });
});
