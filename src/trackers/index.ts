import type { Backend, RunInfo } from '../core/backend.js';
import type { ResolvedOptions } from '../core/options.js';
import { createTensorBoardBackend } from './tensorboard/index.js';
import { createWandbBackend } from './wandb/index.js';

/**
 * The backends the options ask for, in a fixed order. Each factory only builds the backend; the core starts,
 * isolates and finishes it.
 */
export function createBackends(resolved: ResolvedOptions, run: RunInfo): Backend[] {
  const backends: Backend[] = [];
  if (resolved.tensorboard !== false) backends.push(createTensorBoardBackend(resolved.tensorboard, run));
  // `disabled` is W&B's no-op mode: no backend at all (no files, no trainscope/wandb/* counters).
  if (resolved.wandb !== false && resolved.wandb.mode !== 'disabled') {
    backends.push(createWandbBackend(resolved.wandb, run));
  }
  return backends;
}
