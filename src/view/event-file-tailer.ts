import { decodeEvent, type EventMessage } from '../trackers/tensorboard/proto.js';
import { scanRecords } from '../trackers/tensorboard/record.js';
import { readFrom } from './file-tail.js';
import { type DecodedScalar, decodeScalarEvent } from './scalar-event-decoder.js';

/** Where the tailer hands what it read: plain scalar events decoded on the fast path, everything else whole. */
export interface EventSink {
  scalar(point: DecodedScalar): void;
  event(event: EventMessage): void;
}

export interface TailedEvents {
  /** Records read by this poll. */
  readonly records: number;
  /** Damage that stops reading this file (a CRC mismatch or an undecodable record), once. */
  readonly problem: string | undefined;
}

/**
 * Reads a growing TensorBoard event file incrementally: each `poll` frames and decodes only the records written
 * since the last complete one (`scanRecords` on the new bytes). A record cut short at the end (a writer in the
 * middle of a write) is left for the next poll; damage stops the file for good, as in TensorBoard.
 */
export class EventFileTailer {
  private offset = 0;
  private stopped = false;

  constructor(readonly path: string) {}

  /** Bytes read as whole records so far. */
  get bytesRead(): number {
    return this.offset;
  }

  poll(sink: EventSink): TailedEvents {
    if (this.stopped) return { records: 0, problem: undefined };
    let chunk: ReturnType<typeof readFrom>;
    try {
      chunk = readFrom(this.path, this.offset);
    } catch (error) {
      return { records: 0, problem: `cannot read ${this.path}: ${(error as Error).message}` };
    }
    if (chunk === undefined) {
      this.stopped = true;
      return { records: 0, problem: `${this.path} shrank below byte ${this.offset}; not read further` };
    }
    if (chunk.bytes.length === 0) return { records: 0, problem: undefined };
    const scan = scanRecords(chunk.bytes);
    const records = scan.payloads.length;
    const scalar: DecodedScalar = { wallTime: 0, step: 0, tag: '', value: 0 };
    for (let i = 0; i < records; i++) {
      const payload = scan.payloads[i]!;
      if (decodeScalarEvent(payload, scalar)) {
        sink.scalar(scalar);
        continue;
      }
      try {
        sink.event(decodeEvent(payload));
      } catch (error) {
        this.stopped = true;
        const at = this.offset + scan.offsets[i]!;
        return {
          records: i,
          problem: `${this.path}: record at byte ${at} is not an Event (${(error as Error).message})`,
        };
      }
    }
    const problem = scan.problem;
    if (problem === undefined) {
      this.offset += chunk.bytes.length;
      return { records, problem: undefined };
    }
    this.offset += problem.offset;
    if (problem.kind === 'truncated') return { records, problem: undefined };
    this.stopped = true;
    return {
      records,
      problem: `${this.path}: ${problem.message} at byte ${this.offset}; TensorBoard stops reading this file there`,
    };
  }
}
