import { afterEach, beforeEach } from 'vitest';

/** Saves these environment variables before each test and puts them back after it (deleting the ones that were unset). */
export function restoreEnvAfterEach(keys: readonly string[]): void {
  let saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
}
