import type { DistributedOptions } from './distributed-options.js';

/**
 * Tag prefixes every rank logs by default (as Lightning and Accelerate): what differs per rank and is worth
 * comparing across ranks (the profiler's timings and memory, system metrics, trainscope's own counters).
 */
export const PER_RANK_PREFIXES: readonly string[] = ['profiling', 'performance', 'system', 'trainscope'];

/**
 * Decides, once per tag, whether this rank logs it. Only built for a non-zero rank of a multi-process job with
 * `distributed.metricsFrom: rank0`; the `PriorityFilter` asks it when it first resolves a key and caches the
 * answer, so a dropped metric costs a non-zero rank two `Map` lookups per value and nothing else.
 */
export class RankMetricPolicy {
  private readonly prefixes: ReadonlySet<string>;
  private readonly tags: ReadonlySet<string>;
  private readonly tagPrefixes: readonly string[];

  constructor(options: Pick<DistributedOptions, 'allRanksMetrics'>) {
    this.prefixes = new Set(PER_RANK_PREFIXES);
    this.tags = new Set(options.allRanksMetrics.filter((m) => !m.endsWith('/')));
    this.tagPrefixes = options.allRanksMetrics.filter((m) => m.endsWith('/'));
  }

  /** Whether this (non-zero) rank logs `tag` (a full, sanitized tag such as `training/loss`). */
  keeps(tag: string): boolean {
    const slash = tag.indexOf('/');
    if (slash > 0 && this.prefixes.has(tag.slice(0, slash))) return true;
    if (this.tags.has(tag)) return true;
    for (const prefix of this.tagPrefixes) if (tag.startsWith(prefix)) return true;
    return false;
  }
}

/** The policy for this process, or undefined when it logs everything (rank 0, one process, `metricsFrom: all`). */
export function rankMetricPolicy(
  options: DistributedOptions,
  rank: number,
  worldSize: number,
): RankMetricPolicy | undefined {
  if (worldSize <= 1 || rank === 0 || options.metricsFrom === 'all') return undefined;
  return new RankMetricPolicy(options);
}
