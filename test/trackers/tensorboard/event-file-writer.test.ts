import { readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EventFileWriter } from '../../../src/trackers/tensorboard/event-file-writer.js';
import { decodeEvent } from '../../../src/trackers/tensorboard/proto.js';
import { scanRecords } from '../../../src/trackers/tensorboard/record.js';
import { scalarValueBlock } from '../../../src/trackers/tensorboard/scalar-event-encoder.js';
import { tempDir } from '../../helpers/tensorboard.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

/** One scalar through the fast path, wall time 1. */
function appendScalar(writer: EventFileWriter, block: Uint8Array, step: number, value: number): void {
  expect(writer.appendScalars([block], [value], 1, block.length, step, 1)).toBe(true);
}

describe('EventFileWriter', () => {
  it('starts every file with the brain.Event:2 record and never shares a file between writers', async () => {
    const d = dir();
    const a = new EventFileWriter({ dir: d, wallTime: 1796000000.25 });
    const b = new EventFileWriter({ dir: d, wallTime: 1796000000.25 });
    expect(a.path).not.toBe(b.path);
    await a.close();
    await b.close();
    for (const path of [a.path, b.path]) {
      const scan = scanRecords(readFileSync(path));
      expect(scan.payloads).toHaveLength(1);
      expect(decodeEvent(scan.payloads[0]!)).toEqual({
        wallTime: 1796000000.25,
        fileVersion: 'brain.Event:2',
      });
    }
  });

  it('holds records until maxQueue of them are pending at the end of a batch', async () => {
    const d = dir();
    const writer = new EventFileWriter({ dir: d, maxQueue: 5 });
    await writer.flush();
    const block = scalarValueBlock('loss');
    const header = statSync(writer.path).size;
    for (let step = 1; step <= 4; step++) appendScalar(writer, block, step, step);
    writer.endBatch();
    await new Promise((r) => setTimeout(r, 20));
    expect(statSync(writer.path).size).toBe(header);
    appendScalar(writer, block, 5, 5);
    writer.endBatch();
    await writer.flush();
    expect(scanRecords(readFileSync(writer.path)).payloads).toHaveLength(6);
    await writer.close();
  });

  it('writes pending records every flushSecs without being asked', async () => {
    const d = dir();
    const writer = new EventFileWriter({ dir: d, maxQueue: 1_000, flushSecs: 0.02 });
    const block = scalarValueBlock('loss');
    for (let step = 1; step <= 3; step++) appendScalar(writer, block, step, step);
    writer.endBatch();
    let records = 0;
    for (let i = 0; i < 500 && records < 4; i++) {
      await new Promise((r) => setTimeout(r, 10));
      records = scanRecords(readFileSync(writer.path)).payloads.length;
    }
    expect(records).toBe(4);
    await writer.close();
  });

  it('writes synchronously instead of buffering without bound while a write is in flight', async () => {
    const d = dir();
    const limit = 64 * 1024;
    const writer = new EventFileWriter({ dir: d, maxQueue: 1, maxPendingBytes: limit });
    const block = scalarValueBlock('metric/00');
    appendScalar(writer, block, 1, 1);
    writer.endBatch(); // an asynchronous write is now in flight
    const count = 20_000;
    for (let step = 2; step <= count; step++) appendScalar(writer, block, step, step);
    // Nothing has yielded to the event loop, yet most bytes are already in the file.
    const recordBytes = 9 + 3 + 2 + block.length + 4 + 16;
    expect(statSync(writer.path).size).toBeGreaterThan(count * recordBytes - 3 * limit);
    await writer.close();
    const scan = scanRecords(readFileSync(writer.path));
    expect(scan.problem).toBeUndefined();
    expect(scan.payloads).toHaveLength(count + 1);
    const steps = scan.payloads.slice(1).map((p) => decodeEvent(p).step);
    expect(steps).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(writer.stats()).toMatchObject({ recordsWritten: count + 1, recordsDropped: 0, failed: false });
  });
});
