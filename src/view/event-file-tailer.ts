import { decodeEvent, type EventMessage } from '../trackers/tensorboard/proto.js';
import { scanRecords } from '../trackers/tensorboard/record.js';
import { readFrom } from './file-tail.js';

export interface TailedEvents {
  readonly events: EventMessage[];
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

  poll(): TailedEvents {
    if (this.stopped) return { events: [], problem: undefined };
    let chunk: ReturnType<typeof readFrom>;
    try {
      chunk = readFrom(this.path, this.offset);
    } catch (error) {
      return { events: [], problem: `cannot read ${this.path}: ${(error as Error).message}` };
    }
    if (chunk === undefined) {
      this.stopped = true;
      return { events: [], problem: `${this.path} shrank below byte ${this.offset}; not read further` };
    }
    if (chunk.bytes.length === 0) return { events: [], problem: undefined };
    const scan = scanRecords(chunk.bytes);
    const events: EventMessage[] = [];
    for (let i = 0; i < scan.payloads.length; i++) {
      try {
        events.push(decodeEvent(scan.payloads[i]!));
      } catch (error) {
        this.stopped = true;
        const at = this.offset + scan.offsets[i]!;
        return {
          events,
          problem: `${this.path}: record at byte ${at} is not an Event (${(error as Error).message})`,
        };
      }
    }
    const problem = scan.problem;
    if (problem === undefined) {
      this.offset += chunk.bytes.length;
      return { events, problem: undefined };
    }
    this.offset += problem.offset;
    if (problem.kind === 'truncated') return { events, problem: undefined };
    this.stopped = true;
    return {
      events,
      problem: `${this.path}: ${problem.message} at byte ${this.offset}; TensorBoard stops reading this file there`,
    };
  }
}
