import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WandbLogReader } from '../../../../src/trackers/wandb/offline/log-reader.js';
import { WandbLogWriter } from '../../../../src/trackers/wandb/offline/log-writer.js';
import { readWandbFile } from '../../../../src/trackers/wandb/offline/read-wandb-file.js';
import { encodeWandbRecord } from '../../../../src/trackers/wandb/offline/record-codec.js';
import type { WandbRecord } from '../../../../src/trackers/wandb/offline/wandb-record.js';
import { FIXTURES } from '../../../helpers/paths.js';

const WANDB_FIXTURES = join(FIXTURES, 'wandb');

interface FixtureRecord {
  _n: number;
  _offset: number;
  _len: number;
  _type: string;
  record: Record<string, unknown>;
}

interface FixtureChunks {
  size: number;
  padding: { offset: number; length: number; block: number }[];
  chunks: { offset: number; block: number; type: number; length: number; crc: string; record: number }[];
}

function wandbFileOf(name: string): string {
  const runDir = join(WANDB_FIXTURES, name, readdirSync(join(WANDB_FIXTURES, name))[0] as string);
  const file = readdirSync(runDir).find((f) => f.endsWith('.wandb'));
  return join(runDir, file as string);
}

const OPAQUE = new Set(['telemetry', 'artifact', 'metric']);

/** The fixture's protobuf JSON mapping, brought to `readWandbFile`'s conventions. */
function normalizeExpected(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeExpected(v, key));
  if (value === null || typeof value !== 'object') {
    if ((key === 'num' || key === 'starting_step') && typeof value === 'string') return Number(value);
    if ((key === 'start_time' || key === 'timestamp') && typeof value === 'string') {
      const ms = Date.parse(value);
      const fraction = /\.(\d+)Z$/.exec(value)?.[1] ?? '';
      const nanos = Number(fraction.padEnd(9, '0').slice(0, 9));
      return nanos === 0 ? { seconds: Math.floor(ms / 1000) } : { seconds: Math.floor(ms / 1000), nanos };
    }
    return value;
  }
  const out: Record<string, unknown> = {};
  const object = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(object)) {
    if (k === 'value' && 'value_json' in object) continue;
    out[k] = OPAQUE.has(k) ? 'opaque' : normalizeExpected(v, k);
  }
  return out;
}

function normalizeActual(record: WandbRecord): unknown {
  const copy = JSON.parse(
    JSON.stringify(record, (k, v: unknown) => (OPAQUE.has(k) && v !== undefined ? 'opaque' : v)),
  ) as Record<string, unknown>;
  delete copy.type;
  return copy;
}

const tmp = mkdtempSync(join(tmpdir(), 'wandb-fixture-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(['offline-basic', 'offline-multiblock'])('the official client file %s', (name) => {
  const expected = JSON.parse(
    readFileSync(join(WANDB_FIXTURES, `${name}.records.json`), 'utf8'),
  ) as FixtureRecord[];
  const chunks = JSON.parse(
    readFileSync(join(WANDB_FIXTURES, `${name}.chunks.json`), 'utf8'),
  ) as FixtureChunks;
  const path = wandbFileOf(name);

  it('decodes every record as W&B reader does', () => {
    const contents = readWandbFile(path);
    expect(contents.errors).toEqual([]);
    expect(contents.warnings).toEqual([]);
    expect(contents.records).toHaveLength(expected.length);
    for (let i = 0; i < expected.length; i++) {
      const want = expected[i] as FixtureRecord;
      const got = contents.records[i] as WandbRecord;
      expect(got.type, `record ${i}`).toBe(want._type);
      expect(contents.offsets[i], `offset of record ${i}`).toBe(want._offset);
      expect(normalizeActual(got), `record ${i}`).toEqual(normalizeExpected(want.record));
    }
  });

  it('finds the same chunk layout and padding', () => {
    const scan = WandbLogReader.readFile(path);
    expect(scan.chunks.map((c) => ({ ...c, crc: `0x${c.crc.toString(16).padStart(8, '0')}` }))).toEqual(
      chunks.chunks.map(({ offset, block, type, length, crc, record }) => ({
        offset,
        block,
        type,
        length,
        crc,
        record,
      })),
    );
    expect(scan.padding).toEqual(chunks.padding);
    expect(scan.records.map((r) => r.payload.length)).toEqual(expected.map((r) => r._len));
  });

  it('re-frames the same payloads into byte-identical files', async () => {
    const original = readFileSync(path);
    const scan = WandbLogReader.scan(original);
    const out = join(tmp, `${name}.wandb`);
    const writer = WandbLogWriter.create(out);
    for (const entry of scan.records) writer.append(entry.payload);
    await writer.close();
    const written = readFileSync(out);
    expect(written.length).toBe(chunks.size);
    expect(written.equals(original)).toBe(true);
  });

  it('re-encodes decoded records to the same payload bytes (for the schema subset)', () => {
    const scan = WandbLogReader.readFile(path);
    const contents = readWandbFile(path);
    let compared = 0;
    for (let i = 0; i < contents.records.length; i++) {
      const record = contents.records[i] as WandbRecord;
      const bytes = Buffer.from(encodeWandbRecord(record));
      expect(bytes.equals(scan.records[i]?.payload as Buffer), `record ${i} (${record.type})`).toBe(true);
      compared++;
    }
    expect(compared).toBe(expected.length);
  });
});
