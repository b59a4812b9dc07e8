import { readFileSync } from 'node:fs';
import { decodeEvent, type EventMessage } from './proto.js';
import { type RecordProblemKind, scanRecords } from './record.js';

export type EventFileStatus = 'ok' | 'truncated' | 'crc_mismatch' | 'decode_error' | 'unreadable';

export interface EventFileProblem {
  /** `warning` for a truncated tail (a live or killed writer), `error` for damage TensorBoard stops at. */
  readonly severity: 'warning' | 'error';
  readonly kind: RecordProblemKind | 'decode_error' | 'unreadable';
  readonly file: string;
  readonly recordIndex: number;
  /** Byte offset of the bad record. */
  readonly offset: number;
  /** Bytes from the bad record to the end of the file, which were not read. */
  readonly unreadBytes: number;
  readonly message: string;
}

export interface DecodedEventFile {
  readonly path: string;
  readonly sizeBytes: number;
  readonly events: EventMessage[];
  readonly status: EventFileStatus;
  readonly problem: EventFileProblem | undefined;
}

/**
 * Reads one event file the way TensorBoard does: records in order, both CRCs checked, reading stops at the first
 * bad record (a CRC mismatch is never skipped) and a record cut short at the end is a truncated tail.
 */
export function readEventFile(path: string): DecodedEventFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const message = `cannot read ${path}: ${(error as Error).message}`;
    return {
      path,
      sizeBytes: 0,
      events: [],
      status: 'unreadable',
      problem: {
        severity: 'error',
        kind: 'unreadable',
        file: path,
        recordIndex: 0,
        offset: 0,
        unreadBytes: 0,
        message,
      },
    };
  }
  const scan = scanRecords(bytes);
  const events: EventMessage[] = [];
  for (let i = 0; i < scan.payloads.length; i++) {
    try {
      events.push(decodeEvent(scan.payloads[i]!));
    } catch (error) {
      const offset = scan.offsets[i]!;
      return {
        path,
        sizeBytes: bytes.length,
        events,
        status: 'decode_error',
        problem: {
          severity: 'error',
          kind: 'decode_error',
          file: path,
          recordIndex: i,
          offset,
          unreadBytes: bytes.length - offset,
          message: `record ${i} at byte ${offset} has valid CRCs but is not an Event: ${(error as Error).message}`,
        },
      };
    }
  }
  const problem = scan.problem;
  if (problem === undefined)
    return { path, sizeBytes: bytes.length, events, status: 'ok', problem: undefined };
  const truncated = problem.kind === 'truncated';
  return {
    path,
    sizeBytes: bytes.length,
    events,
    status: truncated ? 'truncated' : 'crc_mismatch',
    problem: {
      severity: truncated ? 'warning' : 'error',
      kind: problem.kind,
      file: path,
      recordIndex: problem.recordIndex,
      offset: problem.offset,
      unreadBytes: problem.unreadBytes,
      message: truncated
        ? `truncated tail: record ${problem.recordIndex} at byte ${problem.offset}: ${problem.message}`
        : `${problem.message} in record ${problem.recordIndex} at byte ${problem.offset}; ` +
          `TensorBoard stops reading this file there (${problem.unreadBytes} bytes not read)`,
    },
  };
}
