import { z } from 'zod';

/** Which ranks of a multi-process job log what; see `docs` in the README's "Distributed training". */
export const DistributedOptionsSchema = z.object({
  /**
   * `rank0` (default, as Lightning and Accelerate): training/validation metrics from rank 0 only; other ranks
   * keep their profiling (`profiling/`, `performance/`), system and `trainscope/` metrics. `all`: every rank
   * logs everything (each into its own per-rank run).
   */
  metricsFrom: z.enum(['rank0', 'all']).default('rank0'),
  /**
   * Metrics every rank logs even with `metricsFrom: rank0`: full tags (`eval/accuracy`) or, ending in `/`,
   * tag prefixes (`data/`). Per call: `log(m, {allRanks: true})`.
   */
  allRanksMetrics: z.array(z.string().min(1, 'must not be empty')).default([]),
  /** `per-rank`: one W&B run per rank in one group (job type `rank-<r>`); `rank0`: only rank 0 sends to W&B. */
  wandb: z.enum(['per-rank', 'rank0']).default('per-rank'),
  /** `per-rank`: each rank writes `<run>/rank_<r>/`; `rank0`: only rank 0 writes event files. */
  tensorboard: z.enum(['per-rank', 'rank0']).default('per-rank'),
});

export type DistributedOptions = z.output<typeof DistributedOptionsSchema>;
