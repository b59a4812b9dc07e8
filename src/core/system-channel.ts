import type { Logger } from './backend.js';
import type { BackendSet } from './backend-set.js';
import type { DrainControl } from './value-queue.js';
import { sanitizeValue } from './value-sanitizer.js';
import type { MetricValue } from './values.js';

/**
 * The profiler's second channel (`ProfilerHost.logSystem`): CPU, memory and GPU samples, written straight to
 * the backends as `system` rows (TensorBoard scalars under `system/`, W&B's `wandb-events.jsonl`), bypassing
 * the queue and the selection rules. The queue is drained first so rows reach the backends in time order.
 */
export class SystemChannel {
  private lastStep = -1;

  constructor(
    private readonly startTime: number,
    private readonly drain: DrainControl,
    private readonly backends: BackendSet,
    private readonly logger: Logger,
  ) {}

  write(metrics: Readonly<Record<string, number>>): void {
    this.drain.drain();
    const keys: string[] = [];
    const values: MetricValue[] = [];
    for (const key in metrics) {
      if (key === '') continue;
      const value = sanitizeValue(metrics[key], key, this.logger);
      if (value === undefined) continue;
      keys.push(key);
      values.push(value);
    }
    if (keys.length === 0) return;
    // System samples come from a timer, not from training steps, and TensorBoard keeps one point per step: their
    // step is whole seconds since the run started, forced strictly increasing (W&B plots them by time anyway).
    const time = Date.now();
    const step = Math.max(Math.floor((time - this.startTime) / 1000), this.lastStep + 1);
    this.lastStep = step;
    this.backends.write([{ step, time, channel: 'system', keys, values }]);
  }
}
