import { createHash } from 'node:crypto';
import type { ResolvedOptions } from './options.js';
import type { RankInfo } from './rank.js';

/** The parts of a run's identity that depend on its rank. */
export interface RunIdentity {
  readonly id: string;
  readonly name: string;
  readonly group: string | undefined;
  readonly jobType: string | undefined;
}

/** The characters of W&B-style run ids (fresh ones in `generateRunId`, derived ones in {@link groupRunId}). */
export const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A run's id, name, W&B group and job type.
 *
 * One process: id = `wandb.runId` ?? `id` ?? a fresh id; name = `name` ?? `<project>-<id>`; group and job type as given.
 *
 * Several processes (world size > 1):
 * - group = `group` ?? the launcher's shared job id (`RankInfo.groupId`);
 * - base id = `wandb.runId` ?? {@link groupRunId}`(project, group)` when a group is known (so every rank derives
 *   the same base, and a relaunch of the same job resumes the same runs) ?? a fresh id;
 * - id = `<base>-r<rank>` with `distributed.wandb: per-rank` (each rank its own W&B run), the base with `rank0`;
 * - name = `name` ?? `<project>-<base>`: the same on every rank, so TensorBoard's per-rank directories
 *   (`<run>/rank_<r>/`) share one parent;
 * - job type with `per-rank`: `rank-<rank>`, or `<jobType>-rank-<rank>` when `jobType` is set (so the ranks stay
 *   apart in the group); with `rank0`: `jobType`.
 */
export function runIdentity(
  options: ResolvedOptions,
  rank: Pick<RankInfo, 'rank' | 'worldSize' | 'groupId'>,
  generateId: () => string,
): RunIdentity {
  const explicitId = (options.wandb !== false ? options.wandb.runId : undefined) ?? options.id;
  if (rank.worldSize <= 1) {
    const id = explicitId ?? generateId();
    return {
      id,
      name: options.name ?? `${options.project}-${id}`,
      group: options.group,
      jobType: options.jobType,
    };
  }
  const group = options.group ?? rank.groupId;
  const base = explicitId ?? (group !== undefined ? groupRunId(options.project, group) : generateId());
  const perRank = options.distributed.wandb === 'per-rank';
  return {
    id: perRank ? `${base}-r${rank.rank}` : base,
    name: options.name ?? `${options.project}-${base}`,
    group,
    jobType: perRank
      ? `${options.jobType === undefined ? '' : `${options.jobType}-`}rank-${rank.rank}`
      : options.jobType,
  };
}

/** 8 characters `[a-z0-9]` derived from the project and group: the same on every rank of a job. */
export function groupRunId(project: string, group: string): string {
  const digest = createHash('sha256').update(`${project}\u0000${group}`).digest();
  let id = '';
  for (let i = 0; i < 8; i++) id += ID_ALPHABET[(digest[i] as number) % ID_ALPHABET.length];
  return id;
}
