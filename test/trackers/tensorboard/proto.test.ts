import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileVersionEvent,
  sessionStartEvent,
  summaryEvent,
} from '../../../src/trackers/tensorboard/event.js';
import { DataClass, DataType, decodeEvent, encodeEvent } from '../../../src/trackers/tensorboard/proto.js';
import { FIXTURES, hex } from '../../helpers/tensorboard.js';

interface FixtureEvent {
  wall_time: number;
  step: number;
  what: string;
  file_version?: string;
  values?: { tag: string; kind: string; simple_value: number | string }[];
}

const records = (
  JSON.parse(readFileSync(join(FIXTURES, 'scalars', 'records.json'), 'utf8')) as {
    records: { payload_hex: string; event: FixtureEvent }[];
  }
).records;

describe('protobuf field layout', () => {
  it('encodes every fixture event with protobufjs to the bytes tensorboardX wrote', () => {
    for (const { payload_hex, event } of records) {
      const message =
        event.what === 'file_version'
          ? { wallTime: event.wall_time, fileVersion: event.file_version }
          : summaryEvent(
              event.step,
              event.wall_time,
              (event.values ?? []).map((v) => ({ tag: v.tag, simpleValue: Number(v.simple_value) })),
            );
      expect(hex(encodeEvent(message))).toBe(payload_hex);
    }
  });

  it('lays out record 3 as the reference describes: wall_time, step, summary{value{tag, simple_value}}', () => {
    const bytes = encodeEvent(summaryEvent(1, 1767225600.5, [{ tag: 'train/loss', simpleValue: 0.5 }]));
    expect(hex(bytes)).toBe(
      `0900002040${'6e55da41'}1001${'2a130a110a0a'}${hex(Buffer.from('train/loss'))}150000003f`,
    );
  });

  it('leaves step 0 and wall_time 0 out (proto3 omits defaults)', () => {
    expect(hex(encodeEvent(summaryEvent(0, 0, [{ tag: 'a', simpleValue: 1 }])))).toBe(
      '2a0a0a080a0161150000803f',
    );
  });

  it('matches the Python-serialized new-style scalar (tensor + metadata) from the reference', () => {
    const bytes = encodeEvent({
      wallTime: 1767225600.5,
      step: 1,
      summary: {
        value: [
          {
            tag: 'loss',
            tensor: { dtype: DataType.DT_FLOAT, floatVal: [0.25] },
            metadata: { pluginData: { pluginName: 'scalars' } },
          },
        ],
      },
    });
    expect(hex(bytes)).toBe(
      `09000020406e55da4110012a1f0a1d0a04${hex(Buffer.from('loss'))}420808012a040000803e4a0b0a090a07${hex(Buffer.from('scalars'))}`,
    );
  });

  it('writes the first record as TensorBoard expects and a SessionLog START', () => {
    const first = decodeEvent(encodeEvent(fileVersionEvent(1796000221.5)));
    expect(first).toMatchObject({ wallTime: 1796000221.5, fileVersion: 'brain.Event:2' });
    expect(hex(encodeEvent(sessionStartEvent(7, 0)))).toBe('10073a020801');
    expect(decodeEvent(encodeEvent(sessionStartEvent(7, 2))).sessionLog).toEqual({ status: 1 });
  });

  it('round-trips metadata with data_class', () => {
    const event = summaryEvent(3, 1, [
      {
        tag: 'x',
        simpleValue: 2,
        metadata: { pluginData: { pluginName: 'scalars' }, dataClass: DataClass.SCALAR },
      },
    ]);
    const bytes = encodeEvent(event);
    // value: tag (0a), simple_value (15), metadata (4a) in field-number order; metadata: plugin_data (0a), data_class (20).
    expect(hex(bytes)).toContain(`0a017815000000404a0d0a090a07${hex(Buffer.from('scalars'))}2001`);
    expect(decodeEvent(bytes).summary?.value?.[0]?.metadata).toEqual({
      pluginData: { pluginName: 'scalars' },
      dataClass: DataClass.SCALAR,
    });
  });
});
