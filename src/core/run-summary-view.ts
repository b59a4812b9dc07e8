import type { Logger } from './backend.js';
import type { MetricSummary } from './metric-summary.js';
import { type SummaryJson, type SummaryUpdate, toSummaryJson } from './summary-update.js';
import type { MetricValue } from './values.js';

/** A value of the run summary: the latest logged value of a key, or what `summary.update()` set. */
export type SummaryValue = MetricValue | SummaryJson;

/** What the view needs from its run. */
export interface SummaryViewHost {
  /** Called before an update is applied; `false` (the run has finished) rejects it. */
  beforeUpdate(): boolean;
  /** Hands an applied update to the backends. */
  send(update: SummaryUpdate): void;
}

interface ExplicitValue {
  readonly value: SummaryJson;
  /** The logged value when it was set: once the key is logged again, the logged value wins. */
  readonly shadowed: MetricValue | undefined;
}

/**
 * `run.summary` as the user sees it (W&B's `run.summary`): read the latest value of every key
 * (`get`, `has`, iteration, `toJSON`), and set summary-only values with `update({best_accuracy: 0.9})` without
 * logging a history point. It is a view: the internal summary the drain maintains is never handed out, so
 * nothing a caller does to this object (in TypeScript or plain JavaScript) can corrupt it; values set here are
 * frozen copies.
 *
 * A key set with `update` stays until it is logged again, as in W&B. Numbers also become the key's latest value
 * (TensorBoard's final hparams metrics and the end-of-run summary see them); other JSON values are kept here and
 * sent to the backends.
 */
export class RunSummaryView implements ReadonlyMap<string, SummaryValue> {
  private readonly explicit = new Map<string, ExplicitValue>();

  constructor(
    private readonly latest: MetricSummary,
    private readonly host: SummaryViewHost,
    private readonly logger: Logger,
  ) {}

  /**
   * Sets summary-only values (`{best_accuracy: 0.9, final: {loss: 0.2}}`): JSON data, numbers may be NaN or
   * ±Infinity. A value that is not JSON data is skipped with one warning. Queued `log()` values are handed on
   * first, so a value set here replaces one logged before it.
   */
  update(values: Readonly<Record<string, unknown>>): void {
    if (values === null || typeof values !== 'object' || Array.isArray(values)) {
      this.logger.warnOnce(
        'summary-not-object',
        'summary.update() expects an object ({key: value}); ignored',
      );
      return;
    }
    if (!this.host.beforeUpdate()) return;
    const set: { key: string; value: SummaryJson }[] = [];
    for (const [key, raw] of Object.entries(values)) {
      if (raw === undefined) continue;
      const converted = toSummaryJson(raw);
      if ('reason' in converted) {
        this.logger.warnOnce(
          'summary-value',
          `summary.update(): "${key}" was skipped: ${converted.reason}; summary values are JSON data`,
        );
        continue;
      }
      this.apply(key, converted.value);
      set.push({ key, value: converted.value });
    }
    if (set.length > 0) this.host.send({ set });
  }

  get size(): number {
    let size = this.latest.size;
    for (const key of this.explicit.keys()) if (!this.latest.has(key)) size++;
    return size;
  }

  get(key: string): SummaryValue | undefined {
    const logged = this.latest.get(key);
    const explicit = this.explicit.get(key);
    if (explicit !== undefined && Object.is(explicit.shadowed, logged)) return explicit.value;
    return logged;
  }

  has(key: string): boolean {
    return this.latest.has(key) || this.explicit.has(key);
  }

  forEach(
    callback: (value: SummaryValue, key: string, map: ReadonlyMap<string, SummaryValue>) => void,
    thisArg?: unknown,
  ): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  *keys(): MapIterator<string> {
    yield* this.latest.keys();
    for (const key of this.explicit.keys()) if (!this.latest.has(key)) yield key;
  }

  *values(): MapIterator<SummaryValue> {
    for (const key of this.keys()) yield this.get(key) as SummaryValue;
  }

  *entries(): MapIterator<[string, SummaryValue]> {
    for (const key of this.keys()) yield [key, this.get(key) as SummaryValue];
  }

  [Symbol.iterator](): MapIterator<[string, SummaryValue]> {
    return this.entries();
  }

  /** The summary as a plain object (`JSON.stringify(run.summary)`). */
  toJSON(): Record<string, SummaryValue> {
    return Object.fromEntries(this.entries());
  }

  private apply(key: string, value: SummaryJson): void {
    if (typeof value === 'number') {
      this.explicit.delete(key);
      this.latest.set(key, value);
      return;
    }
    this.explicit.set(key, { value, shadowed: this.latest.get(key) });
  }
}
