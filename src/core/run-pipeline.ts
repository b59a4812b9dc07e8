import type { Backend, Logger } from './backend.js';
import { BackendSet } from './backend-set.js';
import { DrainLoop } from './drain-loop.js';
import { MetricQueue } from './metric-queue.js';
import type { MetricSummary } from './metric-summary.js';
import type { ResolvedOptions } from './options.js';
import { SelfMetrics } from './self-metrics.js';
import type { WriterThread } from './writer/writer-backend-set.js';
import { type WriterPipeline, writerPipeline } from './writer/writer-pipeline.js';

/** What a run logs into and drains through: the queue, the drain, the backends and trainscope's own counters. */
export type RunPipeline = WriterPipeline;

/**
 * The run's pipeline: with a started writer thread (`logging.thread: 'worker'`) the ring and the forwarding
 * `BackendSet`; otherwise the in-thread `MetricQueue` → `DrainLoop` → `BackendSet` over `backends`.
 */
export function runPipeline(
  options: ResolvedOptions,
  backends: readonly Backend[],
  latest: MetricSummary,
  logger: Logger,
  writer: WriterThread | undefined,
): RunPipeline {
  if (writer !== undefined) return writerPipeline(writer, latest, logger, options);
  const { logging, profiling } = options;
  const queue = new MetricQueue(logging.queueCapacity);
  const set = new BackendSet(backends, logger);
  const self = new SelfMetrics(queue, set, latest);
  const drain = new DrainLoop(queue, set, self, latest, logger, {
    async: logging.async,
    intervalMs: logging.drainIntervalMs,
    selfReports: profiling.enabled,
    selfReportEverySteps: profiling.reportEverySteps,
  });
  return { queue, backends: set, self, drain };
}
