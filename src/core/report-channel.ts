import type { Logger, MetricRow } from './backend.js';
import type { BackendSet } from './backend-set.js';
import type { MetricSummary } from './metric-summary.js';
import type { DrainControl } from './value-queue.js';
import { sanitizeValue } from './value-sanitizer.js';
import type { MetricValue } from './values.js';

/**
 * The profiler's end-of-run report (`ProfilerHost.logReport`: final timings, the bottleneck and operations
 * tables): values about the whole run, not about a step. They go to the backends through
 * `BackendSet.writeReport`, so W&B can put them in the summary instead of a history row one step past the
 * trainer's last one (W&B's `run.summary.update`); TensorBoard writes them at the current step as before. The
 * queue is drained first so what was logged before reaches the backends before the report.
 */
export class ReportChannel {
  constructor(
    private readonly drain: DrainControl,
    private readonly backends: BackendSet,
    private readonly latest: MetricSummary,
    private readonly logger: Logger,
  ) {}

  write(metrics: Readonly<Record<string, unknown>>, step: number): void {
    this.drain.drain();
    const keys: string[] = [];
    const values: MetricValue[] = [];
    for (const key in metrics) {
      if (key === '') continue;
      const value = sanitizeValue(metrics[key], key, this.logger);
      if (value === undefined) continue;
      keys.push(key);
      values.push(value);
      // The run's latest values (the end-of-run summary, TensorBoard's final hparams metrics) include the report.
      this.latest.set(key, value);
    }
    if (keys.length === 0) return;
    const row: MetricRow = { step, time: Date.now(), channel: 'history', keys, values };
    this.backends.writeReport(row);
  }
}
