import { randomInt } from 'node:crypto';
import { hostname } from 'node:os';
import { relative } from 'node:path';
import type { RunInfo } from './backend.js';
import type { ResolvedOptions } from './options.js';
import { runIdentity } from '../distributed/run-identity.js';
import { resolveRank } from './rank.js';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A W&B-style run id: 8 characters `[a-z0-9]` from a cryptographic source. */
export function generateRunId(): string {
  let id = '';
  for (let i = 0; i < 8; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/**
 * The run's identity from resolved options: id = `wandb.runId` when given (resuming a W&B run) else a fresh
 * {@link generateRunId}; name = `name` option else `<project>-<id>`; `program` = the entry script relative to
 * the working directory, as W&B's `program`. In a multi-process job, id, name, group and job type follow the
 * rank (see `runIdentity`).
 */
export function createRunInfo(options: ResolvedOptions, startTime = Date.now()): RunInfo {
  const rankInfo = resolveRank(options);
  const { rank, worldSize, localRank } = rankInfo;
  const { id, name, group, jobType } = runIdentity(options, rankInfo, generateRunId);
  const entry = process.argv[1];
  return {
    id,
    name,
    project: options.project,
    entity: options.wandb !== false ? options.wandb.entity : undefined,
    group,
    jobType,
    tags: [...options.tags],
    notes: options.notes,
    config: options.config,
    startTime,
    host: hostname(),
    program: entry === undefined ? '<unknown>' : relative(process.cwd(), entry) || entry,
    rank,
    worldSize,
    localRank,
  };
}
