import type { RunHandle } from './run-handle.js';

let active: RunHandle | null = null;

/** The run started by the last `init()` and not yet finished, or `null`. */
export function currentHandle(): RunHandle | null {
  return active;
}

/** @internal used by `Run` when it starts and finishes. */
export function setCurrentHandle(run: RunHandle | null): void {
  active = run;
}
