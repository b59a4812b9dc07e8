import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppendOnlyFile, type AppendOnlyFileOptions } from '../../src/io/append-only-file.js';
import { appendTestRecord, scanTestRecords, TEST_HEADER, testRecordLength } from '../helpers/test-records.js';

const tmp = fs.mkdtempSync(join(tmpdir(), 'trainscope-aof-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let fileCount = 0;

function create(options: Partial<AppendOnlyFileOptions> = {}): AppendOnlyFile {
  return AppendOnlyFile.create(join(tmp, `file-${fileCount++}.bin`), {
    description: 'test file',
    header: TEST_HEADER,
    ...options,
  });
}

/** Swaps the file's descriptor for one on /dev/full: every later write fails with ENOSPC, as on a full disk. */
function fillDisk(file: AppendOnlyFile): void {
  const internals = file as unknown as { fd: number };
  fs.closeSync(internals.fd);
  internals.fd = fs.openSync('/dev/full', 'w');
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('AppendOnlyFile', () => {
  it('never opens an existing file: a clear error with code EEXIST, and the file is left as it was', () => {
    const path = join(tmp, 'existing.bin');
    fs.writeFileSync(path, 'keep me');
    let thrown: unknown;
    try {
      AppendOnlyFile.create(path, { description: 'test file', header: TEST_HEADER });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(
      `test file ${path} already exists; an append-only file is never reopened`,
    );
    expect((thrown as NodeJS.ErrnoException).code).toBe('EEXIST');
    expect(fs.readFileSync(path, 'utf8')).toBe('keep me');
  });

  it('writes the header at creation, before any record, and frames records in place after it', async () => {
    const file = create();
    expect(fs.readFileSync(file.path)).toEqual(TEST_HEADER);
    expect(file.position).toBe(TEST_HEADER.length);
    // 100 KiB does not fit in a 64 KiB chunk: it gets a chunk of its own, between two small records.
    const lengths = [10, 100 * 1024, 3, 0, 5000];
    for (const [seq, length] of lengths.entries()) appendTestRecord(file, seq, length);
    expect(file.position).toBe(TEST_HEADER.length + lengths.reduce((a, n) => a + testRecordLength(n), 0));
    await file.close();
    const scan = scanTestRecords(fs.readFileSync(file.path));
    expect(scan).toEqual({ headerOk: true, seqs: [0, 1, 2, 3, 4], tailBytes: 0, tail: 'none' });
    expect(file.stats()).toMatchObject({
      bytesWritten: fs.statSync(file.path).size,
      recordsWritten: 5,
      recordsDropped: 0,
      errors: 0,
    });
  });

  it('append() copies an already-framed record', async () => {
    const file = create({ header: undefined });
    expect(file.append(Buffer.from('abc'))).toBe(true);
    expect(file.append(Buffer.from('defg'))).toBe(true);
    await file.flush();
    expect(fs.readFileSync(file.path, 'utf8')).toBe('abcdefg');
    await file.close();
  });

  it('flush() resolves for what was appended before it, even while appends never stop', async () => {
    const file = create();
    let seq = 0;
    let stop = false;
    const keepAppending = (): void => {
      if (stop) return;
      for (let i = 0; i < 50; i++) appendTestRecord(file, seq++, 300);
      file.scheduleWrite();
      setImmediate(keepAppending);
    };
    keepAppending();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = seq;
    const flushed = await Promise.race([
      file.flush().then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000)),
    ]);
    const onDisk = scanTestRecords(fs.readFileSync(file.path)).seqs.length;
    stop = true;
    expect(flushed).toBe(true);
    expect(onDisk).toBeGreaterThanOrEqual(before);
    await file.close();
    expect(scanTestRecords(fs.readFileSync(file.path)).seqs).toEqual(
      Array.from({ length: seq }, (_, i) => i),
    );
  });

  it('flushSync() and closeSync() put every record in the file without yielding to the event loop', () => {
    const file = create();
    appendTestRecord(file, 0, 20);
    file.write(); // an asynchronous write is now in flight
    appendTestRecord(file, 1, 30);
    file.flushSync();
    expect(scanTestRecords(fs.readFileSync(file.path)).seqs).toEqual([0, 1]);
    appendTestRecord(file, 2, 40);
    file.closeSync();
    expect(scanTestRecords(fs.readFileSync(file.path))).toMatchObject({ seqs: [0, 1, 2], tail: 'none' });
    expect(file.closed).toBe(true);
    // After close, records are dropped and counted, never written.
    expect(appendTestRecord(file, 3, 50)).toBe(false);
    expect(file.stats()).toMatchObject({ recordsDropped: 1, bytesDropped: testRecordLength(50) });
  });

  it('writes synchronously once maxPendingBytes wait behind a write in flight (bounded memory)', async () => {
    const file = create({ maxPendingBytes: 4096 });
    for (let seq = 0; seq < 200; seq++) {
      appendTestRecord(file, seq, 500);
      expect(file.stats().bytesPending).toBeLessThan(4096);
    }
    // Nothing yielded, yet all but the last few records are in the file.
    expect(scanTestRecords(fs.readFileSync(file.path)).seqs.length).toBeGreaterThan(190);
    await file.close();
    expect(scanTestRecords(fs.readFileSync(file.path)).seqs).toHaveLength(200);
  });

  it('writes pending records every writeIntervalMs without being asked', async () => {
    const file = create({ writeIntervalMs: 10 });
    appendTestRecord(file, 0, 10);
    let seqs: number[] = [];
    for (let i = 0; i < 300 && seqs.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seqs = scanTestRecords(fs.readFileSync(file.path)).seqs;
    }
    expect(seqs).toEqual([0]);
    await file.close();
  });

  it('reports a full disk once, then drops and counts every record, and flush() still resolves', async () => {
    const errors: Error[] = [];
    const file = create({ onError: (error) => errors.push(error), syncOnFlush: true });
    appendTestRecord(file, 0, 10);
    await file.flush();
    fillDisk(file);
    appendTestRecord(file, 1, 10);
    appendTestRecord(file, 2, 10);
    await file.flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe(
      `test file ${file.path} can no longer be written (the disk is full during write); ` +
        'stopped writing it, 2 pending record(s) lost',
    );
    expect((errors[0]!.cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(appendTestRecord(file, 3, 10)).toBe(false);
    file.write();
    file.flushSync();
    await file.flush();
    await tick();
    expect(errors).toHaveLength(1);
    expect(file.failed).toBe(true);
    expect(file.stats()).toMatchObject({
      errors: 1,
      failed: true,
      recordsWritten: 1,
      recordsDropped: 3,
      bytesDropped: 3 * testRecordLength(10),
    });
    await file.close();
    expect(scanTestRecords(fs.readFileSync(file.path)).seqs).toEqual([0]);
  });

  it('says so once when the file is deleted under it', async () => {
    const errors: Error[] = [];
    const file = create({ writeIntervalMs: 10, onError: (error) => errors.push(error) });
    fs.unlinkSync(file.path);
    for (let i = 0; i < 300 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(errors.map((e) => e.message)).toEqual([
      `test file ${file.path} can no longer be written (the file or its directory was removed); ` +
        'stopped writing it, 0 pending record(s) lost',
    ]);
    await file.close();
  });
});
