import type { MetricDefinition } from '../../core/metric-definition.js';
import type { MetricValue } from '../../core/values.js';
import { type MetricRecordObject, metricRecordOf, SUMMARY_FIELDS } from './offline/metric-record.js';
import { wandbJsonNumber } from './wandb-json.js';

/** One entry of `config._wandb.value.m`, as `proto_encode_to_dict` writes a `MetricRecord`. */
export type WireMetric = Record<string, string | number | number[]>;

/** Running aggregates of one defined metric. */
interface Track {
  min?: number;
  max?: number;
  sum: number;
  count: number;
  last?: number;
}

/**
 * W&B's `define_metric` state, as the 0.15.12 handler and sender keep it (wandb-protocol-2.md §3): definitions
 * merged by name, globs expanded on the first history key that matches, the `m` list of `config._wandb` (step
 * metrics referred to by position), the summary aggregates (`min`/`max`/`mean`/`best`/`last`/`none`/`copy`) and
 * `step_sync`.
 */
export class WandbMetricDefinitions {
  private readonly byName = new Map<string, MetricRecordObject>();
  private readonly globs: MetricRecordObject[] = [];
  private readonly tracks = new Map<string, Track>();
  private readonly wire: WireMetric[] = [];
  private readonly wireIndex = new Map<string, number>();
  private readonly stepMetrics = new Set<string>();
  private readonly lastStepValues = new Map<string, MetricValue>();
  /** Keys checked against the globs already. */
  private readonly globChecked = new Set<string>();

  /** Whether any metric is defined (W&B's summary rules apply only then). */
  get active(): boolean {
    return this.byName.size > 0 || this.globs.length > 0;
  }

  /** `config._wandb.value.m`. */
  get configM(): readonly WireMetric[] {
    return this.wire;
  }

  /** Whether `key` has a definition (its summary is W&B's, not the latest value). */
  defines(key: string): boolean {
    return this.byName.has(key);
  }

  /** A user's definition. @returns the record to persist */
  define(definition: MetricDefinition): MetricRecordObject {
    const record = metricRecordOf(definition);
    if (record.glob_name !== undefined) {
      this.globs.push(record);
      return record;
    }
    this.add(record);
    return record;
  }

  /**
   * A persisted `metric` record as W&B's sender merges it (`wandb sync`): a glob is ignored and a step metric
   * nobody defined stays a name (`"4"`), since the handler's derived definitions are never persisted.
   */
  replay(record: MetricRecordObject): void {
    if (record.name !== undefined && record.name !== '') this.add(record, false);
  }

  /**
   * Before a history row is encoded: expands globs for its keys (`true` when `m` changed) and returns the extra
   * step keys `step_sync` adds (the step metric's last value, for a defined metric logged without it).
   */
  beforeRow(
    keys: readonly string[],
    values: readonly MetricValue[],
  ): { changed: boolean; extra: Map<string, MetricValue> } {
    let changed = false;
    const extra = new Map<string, MetricValue>();
    if (this.globs.length > 0) {
      for (const key of keys) if (this.expandGlob(key)) changed = true;
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (this.stepMetrics.has(key)) this.lastStepValues.set(key, values[i] as MetricValue);
    }
    for (const key of keys) {
      const record = this.byName.get(key);
      const step = record?.step_metric;
      if (step === undefined || record?.options?.step_sync !== true || keys.includes(step)) continue;
      const last = this.lastStepValues.get(step);
      if (last !== undefined && !extra.has(step)) extra.set(step, last);
    }
    return { changed, extra };
  }

