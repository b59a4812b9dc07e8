import type { MetricValue } from '../../core/values.js';
import {
  encodeHParamsPluginData,
  HParamDataType,
  type HParamsPluginDataMessage,
  SessionStatus,
  type StructValueMessage,
} from './proto.js';
import { hparamsSummaryValue, tableToMarkdown } from './summary.js';
import type { SummaryValueMessage } from './proto.js';

/** Tags of the hparams plugin (`tensorboard/plugins/hparams/metadata.py`). */
export const EXPERIMENT_TAG = '_hparams_/experiment';
export const SESSION_START_INFO_TAG = '_hparams_/session_start_info';
export const SESSION_END_INFO_TAG = '_hparams_/session_end_info';

export type HParamValue = number | string | boolean;

/**
 * Flattens a run's config into hparams: nested objects become dotted keys (`optimizer.lr`); numbers, strings and
 * booleans stay as they are; arrays, null and anything else become their JSON text.
 */
export function flattenConfig(
  config: Readonly<Record<string, unknown>>,
  prefix = '',
): Map<string, HParamValue> {
  const out = new Map<string, HParamValue>();
  for (const [key, value] of Object.entries(config)) {
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      out.set(name, value);
    } else if (typeof value === 'bigint') {
      out.set(name, Number(value));
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flattenConfig(value as Record<string, unknown>, name)) out.set(k, v);
    } else if (value !== undefined) {
      out.set(name, safeJson(value));
    }
  }
  return out;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function toStructValue(value: HParamValue): StructValueMessage {
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return { stringValue: value };
}

function dataTypeOf(value: HParamValue): number {
  if (typeof value === 'number') return HParamDataType.FLOAT64;
  if (typeof value === 'boolean') return HParamDataType.BOOL;
  return HParamDataType.STRING;
}

export function sessionStartInfoValue(
  hparams: ReadonlyMap<string, HParamValue>,
  startTimeSecs: number,
  groupName: string | undefined,
): SummaryValueMessage {
  const structHparams: Record<string, StructValueMessage> = {};
  for (const [key, value] of hparams) structHparams[key] = toStructValue(value);
  const data: HParamsPluginDataMessage = { sessionStartInfo: { hparams: structHparams, startTimeSecs } };
  if (groupName !== undefined && data.sessionStartInfo) data.sessionStartInfo.groupName = groupName;
  return hparamsSummaryValue(SESSION_START_INFO_TAG, encodeHParamsPluginData(data));
}

/** The experiment: which hparams are columns of the HPARAMS table, and which scalar tags are its metrics. */
export function experimentValue(
  hparams: ReadonlyMap<string, HParamValue>,
  metricTags: readonly string[],
  timeCreatedSecs: number,
  name: string,
): SummaryValueMessage {
  const data: HParamsPluginDataMessage = {
    experiment: {
      name,
      timeCreatedSecs,
      hparamInfos: [...hparams].map(([key, value]) => ({ name: key, type: dataTypeOf(value) })),
      metricInfos: metricTags.map((tag) => ({ name: { tag } })),
    },
  };
  return hparamsSummaryValue(EXPERIMENT_TAG, encodeHParamsPluginData(data));
}

export function sessionEndInfoValue(success: boolean, endTimeSecs: number): SummaryValueMessage {
  const data: HParamsPluginDataMessage = {
    sessionEndInfo: { status: success ? SessionStatus.SUCCESS : SessionStatus.FAILURE, endTimeSecs },
  };
  return hparamsSummaryValue(SESSION_END_INFO_TAG, encodeHParamsPluginData(data));
}

/** The run's final metrics: the numeric entries of its summary, by TensorBoard tag. */
export function finalMetricTags(
  summary: ReadonlyMap<string, MetricValue>,
  toTag: (key: string) => string | undefined,
): string[] {
  const tags: string[] = [];
  for (const [key, value] of summary) {
    if (typeof value !== 'number') continue;
    const tag = toTag(key);
    if (tag !== undefined) tags.push(tag);
  }
  return tags;
}

/** The config as a Markdown table for the text plugin (tag `config`). */
export function configMarkdown(hparams: ReadonlyMap<string, HParamValue>): string {
  if (hparams.size === 0) return '(empty config)';
  return tableToMarkdown({
    kind: 'table',
    columns: ['key', 'value'],
    rows: [...hparams].map(([key, value]) => [key, String(value)]),
  });
}
