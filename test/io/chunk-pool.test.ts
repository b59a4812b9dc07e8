import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppendOnlyFile } from '../../src/io/append-only-file.js';
import { ChunkPool } from '../../src/io/chunk-pool.js';
import { appendTestRecord, scanTestRecords, TEST_HEADER } from '../helpers/test-records.js';

const tmp = fs.mkdtempSync(join(tmpdir(), 'trainscope-chunks-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ChunkPool', () => {
  it('hands a written chunk out again, and keeps one the write in flight reads until no write is in flight', () => {
    const pool = new ChunkPool(1024, 4);
    const a = pool.take(100);
    const b = pool.take(100);
    expect(a).not.toBe(b);
    pool.seal(a);
    pool.seal(b);
    const sealed = pool.takeSealed();
    expect(sealed).toEqual([a, b]);
    expect(pool.takeSealed()).toHaveLength(0);
    // `b`'s head is still read by the asynchronous write in flight.
    pool.wrote(sealed, [b.subarray(0, 10)]);
    expect(pool.take(100)).toBe(a);
    const fresh = pool.take(100);
    expect(fresh).not.toBe(b);
    pool.idle();
    expect(pool.take(100)).toBe(b);
  });

  it('never recycles an oversized chunk, and keeps at most `keep` free chunks', () => {
    const pool = new ChunkPool(1024, 1);
    const big = pool.take(5000);
    expect(big.length).toBe(5000);
    pool.seal(big);
    expect(pool.takeSealed()).toHaveLength(0);
    const [a, b] = [pool.take(1), pool.take(1)];
    pool.seal(a);
    pool.seal(b);
    pool.wrote(pool.takeSealed());
    expect(pool.take(1)).toBe(a);
    expect(pool.take(1)).not.toBe(b);
  });
});

describe('AppendOnlyFile with recycled chunks', () => {
  it('puts every record in the file, byte for byte, through many reused chunks, async writes and synchronous flushes in between', async () => {
    const file = AppendOnlyFile.create(join(tmp, 'reuse.bin'), {
      description: 'test file',
      header: TEST_HEADER,
    });
    const chunkObjects = new Set<ArrayBufferLike>();
    let seq = 0;
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < 40; i++) {
        appendTestRecord(file, seq++, 100 + ((seq * 37) % 900));
        chunkObjects.add(file.chunk.buffer);
      }
      if (round % 3 === 0) file.write(); // an asynchronous write in flight...
      if (round % 5 === 0) file.flushSync(); // ...written again synchronously, with the pending batch
      if (round % 2 === 0) await tick();
    }
    await file.close();
    const scan = scanTestRecords(fs.readFileSync(file.path));
    expect(scan).toMatchObject({ headerOk: true, tail: 'none' });
    expect(scan.seqs).toEqual(Array.from({ length: seq }, (_, i) => i));
    // About 4.4 MB went through 64 KiB chunks: far fewer distinct chunks than 68 means they were reused.
    expect(chunkObjects.size).toBeLessThan(20);
  });
});
