import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isEventFileName } from './event-file-name.js';
import { readEventFile } from './event-file-reader.js';
import { SessionLogStatus } from './proto.js';

/**
 * The highest step a run directory's event files hold a value at, as TensorBoard would show it: files in name
 * order, and every `SessionLog.START` after the run's first purging the steps at and after its own (so a run
 * that was already rewound reports where the rewind left it). `undefined` when the directory holds no value.
 */
export function lastLoggedStep(dir: string): number | undefined {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isEventFileName).sort();
  } catch {
    return undefined;
  }
  let last: number | undefined;
  let starts = 0;
  for (const name of names) {
    for (const event of readEventFile(join(dir, name)).events) {
      const step = event.step ?? 0;
      if (event.sessionLog?.status === SessionLogStatus.START) {
        if (starts++ > 0 && last !== undefined && last >= step) last = step > 0 ? step - 1 : undefined;
        continue;
      }
      const values = event.summary?.value ?? [];
      if (values.some(isLoggedValue) && (last === undefined || step > last)) last = step;
    }
  }
  return last;
}

/** A value the trainer logged (not the run's `config` text or hparams session records). */
function isLoggedValue(value: { tag?: string }): boolean {
  const tag = value.tag ?? '';
  return tag !== 'config' && !tag.startsWith('_hparams_/');
}
