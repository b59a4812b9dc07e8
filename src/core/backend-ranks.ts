import type { RunInfo } from './backend.js';
import type { DistributedOptions } from './distributed-options.js';

/** Whether this process writes to a backend whose `distributed.<backend>` policy is `policy`. */
export function backendOnThisRank(policy: DistributedOptions['wandb'], run: RunInfo): boolean {
  return policy === 'per-rank' || run.rank === 0 || run.worldSize <= 1;
}

/** The run as W&B sees it: in a per-rank job each rank's display name says its rank (`<name>-rank-<r>`). */
export function wandbRunForRank(policy: DistributedOptions['wandb'], run: RunInfo): RunInfo {
  if (run.worldSize <= 1 || policy !== 'per-rank') return run;
  return { ...run, name: `${run.name}-rank-${run.rank}` };
}
