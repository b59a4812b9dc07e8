import type { Backend, RunInfo } from './core/backend.js';
import { backendOnThisRank, wandbRunForRank } from './core/backend-ranks.js';
import type { ResolvedOptions } from './core/options.js';
import { SYSTEM_SAMPLES_PER_REPORT } from './core/system-samples.js';
import { createTensorBoardBackend } from './trackers/tensorboard/index.js';
import { createWandbBackend } from './trackers/wandb/index.js';

// Its own module, so that the writer thread, which builds the backends, loads only them (not the option
// parser, the profiler or the run): part of the worker's start-up cost.
/**
 * The backends the options ask for, in a fixed order. Each factory only builds the backend; the core starts,
 * isolates and finishes it.
 */
export function createBackends(resolved: ResolvedOptions, run: RunInfo): Backend[] {
  const backends: Backend[] = [];
  const ranks = resolved.distributed;
  if (resolved.tensorboard !== false && backendOnThisRank(ranks.tensorboard, run))
    backends.push(createTensorBoardBackend(resolved.tensorboard, run));
  // `disabled` is W&B's no-op mode: no backend at all (no files, no trainscope/wandb/* counters).
  if (resolved.wandb !== false && resolved.wandb.mode !== 'disabled' && backendOnThisRank(ranks.wandb, run)) {
    // `run.id` is already this rank's id (derived from `wandb.runId` in a multi-process job).
    backends.push(
      createWandbBackend({ ...resolved.wandb, runId: run.id }, wandbRunForRank(ranks.wandb, run), {
        gpuProbe: resolved.profiling.gpu,
        // W&B publishes system metrics once per report of the profiler's sampler (sample period × 15).
        statsIntervalMs: resolved.profiling.systemMetricsSecs * 1000 * SYSTEM_SAMPLES_PER_REPORT || undefined,
      }),
    );
  }
  return backends;
}
