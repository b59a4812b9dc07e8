import type { ResolvedOptions } from './options.js';

export interface RankInfo {
  readonly rank: number;
  readonly worldSize: number;
  /** Rank within this machine (the launcher's `LOCAL_RANK`); `rank` when the launcher does not say. */
  readonly localRank: number;
  /** A job id every rank of this job shares (for the W&B group and derived run ids), when one is known. */
  readonly groupId: string | undefined;
  /** Where the rank came from: `options`, a launcher's name, or `default` (a single process). */
  readonly source: RankSource;
  /** Inconsistent or unusable values found on the way, each a full sentence for a one-time warning. */
  readonly problems: readonly string[];
}

export type RankSource = 'options' | 'torchrun' | 'slurm' | 'openmpi' | 'pmi' | 'default';

export type RankEnvironment = Readonly<Record<string, string | undefined>>;

/** The launchers trainscope reads, in the order they are tried; the first whose rank variable is set wins. */
const LAUNCHERS: readonly {
  readonly source: Exclude<RankSource, 'options' | 'default'>;
  readonly rank: string;
  readonly size: string;
  readonly localRank: string | undefined;
  readonly groupId: string | undefined;
}[] = [
  {
    source: 'torchrun',
    rank: 'RANK',
    size: 'WORLD_SIZE',
    localRank: 'LOCAL_RANK',
    groupId: 'TORCHELASTIC_RUN_ID',
  },
  {
    source: 'openmpi',
    rank: 'OMPI_COMM_WORLD_RANK',
    size: 'OMPI_COMM_WORLD_SIZE',
    localRank: 'OMPI_COMM_WORLD_LOCAL_RANK',
    groupId: 'OMPI_MCA_ess_base_jobid',
  },
  { source: 'pmi', rank: 'PMI_RANK', size: 'PMI_SIZE', localRank: undefined, groupId: undefined },
  {
    source: 'slurm',
    rank: 'SLURM_PROCID',
    size: 'SLURM_NTASKS',
    localRank: 'SLURM_LOCALID',
    groupId: 'SLURM_JOB_ID',
  },
];

/** The user's own shared id for the job's ranks; wins over any launcher's. */
export const GROUP_ENV = 'TRAINSCOPE_GROUP';

/**
 * This process's rank in a distributed job, the job's size, its rank on this machine and the job's shared id.
 *
 * - The `rank` / `worldSize` options win, each on its own; what they leave out comes from the environment.
 * - Else the first launcher whose rank variable is set: torchrun (`RANK`/`WORLD_SIZE`/`LOCAL_RANK`), Open MPI
 *   (`OMPI_COMM_WORLD_*`), MPICH/Intel MPI (`PMI_RANK`/`PMI_SIZE`), SLURM (`SLURM_PROCID`/`SLURM_NTASKS`/
 *   `SLURM_LOCALID`). SLURM comes last because `srun` also sets it around torchrun and mpirun, whose own
 *   variables are then the ones that describe this process.
 * - Else rank 0 of 1.
 *
 * Fallbacks (each reported in `problems`): a rank that is not a non-negative integer makes that launcher's
 * values ignored (the next launcher, or rank 0 of 1, is used); a size that is not a positive integer is taken as
 * `rank + 1`; a rank at or beyond the size grows the size to `rank + 1`; a local rank that is not a non-negative
 * integer is taken as the rank.
 *
 * The group id is `TRAINSCOPE_GROUP`, else the detected launcher's job id (`TORCHELASTIC_RUN_ID` unless it is
 * torchrun's placeholder `none`, `OMPI_MCA_ess_base_jobid`, `SLURM_JOB_ID`), else undefined.
 */
export function resolveRank(
  options: Pick<ResolvedOptions, 'rank' | 'worldSize'>,
  env: RankEnvironment = process.env,
): RankInfo {
  const problems: string[] = [];
  let source: RankSource = 'default';
  let rank: number | undefined;
  let worldSize: number | undefined;
  let localRank: number | undefined;
  let groupId: string | undefined;

  for (const launcher of LAUNCHERS) {
    const rawRank = env[launcher.rank];
    if (rawRank === undefined || rawRank.trim() === '') continue;
    const parsedRank = parseCount(rawRank, 0);
    if (parsedRank === undefined) {
      problems.push(
        `${launcher.rank}=${JSON.stringify(rawRank)} is not a non-negative integer; ${launcher.source}'s variables were ignored`,
      );
      continue;
    }
    source = launcher.source;
    rank = parsedRank;
    const rawSize = env[launcher.size];
    if (rawSize !== undefined) {
      worldSize = parseCount(rawSize, 1);
      if (worldSize === undefined) {
        problems.push(
          `${launcher.size}=${JSON.stringify(rawSize)} is not a positive integer; the world size was taken as ${rank + 1}`,
        );
      }
    }
    const rawLocal = launcher.localRank === undefined ? undefined : env[launcher.localRank];
    if (rawLocal !== undefined) {
      localRank = parseCount(rawLocal, 0);
      if (localRank === undefined) {
        problems.push(
          `${launcher.localRank}=${JSON.stringify(rawLocal)} is not a non-negative integer; the local rank was taken as the rank`,
        );
      }
    }
    const rawGroup = launcher.groupId === undefined ? undefined : env[launcher.groupId]?.trim();
    if (rawGroup && rawGroup !== 'none') groupId = rawGroup;
    break;
  }

  if (options.rank !== undefined || options.worldSize !== undefined) source = 'options';
  if (options.rank !== undefined) rank = options.rank;
  if (options.worldSize !== undefined) worldSize = options.worldSize;
  const finalRank = rank ?? 0;
  let finalSize = worldSize ?? finalRank + 1;
  if (finalRank >= finalSize) {
    problems.push(
      `rank ${finalRank} is not below the world size ${finalSize}; the world size was taken as ${finalRank + 1}`,
    );
    finalSize = finalRank + 1;
  }
  const explicitGroup = env[GROUP_ENV]?.trim();
  if (explicitGroup) groupId = explicitGroup;
  return {
    rank: finalRank,
    worldSize: finalSize,
    localRank: localRank ?? finalRank,
    groupId,
    source,
    problems,
  };
}

/** `text` as an integer at least `min`, or undefined when it is not one (`"1.5"`, `"abc"`, `"-1"`, `""`). */
function parseCount(text: string, min: number): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= min ? value : undefined;
}
