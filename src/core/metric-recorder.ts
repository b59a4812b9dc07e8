import type { Logger } from './backend.js';
import { CallContext } from './call-context.js';
import { MUST_DRAIN, PUSHED } from './metric-queue.js';
import { type MetricKey, type PriorityFilter, priorityRank } from './priority-filter.js';
import type { LogOptions } from './run-handle.js';
import type { DrainControl, ValueQueue } from './value-queue.js';
import { isFlattenable } from './value-sanitizer.js';
import { errorMessage } from './error-message.js';

/** What `readField` returns when a getter throws. */
const THREW: unique symbol = Symbol('threw');

/** Nested objects deeper than this are not expanded further (and a cycle cannot recurse forever). */
const MAX_FLATTEN_DEPTH = 8;

/**
 * The caller-side hot path of `Run.log`: everything that happens on the trainer's thread.
 *
 * For each call it reads the options once into a reused {@link CallContext} (sanitizing `step` and `every`),
 * then for each value applies the selection rules (priority level, intervals, rank policy; see
 * `PriorityFilter`), checks explicit steps for going backwards per key, and copies the value into the bounded
 * `MetricQueue` (see there for the overflow policy). Validation, encoding and I/O happen later, in the
 * `DrainLoop`. The metrics object may be mutated and reused as soon as `record` returns.
 *
 * A flat object of numbers allocates nothing per call once its keys are known. Nested plain objects are
 * flattened here into `key/field` tags (the slower path: it builds the tag strings).
 *
 * Back-pressure: when the queue is full of high-priority values (which are never dropped) the recorder drains
 * synchronously and pushes again. In synchronous mode (`logging.async: false`) a call larger than the queue
 * drains it as it goes, so nothing is ever dropped.
 */
export class MetricRecorder {
  private readonly context = new CallContext();
  /** Whether `context` is in use (a re-entrant `log()` then gets a fresh context instead). */
  private busy = false;
  private callSeq = 0;

  constructor(
    private readonly filter: PriorityFilter,
    private readonly queue: ValueQueue,
    private readonly drain: DrainControl,
    private readonly logger: Logger,
    private readonly asyncDrain: boolean,
  ) {}

  /**
   * Records one `log()` call logged at `currentStep` unless `options.step` says otherwise.
   * @returns the call's context; read its `step`, `explicit` and `commit` before the next `log()`.
   */
  record(
    metrics: Readonly<Record<string, unknown>>,
    options: LogOptions | undefined,
    currentStep: number,
  ): CallContext {
    const reentrant = this.busy;
    const context = reentrant ? new CallContext() : this.context;
    this.busy = true;
    try {
      this.readOptions(context, options, currentStep);
      if (metrics === null || typeof metrics !== 'object') {
        this.logger.warnOnce(
          'log-not-object',
          'log() expects an object of metrics ({name: value}); the call was ignored',
        );
      } else if (context.every === 0 || context.step % context.every === 0) {
        this.recordCall(metrics, context);
      }
    } catch (error) {
      // An exotic metrics or options object (a Proxy whose traps throw): never an exception in the trainer.
      this.logger.warnOnce(
        'log-unreadable',
        `log() could not read its arguments (${errorMessage(error)}); what was read before was logged`,
      );
    } finally {
      if (!reentrant) this.busy = false;
    }
    return context;
  }

  private readOptions(context: CallContext, options: LogOptions | undefined, currentStep: number): void {
    context.reset(currentStep);
    if (options === undefined) return;
    if (options.step !== undefined) {
      context.step = this.sanitizeStep(options.step, currentStep);
      context.explicit = true;
    }
    if (options.prefix !== undefined) context.prefix = options.prefix;
    if (options.priority !== undefined) context.forced = priorityRank(options.priority);
    if (options.every !== undefined) context.every = this.sanitizeEvery(options.every);
    if (options.commit === false) context.commit = false;
    if (options.allRanks === true) context.allRanks = true;
  }

  private recordCall(metrics: Readonly<Record<string, unknown>>, context: CallContext): void {
    const table = this.filter.tableFor(context.prefix, context.allRanks);
    context.table = table;
    context.time = Date.now();
    const seq = ++this.callSeq;
    context.call = context.commit && !context.explicit ? -seq : seq;
    const droppedBefore = this.queue.dropped;
    for (const key in metrics) {
      const value = this.readField(metrics, key, key);
      if (value === THREW) continue;
      if (typeof value === 'object' && value !== null && isFlattenable(value)) {
        this.recordNested(value, key, context, 1);
        continue;
      }
      const metric = table.get(key) ?? this.filter.resolve(context.prefix, key, table);
      this.recordValue(metric, value, context);
    }
    context.table = undefined;
    if (this.queue.dropped !== droppedBefore) {
      const { option, value } = this.queue.sizedBy ?? {
        option: 'logging.queueCapacity',
        value: `${this.queue.capacity} values`,
      };
      this.logger.warnOnce(
        'queue-full',
        `the metrics queue is full (${option} = ${value}): dropping the least important values (low, then medium; high is never dropped). Raise ${option}, log less often, or lower logging.level; drops are counted in trainscope/dropped`,
      );
    }
  }

