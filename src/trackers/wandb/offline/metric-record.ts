import protobuf from 'protobufjs';
import type { MetricDefinition, MetricSummaryMode } from '../../../core/metric-definition.js';

/**
 * `wandb_internal.MetricRecord` (Record field 12, kept as bytes in trainscope's schema subset), built here with
 * protobufjs from its field numbers (wandb-protocol-2.md §3): `name 1, glob_name 2, step_metric 4,
 * step_metric_index 5, options 6 {step_sync 1, hidden 2, defined 3}, summary 7 {min 1 … copy 7}, goal 8,
 * _control 9 {overwrite 1}`.
 */
const Options = new protobuf.Type('MetricOptions')
  .add(new protobuf.Field('step_sync', 1, 'bool'))
  .add(new protobuf.Field('hidden', 2, 'bool'))
  .add(new protobuf.Field('defined', 3, 'bool'));
const Summary = new protobuf.Type('MetricSummary')
  .add(new protobuf.Field('min', 1, 'bool'))
  .add(new protobuf.Field('max', 2, 'bool'))
  .add(new protobuf.Field('mean', 3, 'bool'))
  .add(new protobuf.Field('best', 4, 'bool'))
  .add(new protobuf.Field('last', 5, 'bool'))
  .add(new protobuf.Field('none', 6, 'bool'))
  .add(new protobuf.Field('copy', 7, 'bool'));
const Control = new protobuf.Type('MetricControl').add(new protobuf.Field('overwrite', 1, 'bool'));
const Metric = new protobuf.Type('MetricRecord')
  .add(new protobuf.Field('name', 1, 'string'))
  .add(new protobuf.Field('glob_name', 2, 'string'))
  .add(new protobuf.Field('step_metric', 4, 'string'))
  .add(new protobuf.Field('step_metric_index', 5, 'int32'))
  .add(new protobuf.Field('options', 6, 'MetricOptions'))
  .add(new protobuf.Field('summary', 7, 'MetricSummary'))
  .add(new protobuf.Field('goal', 8, 'int32'))
  .add(new protobuf.Field('_control', 9, 'MetricControl'));
new protobuf.Root().define('wandb_internal').add(Options).add(Summary).add(Control).add(Metric);

/** The summary flags in field order (1 min … 7 copy). */
export const SUMMARY_FIELDS: readonly MetricSummaryMode[] = [
  'min',
  'max',
  'mean',
  'best',
  'last',
  'none',
  'copy',
];

/** A `MetricRecord` as a plain object (protobuf field names; absent fields left out). */
export interface MetricRecordObject {
  name?: string;
  glob_name?: string;
  step_metric?: string;
  step_metric_index?: number;
  options?: { step_sync?: boolean; hidden?: boolean; defined?: boolean };
  summary?: Partial<Record<MetricSummaryMode, boolean>>;
  goal?: number;
  _control?: { overwrite?: boolean };
}

/** The record a user's `defineMetric` call persists (`options.defined` set, as W&B's `Metric._commit`). */
export function metricRecordOf(definition: MetricDefinition): MetricRecordObject {
  const record: MetricRecordObject = {};
  if (definition.globName !== undefined) record.glob_name = definition.globName;
  else record.name = definition.name;
  if (definition.stepMetric !== undefined) record.step_metric = definition.stepMetric;
  record.options = { defined: true };
  if (definition.stepSync) record.options.step_sync = true;
  if (definition.hidden) record.options.hidden = true;
  if (definition.summary.length > 0) {
    record.summary = {};
    for (const mode of definition.summary) record.summary[mode] = true;
  }
  if (definition.goal !== undefined) record.goal = definition.goal === 'minimize' ? 1 : 2;
  if (definition.overwrite) record._control = { overwrite: true };
  return record;
}

export function encodeMetricRecord(record: MetricRecordObject): Uint8Array {
  return Metric.encode(Metric.fromObject(record)).finish();
}

export function decodeMetricRecord(bytes: Uint8Array): MetricRecordObject {
  return Metric.toObject(Metric.decode(bytes), { defaults: false }) as MetricRecordObject;
}
