import type { ResolvedOptions } from './options.js';

export interface RankInfo {
  readonly rank: number;
  readonly worldSize: number;
}

/**
 * This process's rank in a distributed job and the job's size. Today: the `rank` / `worldSize` options, else
 * 0 / 1. The one place to extend with launcher detection (`RANK`/`WORLD_SIZE`, `OMPI_COMM_WORLD_*`, …).
 */
export function resolveRank(options: Pick<ResolvedOptions, 'rank' | 'worldSize'>): RankInfo {
  const worldSize = options.worldSize ?? 1;
  const rank = options.rank ?? 0;
  return { rank, worldSize: Math.max(worldSize, rank + 1) };
}
