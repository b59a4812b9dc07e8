import type { RunInfo } from '../core/backend.js';
import type { ResolvedOptions } from '../core/options.js';
import { resolveRank } from '../core/rank.js';

/** Warnings about the distributed setup, given once when the run starts. */
export function distributedWarnings(options: ResolvedOptions, run: RunInfo): string[] {
  const warnings = resolveRank(options).problems.map((p) => `distributed: ${p}`);
  const wandbOn = options.wandb !== false && options.wandb.mode !== 'disabled';
  if (run.worldSize > 1 && run.group === undefined && wandbOn && options.distributed.wandb === 'per-rank') {
    warnings.push(
      `distributed: rank ${run.rank} of ${run.worldSize} found no id shared by the job's ranks (option group, ` +
        'TRAINSCOPE_GROUP, TORCHELASTIC_RUN_ID, SLURM_JOB_ID or OMPI_MCA_ess_base_jobid); its W&B run is not grouped ' +
        'with the other ranks and its TensorBoard directory is not shared with theirs',
    );
  }
  return warnings;
}