  /**
   * The summary value of `key` after a history row set it to `valueJson`: `undefined` keeps W&B's copy, `null`
   * leaves the key out (`none`, or aggregates of a non-number), else the JSON object of its aggregates.
   */
  summaryJson(key: string, valueJson: string): string | null | undefined {
    const record = this.byName.get(key);
    const summary = record?.summary;
    if (summary === undefined || summary.copy === true) return undefined;
    if (summary.none === true) return null;
    const value = Number(valueJson);
    const track = this.tracks.get(key) ?? { sum: 0, count: 0 };
    this.tracks.set(key, track);
    if (valueJson.length > 0 && !Number.isNaN(value) && /^-?(\d|Infinity)/.test(valueJson)) {
      if (track.min === undefined || value < track.min) track.min = value;
      if (track.max === undefined || value > track.max) track.max = value;
      track.sum += value;
      track.count++;
      track.last = value;
    }
    const maximize = record?.goal === 2;
    const parts: string[] = [];
    const add = (name: string, v: number | undefined) => {
      if (v !== undefined) parts.push(`${JSON.stringify(name)}:${wandbJsonNumber(v)}`);
    };
    if (summary.max === true) add('max', track.max);
    if (summary.best === true && maximize) add('best', track.max);
    if (summary.min === true) add('min', track.min);
    if (summary.best === true && !maximize) add('best', track.min);
    if (summary.mean === true && track.count > 0) add('mean', track.sum / track.count);
    if (summary.last === true) add('last', track.last);
    return parts.length > 0 ? `{${parts.join(',')}}` : null;
  }

  /** Merges a (plain) record by name and updates its `m` entry, defining an unknown step metric first. */
  private add(record: MetricRecordObject, defineStep = true): void {
    const name = record.name as string;
    const step = record.step_metric;
    const old = this.byName.get(name);
    const merged =
      old === undefined || record._control?.overwrite === true ? copy(record) : merge(old, record);
    this.byName.set(name, merged);
    if (merged.step_metric !== undefined) {
      this.stepMetrics.add(merged.step_metric);
      if (defineStep && step !== undefined && !this.byName.has(step)) this.add({ name: step });
    }
    this.putWire(name, merged);
  }

  private expandGlob(key: string): boolean {
    if (key.startsWith('_') || this.byName.has(key) || this.globChecked.has(key)) return false;
    this.globChecked.add(key);
    const glob = this.globs.find((g) => key.startsWith((g.glob_name as string).slice(0, -1)));
    if (glob === undefined) return false;
    const { glob_name: _glob, ...rest } = copy(glob);
    this.add({ ...rest, name: key, options: { ...rest.options, defined: false } });
    return true;
  }

  private putWire(name: string, record: MetricRecordObject): void {
    const entry: WireMetric = { '1': name };
    const step = record.step_metric;
    const stepIndex = step === undefined ? undefined : this.wireIndex.get(step);
    if (step !== undefined && stepIndex === undefined) entry['4'] = step;
    if (stepIndex !== undefined) entry['5'] = stepIndex + 1;
    const options = record.options ?? {};
    const optionFields = [options.step_sync, options.hidden, options.defined]
      .map((on, i) => (on === true ? i + 1 : 0))
      .filter((n) => n > 0);
    if (optionFields.length > 0) entry['6'] = optionFields;
    const summary = record.summary ?? {};
    const summaryFields = SUMMARY_FIELDS.map((mode, i) => (summary[mode] === true ? i + 1 : 0)).filter(
      (n) => n > 0,
    );
    if (summaryFields.length > 0) entry['7'] = summaryFields;
    if (record.goal !== undefined && record.goal !== 0) entry['8'] = record.goal;
    const at = this.wireIndex.get(name);
    if (at !== undefined) this.wire[at] = entry;
    else {
      this.wireIndex.set(name, this.wire.length);
      this.wire.push(entry);
    }
  }
}

function copy(record: MetricRecordObject): MetricRecordObject {
  return structuredClone(record);
}

/** protobuf `MergeFrom`: set scalars replace, true flags add up. */
function merge(old: MetricRecordObject, next: MetricRecordObject): MetricRecordObject {
  const out = copy(old);
  if (next.step_metric !== undefined) out.step_metric = next.step_metric;
  if (next.goal !== undefined && next.goal !== 0) out.goal = next.goal;
  if (next.options !== undefined) out.options = { ...out.options, ...trueOnly(next.options) };
  if (next.summary !== undefined) out.summary = { ...out.summary, ...trueOnly(next.summary) };
  return out;
}

function trueOnly<T extends Record<string, boolean | undefined>>(flags: T): Partial<T> {
  return Object.fromEntries(Object.entries(flags).filter(([, on]) => on === true)) as Partial<T>;
}
