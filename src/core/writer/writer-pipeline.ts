import type { Logger } from '../backend.js';
import type { BackendSet } from '../backend-set.js';
import type { MetricSummary } from '../metric-summary.js';
import type { ResolvedOptions } from '../options.js';
import { SelfMetrics } from '../self-metrics.js';
import type { DrainControl, ValueQueue } from '../value-queue.js';
import { RingQueue } from './ring-queue.js';
import { WriterBackendSet, type WriterThread } from './writer-backend-set.js';
import { WriterDrain } from './writer-drain.js';

/** Bound on the synchronous exit flush (`process.exit`): what the training thread waits for the writer at most. */
const EXIT_BUDGET_MS = 5_000;

/** The training thread's half of the pipeline when the writer thread encodes and writes. */
export interface WriterPipeline {
  readonly queue: ValueQueue;
  readonly backends: BackendSet;
  readonly self: SelfMetrics;
  readonly drain: DrainControl;
}

/** Wires a started writer thread into a run: ring queue, drain control, the forwarding `BackendSet`. */
export function writerPipeline(
  thread: WriterThread,
  latest: MetricSummary,
  logger: Logger,
  options: ResolvedOptions,
): WriterPipeline {
  const sizedBy = {
    option: 'logging.ringMiB',
    value: `${options.logging.ringMiB} MiB: ${thread.ring.capacity} entries, one per value plus at most two per log() call`,
  };
  const queue = new RingQueue(thread.ring, thread.side, latest, logger, sizedBy);
  const drain = new WriterDrain(thread.ring, queue, options.finishTimeoutMs);
  const exitBudget = Math.min(options.finishTimeoutMs, EXIT_BUDGET_MS);
  const backends = WriterBackendSet.create(thread, queue, drain, latest, logger, exitBudget);
  const self = new SelfMetrics(queue, backends, latest);
  drain.measure(self);
  return { queue, backends, self, drain };
}
