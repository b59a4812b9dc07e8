import { readFileSync } from 'node:fs';
import { WandbLogReader } from './log-reader.js';
import { decodeWandbRecord } from './record-codec.js';
import type { WandbRecord } from './wandb-record.js';

export interface WandbFileContents {
  /** Every complete record, decoded, in file order. */
  readonly records: WandbRecord[];
  /** The file offset each record starts at (parallel to `records`). */
  readonly offsets: number[];
  /** Damage in the last block (a run that was killed mid-write: the records before it are intact). */
  readonly warnings: string[];
  /** Damage elsewhere and records that are not valid protobuf, each with its offset. */
  readonly errors: string[];
}

/** Reads a `.wandb` transaction log (ours or the official client's). Never throws for damaged content. */
export function readWandbFile(path: string): WandbFileContents {
  return decodeWandbLog(readFileSync(path));
}

/** `readWandbFile` for bytes already in memory. */
export function decodeWandbLog(bytes: Buffer): WandbFileContents {
  const scan = WandbLogReader.scan(bytes);
  const records: WandbRecord[] = [];
  const offsets: number[] = [];
  const errors = [...scan.errors];
  for (const entry of scan.records) {
    try {
      records.push(decodeWandbRecord(entry.payload));
      offsets.push(entry.offset);
    } catch (error) {
      errors.push(
        `record at offset ${entry.offset}: not a valid wandb_internal.Record (${(error as Error).message})`,
      );
    }
  }
  return { records, offsets, warnings: scan.warnings, errors };
}
