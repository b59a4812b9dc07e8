export {
  DistributedOptionsSchema,
  type DistributedOptions,
} from './distributed-options.js';
export { RankMetricPolicy, rankMetricPolicy, PER_RANK_PREFIXES } from './rank-metric-policy.js';
export { runIdentity, groupRunId, type RunIdentity } from './run-identity.js';
