import type { Backend, RunInfo } from '../core/backend.js';
import type { ResolvedOptions } from '../core/options.js';

/**
 * The backends the options ask for, in a fixed order. Each factory only builds the backend; the core starts,
 * isolates and finishes it.
 */
export function createBackends(resolved: ResolvedOptions, run: RunInfo): Backend[] {
  const backends: Backend[] = [];
  void resolved;
  void run;
  return backends;
}
