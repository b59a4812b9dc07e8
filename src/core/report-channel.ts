import type { Logger, MetricRow } from './backend.js';
import type { BackendSet } from './backend-set.js';
import type { MetricSummary } from './metric-summary.js';
import type { Priority } from './options.js';
import { type PriorityFilter, priorityRank } from './priority-filter.js';
import type { DrainControl } from './value-queue.js';
import { sanitizeValue } from './value-sanitizer.js';
import type { MetricValue } from './values.js';

/**
 * The profiler's end-of-run report (`ProfilerHost.logReport`: final timings, the bottleneck and operations
 * tables): values about the whole run, not about a step. They go to the backends through
 * `BackendSet.writeReport`, so W&B can put them in the summary instead of a history row one step past the
 * trainer's last one (W&B's `run.summary.update`); TensorBoard writes them at the current step as before.
 *
 * The same selection as `log()` applies (the `PriorityFilter`: tag sanitizing, the priority against
 * `logging.level`, a rank's metric policy), and the values become the run's latest ones (the end-of-run summary,
 * TensorBoard's final hparams metrics). The queue is drained first so what was logged before arrives first.
 */
export class ReportChannel {
  constructor(
    private readonly drain: DrainControl,
    private readonly backends: BackendSet,
    private readonly filter: PriorityFilter,
    private readonly latest: MetricSummary,
    private readonly logger: Logger,
  ) {}

  write(metrics: Readonly<Record<string, unknown>>, step: number, priority?: Priority): void {
    this.drain.drain();
    const table = this.filter.tableFor('');
    const keys: string[] = [];
    const values: MetricValue[] = [];
    for (const key in metrics) {
      const decision = table.get(key) ?? this.filter.resolve('', key, table);
      const slot = decision.slot;
      const rank = priority === undefined ? decision.priority : priorityRank(priority);
      if (slot === null || rank > this.filter.threshold) continue;
      const value = sanitizeValue(metrics[key], slot.tag, this.logger);
      if (value === undefined) continue;
      keys.push(slot.tag);
      values.push(value);
      this.latest.update(slot, value);
    }
    if (keys.length === 0) return;
    const row: MetricRow = { step, time: Date.now(), channel: 'history', keys, values };
    this.backends.writeReport(row);
  }
}
