import type { RunInfo } from './backend.js';
import type { ResolvedOptions } from './options.js';
import type { RankInfo } from './rank.js';

/**
 * Warnings about the distributed setup, given once when the run starts: the problems `resolveRank` found, and a
 * multi-process W&B job whose ranks share no group id.
 */
export function distributedWarnings(
  options: ResolvedOptions,
  run: RunInfo,
  rank: Pick<RankInfo, 'problems'>,
): string[] {
  const warnings = rank.problems.map((p) => `distributed: ${p}`);
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