  private recordNested(object: object, path: string, context: CallContext, depth: number): void {
    const table = context.table as Map<string, MetricKey>;
    let fields = 0;
    for (const field in object) {
      fields++;
      const key = `${path}/${field}`;
      const value = this.readField(object as Record<string, unknown>, field, key);
      if (value === THREW) continue;
      if (typeof value === 'object' && value !== null && isFlattenable(value) && depth < MAX_FLATTEN_DEPTH) {
        this.recordNested(value, key, context, depth + 1);
        continue;
      }
      const metric = table.get(key) ?? this.filter.resolve(context.prefix, key, table);
      this.recordValue(metric, value, context);
    }
    if (fields === 0) {
      this.logger.warnOnce(
        'value-empty-object',
        `metric "${path}" is an object without fields; nothing was logged`,
      );
    }
  }

  /** `object[field]`, or {@link THREW} with a one-time warning when its getter throws (the other values stay). */
  private readField(object: Readonly<Record<string, unknown>>, field: string, key: string): unknown {
    try {
      return object[field];
    } catch (error) {
      this.logger.warnOnce(
        'value-getter-threw',
        `reading metric "${key}" threw (${errorMessage(error)}); the value was not logged, the others were`,
      );
      return THREW;
    }
  }

  /** The per-value rules: selection, the explicit-step check, then the push with back-pressure. */
  private recordValue(metric: MetricKey, value: unknown, context: CallContext): void {
    if (metric.slot === null) return;
    const step = context.step;
    const priority = context.forced >= 0 ? context.forced : metric.priority;
    if (priority > this.filter.threshold) return;
    if (context.every === 0 && metric.interval > 1 && step % metric.interval !== 0) return;
    if (context.explicit) {
      if (step < metric.lastExplicitStep) {
        this.logger.warnOnce(
          'step-backwards',
          `metric "${metric.slot.tag}" was logged at step ${step} after step ${metric.lastExplicitStep}; passed on, but W&B drops steps that go backwards`,
        );
      } else {
        metric.lastExplicitStep = step;
      }
    }
    // Synchronous mode never drops: a call larger than the queue drains it as it goes.
    if (!this.asyncDrain && this.queue.size >= this.queue.capacity) this.drain.drain();
    if (this.queue.push(metric, value, priority, context) === MUST_DRAIN) {
      // Explicit back-pressure: the queue is full of high-priority values, which are never dropped.
      this.drain.drain();
      if (this.queue.push(metric, value, priority, context) === PUSHED) return;
      this.logger.warnOnce(
        'queue-reentrant',
        `a value of "${metric.slot.tag}" was dropped: the queue was full while draining`,
      );
    }
  }

  /**
   * A fractional step is floored; a negative, NaN, infinite, non-number or unsafe (above 2^53 - 1, where
   * `step + 1 === step`) one is replaced by `currentStep`. Each warned once.
   */
  private sanitizeStep(step: number, currentStep: number): number {
    if (Number.isSafeInteger(step) && step >= 0) return step;
    if (typeof step === 'number' && step >= 0 && Number.isSafeInteger(Math.floor(step))) {
      this.logger.warnOnce(
        'step-fraction',
        `log() got a fractional step (${step}); steps are integers, it was floored`,
      );
      return Math.floor(step);
    }
    this.logger.warnOnce(
      'step-invalid',
      `log() got an invalid step (${typeof step === 'number' ? String(step) : typeof step}); steps are non-negative integers, the current step ${currentStep} was used` +
        (typeof step === 'number' && step > Number.MAX_SAFE_INTEGER
          ? ' (a step must be at most Number.MAX_SAFE_INTEGER, where step + 1 is still exact)'
          : ''),
    );
    return currentStep;
  }

  private sanitizeEvery(every: number): number {
    if (Number.isInteger(every) && every >= 1) return every;
    if (typeof every === 'number' && every >= 1 && Number.isFinite(every)) return Math.floor(every);
    this.logger.warnOnce(
      'every-invalid',
      'log() got an `every` that is not a positive integer; it was ignored',
    );
    return 0;
  }
}
