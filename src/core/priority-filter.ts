import type { RankMetricPolicy } from './rank-metric-policy.js';
import type { Logger } from './backend.js';
import type { MetricSummary, TagSlot } from './metric-summary.js';
import type { LoggingLevel, LoggingOptions, Priority } from './options.js';

/** Priorities as numbers: lower is more important. */
export const PRIORITY_HIGH = 0;
export const PRIORITY_MEDIUM = 1;
export const PRIORITY_LOW = 2;

export function priorityRank(priority: Priority): number {
  return priority === 'high' ? PRIORITY_HIGH : priority === 'medium' ? PRIORITY_MEDIUM : PRIORITY_LOW;
}

/** The highest rank a level lets through: `high` → only high, `medium` → high + medium, `all` → everything. */
export function levelThreshold(level: LoggingLevel): number {
  return level === 'high' ? PRIORITY_HIGH : level === 'medium' ? PRIORITY_MEDIUM : PRIORITY_LOW;
}

/** Priorities of well-known metric names when the configuration says nothing about them. */
export const DEFAULT_PRIORITIES: Readonly<Record<string, Priority>> = {
  loss: 'high',
  accuracy: 'high',
  learning_rate: 'high',
  gradient_norm: 'medium',
  weight_norm: 'medium',
  memory_usage: 'low',
  cpu_usage: 'low',
};

export const MAX_KEY_LENGTH = 1024;

/** Everything the hot path needs to know about one (prefix, key) pair, computed once and cached. */
export interface MetricKey {
  readonly key: string;
  readonly prefix: string;
  /**
   * The sanitized full tag, or `null` when values are dropped: the key is unusable (empty after sanitizing), or
   * this rank does not log it (see `RankMetricPolicy`).
   */
  readonly slot: TagSlot | null;
  /** Configured priority rank (0 high, 1 medium, 2 low). */
  readonly priority: number;
  /** 1 when the key is not under an interval prefix, else `logging.interval`. */
  readonly interval: number;
  /** Highest explicit step logged for this key so far (detects steps going backwards). */
  lastExplicitStep: number;
}

/**
 * Decides, per metric, its priority and interval, and sanitizes its tag, from the logging options:
 *
 * priority = `log()`'s `priority` option ?? `logging.priorities[fullTag]` ?? `logging.priorities[bareName]`
 * ?? {@link DEFAULT_PRIORITIES}`[bareName]` ?? `logging.defaultPriority`, where the bare name is the part of the
 * tag after its last `/`.
 *
 * A metric whose tag starts with one of `logging.intervalPrefixes` (its first `/`-separated segment; this
 * covers both `log(m, {prefix: 'training'})` and a key `training/loss`) is emitted only at steps that are
 * multiples of `logging.interval`; `log()`'s `every` option overrides this for the whole call.
 *
 * In a multi-process job, a non-zero rank with a `RankMetricPolicy` drops the tags the policy does not keep
 * (decided here, once per key); `log(m, {allRanks: true})` looks keys up in separate tables that skip the policy.
 *
 * Decisions are cached per prefix and key, so a repeated key costs two `Map` lookups and no string building.
 */
export class PriorityFilter {
  readonly threshold: number;
  private readonly byPrefix = new Map<string, Map<string, MetricKey>>();
  /** Tables of `log(…, {allRanks: true})` calls, which skip the rank policy. */
  private readonly byPrefixAllRanks = new Map<string, Map<string, MetricKey>>();
  private readonly allRanksTables = new WeakSet<Map<string, MetricKey>>();
  private readonly intervalPrefixes: ReadonlySet<string>;

  constructor(
    private readonly options: LoggingOptions,
    private readonly logger: Logger,
    private readonly tags: MetricSummary,
    private readonly rankPolicy?: RankMetricPolicy,
  ) {
    this.threshold = levelThreshold(options.level);
    this.intervalPrefixes = new Set(options.intervalPrefixes);
  }

  /** The cache for one prefix (`''` for none); look keys up in it with `get`, then `resolve` on a miss. */
  tableFor(prefix: string, allRanks = false): Map<string, MetricKey> {
    const tables = allRanks ? this.byPrefixAllRanks : this.byPrefix;
    let table = tables.get(prefix);
    if (table === undefined) {
      table = new Map();
      tables.set(prefix, table);
      if (allRanks) this.allRanksTables.add(table);
    }
    return table;
  }

  /** Computes and caches the decision for a key not yet in `table` (the table of `prefix`). */
  resolve(prefix: string, key: string, table: Map<string, MetricKey>): MetricKey {
    const base = prefix.endsWith('/') ? prefix.replace(/\/+$/, '') : prefix;
    const keyIsEmpty = key.replace(/[\u0000-\u001f\u007f]/g, '') === '';
    const tag = keyIsEmpty ? this.sanitizeTag('') : this.sanitizeTag(base === '' ? key : `${base}/${key}`);
    let slot: TagSlot | null = null;
    let priority = priorityRank(this.options.defaultPriority);
    let interval = 1;
    const rankDrops =
      tag !== '' &&
      this.rankPolicy !== undefined &&
      !this.allRanksTables.has(table) &&
      !this.rankPolicy.keeps(tag);
    if (tag !== '' && !rankDrops) {
      slot = this.tags.slot(tag);
      priority = this.configuredPriority(tag);
      const slash = tag.indexOf('/');
      if (slash > 0 && this.intervalPrefixes.has(tag.slice(0, slash))) interval = this.options.interval;
    }
    const decision: MetricKey = { key, prefix, slot, priority, interval, lastExplicitStep: -1 };
    table.set(key, decision);
    return decision;
  }

  /** Priority from the configuration alone (no `log()` option). */
  configuredPriority(tag: string): number {
    const bare = tag.slice(tag.lastIndexOf('/') + 1);
    const configured =
      this.options.priorities[tag] ?? this.options.priorities[bare] ?? DEFAULT_PRIORITIES[bare];
    return priorityRank(configured ?? this.options.defaultPriority);
  }

  /**
   * Control characters are stripped, and tags longer than {@link MAX_KEY_LENGTH} are truncated, each with a
   * one-time warning; an empty result means the value is dropped (warned by the caller).
   */
  private sanitizeTag(raw: string): string {
    let tag = raw;
    if (/[\u0000-\u001f\u007f]/.test(tag)) {
      tag = tag.replace(/[\u0000-\u001f\u007f]/g, '');
      this.logger.warnOnce(
        `tag-control:${tag}`,
        `metric key ${JSON.stringify(tag)} contained control characters; they were removed`,
      );
    }
    if (tag.length > MAX_KEY_LENGTH) {
      tag = tag.slice(0, MAX_KEY_LENGTH);
      this.logger.warnOnce(
        `tag-long:${tag}`,
        `metric key ${JSON.stringify(`${tag.slice(0, 40)}…`)} is longer than ${MAX_KEY_LENGTH} characters; truncated`,
      );
    }
    if (tag === '') {
      this.logger.warnOnce('tag-empty', 'a metric with an empty key was dropped (keys must not be empty)');
    }
    return tag;
  }
}
