import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chunkCrc,
  chunkCrcRange,
  crc32Range,
  tableCrc32,
} from '../../../../src/trackers/wandb/offline/crc32.js';
import { HistoryRecordEncoder } from '../../../../src/trackers/wandb/offline/history-record-encoder.js';
import { BLOCK_SIZE } from '../../../../src/trackers/wandb/offline/log-format.js';
import { WandbLogFramer } from '../../../../src/trackers/wandb/offline/log-framer.js';
import { WandbLogReader } from '../../../../src/trackers/wandb/offline/log-reader.js';
import { WandbLogWriter } from '../../../../src/trackers/wandb/offline/log-writer.js';

const tmp = mkdtempSync(join(tmpdir(), 'wandb-framing-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function payload(length: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

async function writeFile(name: string, payloads: Buffer[]): Promise<string> {
  const path = join(tmp, name);
  const writer = WandbLogWriter.create(path);
  for (const p of payloads) writer.append(p);
  await writer.close();
  return path;
}

describe('CRC-32', () => {
  it('the table fallback equals zlib and the chunk CRC covers the type byte', () => {
    const data = payload(1000, 7);
    expect(tableCrc32(data)).toBe(zlib.crc32(data));
    expect(chunkCrc(1, data)).toBe(zlib.crc32(Buffer.concat([Buffer.of(1), data])));
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('the slicing-by-8 range CRC equals zlib at every length, offset and seed (no view needed)', () => {
    const data = payload(5000, 3);
    for (const [start, end] of [
      [0, 0],
      [0, 1],
      [3, 10],
      [1, 100],
      [7, 135],
      [5, 2047 + 5],
      [0, 2048],
      [11, 4999],
    ] as const) {
      for (const seed of [0, 0x12345678, 0xffffffff]) {
        expect(crc32Range(data, start, end, seed), `${start}..${end}`).toBe(
          zlib.crc32(data.subarray(start, end), seed),
        );
      }
      expect(chunkCrcRange(1, data, start, end)).toBe(chunkCrc(1, data.subarray(start, end)));
    }
  });
  it('the range CRC reads the right bytes of views that start inside their memory, alternating between them', () => {
    const memory = new Uint8Array(600);
    for (let i = 0; i < memory.length; i++) memory[i] = (i * 131 + 17) & 0xff;
    const a = memory.subarray(5, 300);
    const b = Buffer.from(memory.buffer, 301, 250);
    for (let round = 0; round < 3; round++) {
      for (const view of [a, b]) {
        expect(crc32Range(view, 3, 203, round)).toBe(zlib.crc32(view.subarray(3, 203), round));
      }
    }
  });
});

describe('.wandb framing', () => {
  it('pads a block tail under 7 bytes and writes a 0-byte FIRST chunk when exactly 7 are left', async () => {
    // 7 (file header) + 7 + 32747 = 32761: 7 bytes left in block 0.
    const first = payload(32_747, 1);
    const second = payload(100, 2);
    const path = await writeFile('edge7.wandb', [first, second]);
    const scan = WandbLogReader.readFile(path);
    expect(scan.errors).toEqual([]);
    expect(scan.chunks.map((c) => [c.offset, c.type, c.length])).toEqual([
      [7, 1, 32_747],
      [32_761, 2, 0],
      [BLOCK_SIZE, 4, 100],
    ]);
    expect(scan.records.map((r) => r.payload.equals(first) || r.payload.equals(second))).toEqual([
      true,
      true,
    ]);

    // 3 bytes left: zero padding, then a FULL chunk in the next block.
    const path2 = await writeFile('edge3.wandb', [payload(32_751, 3), second]);
    const scan2 = WandbLogReader.readFile(path2);
    expect(scan2.padding).toEqual([{ offset: 32_765, length: 3, block: 0 }]);
    expect(scan2.chunks.map((c) => [c.offset, c.type])).toEqual([
      [7, 1],
      [BLOCK_SIZE, 1],
    ]);
    expect(readFileSync(path2).subarray(32_765, BLOCK_SIZE)).toEqual(Buffer.alloc(3));
  });

  it('a history record encoded straight into the file is framed byte for byte as append(encode()) frames it', async () => {
    // Rows of growing size cross many block edges: whole chunks written in place, split ones through a copy.
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      step: i,
      keys: ['loss', 'é/ключ', ...Array.from({ length: i % 40 }, (_, k) => `k${k}`)],
      values: ['0.5', '"текст"', ...Array.from({ length: i % 40 }, (_, k) => String((i * k) / 7))],
    }));
    const inPlace = WandbLogWriter.create(join(tmp, 'in-place.wandb'));
    const copied = WandbLogWriter.create(join(tmp, 'copied.wandb'));
    const a = new HistoryRecordEncoder();
    const b = new HistoryRecordEncoder();
    rows.forEach((row, n) => {
      a.prepare(n + 1, row.step, row.keys, row.values);
      inPlace.appendEncoded(a);
      copied.append(b.encode(n + 1, row.step, row.keys, row.values));
    });
    await inPlace.close();
    await copied.close();
    const mine = readFileSync(inPlace.path);
    expect(mine.length).toBeGreaterThan(10 * BLOCK_SIZE);
    expect(mine.equals(readFileSync(copied.path))).toBe(true);
    const scan = WandbLogReader.scan(mine);
    expect(scan.errors).toEqual([]);
    expect(scan.records).toHaveLength(rows.length);
    expect(
      scan.records[2999]?.payload.equals(b.encode(3000, 2999, rows[2999]!.keys, rows[2999]!.values)),
    ).toBe(true);
  });

  it('splits a 100 KB record into FIRST/MIDDLE/LAST and reads it back whole', async () => {
    const big = payload(100_000, 9);
    const path = await writeFile('big.wandb', [payload(10, 1), big, payload(10, 2)]);
    const scan = WandbLogReader.readFile(path);
    expect(scan.chunks.map((c) => c.type)).toEqual([1, 2, 3, 3, 4, 1]);
    expect(scan.records[1]?.payload.equals(big)).toBe(true);
    const framer = new WandbLogFramer(7);
    expect(framer.framedLength(10) + framer.framedLength(100_000)).toBeGreaterThan(100_000);
  });

  it('reports a truncated last record as "file incomplete" and keeps the records before it', async () => {
    const payloads = Array.from({ length: 50 }, (_, i) => payload(200, i));
    const path = await writeFile('trunc.wandb', payloads);
    const bytes = readFileSync(path);
    for (const cut of [bytes.length - 1, bytes.length - 150, bytes.length - 205]) {
      const scan = WandbLogReader.scan(bytes.subarray(0, cut));
      expect(scan.errors).toEqual([]);
      expect(scan.warnings).toHaveLength(1);
      expect(scan.warnings[0]).toMatch(/^file incomplete/);
      expect(scan.records).toHaveLength(49);
    }
  });

  it('reports damage before the last block as an error with its offset and resumes at the next block', async () => {
    const payloads = Array.from({ length: 400 }, (_, i) => payload(300, i));
    const path = await writeFile('damaged.wandb', payloads);
    const bytes = Buffer.from(readFileSync(path));
    const scan = WandbLogReader.scan(bytes);
    const victim = scan.chunks[5];
    if (victim === undefined) throw new Error('no chunk');
    bytes[victim.offset + 10] = (bytes[victim.offset + 10] as number) ^ 0xff;
    const damaged = WandbLogReader.scan(bytes);
    expect(damaged.errors).toEqual([`CRC mismatch in 300-byte chunk at offset ${victim.offset}`]);
    expect(damaged.warnings).toEqual([]);
    // Records 5.. up to the end of block 0 are lost; everything from block 1 on reads back.
    const firstInBlock1 = scan.chunks.findIndex((c) => c.block === 1 && (c.type === 1 || c.type === 2));
    expect(damaged.records.length).toBe(5 + (400 - (scan.chunks[firstInBlock1]?.record as number)));
    expect(damaged.records.at(-1)?.payload.equals(payloads[399] as Buffer)).toBe(true);
  });

  it('rejects a file without the W&B header', () => {
    const path = join(tmp, 'bad.wandb');
    writeFileSync(path, Buffer.from('not a wandb file at all'));
    const scan = WandbLogReader.readFile(path);
    expect(scan.errors[0]).toMatch(/not a W&B transaction log/);
    expect(scan.records).toEqual([]);
  });

  it('flushSync writes pending records without waiting for the event loop', () => {
    const path = join(tmp, 'sync.wandb');
    const writer = WandbLogWriter.create(path);
    writer.append(payload(50, 1));
    writer.append(payload(60, 2));
    writer.flushSync();
    const scan = WandbLogReader.readFile(path);
    expect(scan.records.map((r) => r.payload.length)).toEqual([50, 60]);
    writer.closeSync();
    expect(writer.bytesWritten).toBe(readFileSync(path).length);
  });

  it('flush() resolves for what was appended before it, even while appends never stop', async () => {
    const path = join(tmp, 'busy.wandb');
    const writer = WandbLogWriter.create(path);
    let appended = 0;
    let stop = false;
    const keepAppending = (): void => {
      if (stop) return;
      for (let i = 0; i < 20; i++) writer.append(payload(200, appended++ % 251));
      setImmediate(keepAppending);
    };
    keepAppending();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = appended;
    const flushed = await Promise.race([
      writer.flush().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000)),
    ]);
    stop = true;
    expect(flushed).toBe(true);
    expect(WandbLogReader.readFile(path).records.length).toBeGreaterThanOrEqual(before);
    await writer.close();
  });

  it('writes synchronously once maxPendingBytes are waiting (bounded memory) and batches otherwise', async () => {
    const path = join(tmp, 'bounded.wandb');
    const writer = WandbLogWriter.create(path, { maxPendingBytes: 4096 });
    for (let i = 0; i < 100; i++) {
      writer.append(payload(500, i));
      expect(writer.pendingBytes).toBeLessThan(4096);
    }
    // Without yielding to the event loop, most records are already on disk.
    const before = WandbLogReader.readFile(path);
    expect(before.records.length).toBeGreaterThan(90);
    await writer.close();
    const after = WandbLogReader.readFile(path);
    expect(after.records.map((r) => r.payload.equals(payload(500, after.records.indexOf(r))))).toEqual(
      Array(100).fill(true),
    );
    expect(writer.bytesWritten).toBe(readFileSync(path).length);
    expect(() => writer.append(payload(1, 1))).toThrow(/append after close/);
  });
});
