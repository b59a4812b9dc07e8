import protobuf from 'protobufjs';
import { descriptor } from './generated/descriptor.js';

/**
 * TensorBoard's messages, encoded and decoded by protobufjs from the project's own `.proto`
 * (`proto/tensorboard/tensorboard.proto`). Field names are protobufjs's camelCase. Singular fields left
 * `undefined` are not written: proto3 omits default values, and so must we to match TensorBoard's bytes.
 */

export const DataType = {
  DT_FLOAT: 1,
  DT_DOUBLE: 2,
  DT_INT32: 3,
  DT_STRING: 7,
  DT_INT64: 9,
  DT_BOOL: 10,
} as const;
export const DataClass = { UNKNOWN: 0, SCALAR: 1, TENSOR: 2, BLOB_SEQUENCE: 3 } as const;
export const SessionLogStatus = { UNSPECIFIED: 0, START: 1, STOP: 2, CHECKPOINT: 3 } as const;
export const HParamDataType = { UNSET: 0, STRING: 1, BOOL: 2, FLOAT64: 3 } as const;
export const SessionStatus = { UNKNOWN: 0, SUCCESS: 1, FAILURE: 2, RUNNING: 3 } as const;

export interface PluginDataMessage {
  pluginName?: string;
  content?: Uint8Array;
}

export interface SummaryMetadataMessage {
  pluginData?: PluginDataMessage;
  displayName?: string;
  summaryDescription?: string;
  dataClass?: number;
}

export interface TensorShapeMessage {
  dim?: { size?: number; name?: string }[];
}

export interface TensorMessage {
  dtype?: number;
  tensorShape?: TensorShapeMessage;
  tensorContent?: Uint8Array;
  floatVal?: number[];
  doubleVal?: number[];
  intVal?: number[];
  stringVal?: Uint8Array[];
  int64Val?: number[];
  boolVal?: boolean[];
}

export interface HistogramMessage {
  min?: number;
  max?: number;
  num?: number;
  sum?: number;
  sumSquares?: number;
  bucketLimit?: number[];
  bucket?: number[];
}

export interface ImageMessage {
  height?: number;
  width?: number;
  colorspace?: number;
  encodedImageString?: Uint8Array;
}

export interface SummaryValueMessage {
  tag?: string;
  simpleValue?: number;
  image?: ImageMessage;
  histo?: HistogramMessage;
  tensor?: TensorMessage;
  metadata?: SummaryMetadataMessage;
}

export interface SummaryMessage {
  value?: SummaryValueMessage[];
}

export interface SessionLogMessage {
  status?: number;
  checkpointPath?: string;
  msg?: string;
}

export interface EventMessage {
  wallTime?: number;
  step?: number;
  fileVersion?: string;
  graphDef?: Uint8Array;
  summary?: SummaryMessage;
  sessionLog?: SessionLogMessage;
  sourceMetadata?: { writer?: string };
}

/** `google.protobuf.Value`. */
export interface StructValueMessage {
  nullValue?: number;
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  structValue?: { fields?: Record<string, StructValueMessage> };
  listValue?: { values?: StructValueMessage[] };
}

export interface HParamsPluginDataMessage {
  version?: number;
  experiment?: {
    description?: string;
    user?: string;
    timeCreatedSecs?: number;
    hparamInfos?: { name?: string; displayName?: string; description?: string; type?: number }[];
    metricInfos?: { name?: { group?: string; tag?: string }; displayName?: string; description?: string }[];
    name?: string;
  };
  sessionStartInfo?: {
    hparams?: Record<string, StructValueMessage>;
    modelUri?: string;
    monitorUrl?: string;
    groupName?: string;
    startTimeSecs?: number;
  };
  sessionEndInfo?: { status?: number; endTimeSecs?: number };
}

const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
const EventType = root.lookupType('tensorboard.Event');
const SummaryType = root.lookupType('tensorboard.Summary');
const HParamsPluginDataType = root.lookupType('tensorboard.HParamsPluginData');

export function encodeEvent(event: EventMessage): Uint8Array {
  return EventType.encode(event).finish();
}

export function encodeSummary(summary: SummaryMessage): Uint8Array {
  return SummaryType.encode(summary).finish();
}

export function encodeHParamsPluginData(data: HParamsPluginDataMessage): Uint8Array {
  return HParamsPluginDataType.encode(data).finish();
}

const toObjectOptions: protobuf.IConversionOptions = { longs: Number, enums: Number, bytes: Uint8Array };

/** Decodes one event payload. Throws protobufjs's error when the bytes are not an `Event`. */
export function decodeEvent(bytes: Uint8Array): EventMessage {
  return EventType.toObject(EventType.decode(bytes), toObjectOptions) as EventMessage;
}

export function decodeHParamsPluginData(bytes: Uint8Array): HParamsPluginDataMessage {
  return HParamsPluginDataType.toObject(
    HParamsPluginDataType.decode(bytes),
    toObjectOptions,
  ) as HParamsPluginDataMessage;
}

/** Decodes `HParamsPluginData` into protobuf's JSON mapping (camelCase, enum names, no defaults). */
export function hparamsPluginDataToJson(bytes: Uint8Array): Record<string, unknown> {
  const object = HParamsPluginDataType.toObject(HParamsPluginDataType.decode(bytes), {
    longs: Number,
    enums: String,
    bytes: String,
  }) as Record<string, unknown>;
  return replaceStructValues(object) as Record<string, unknown>;
}

/** `google.protobuf.Value` objects become the plain JSON values they stand for. */
function replaceStructValues(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(replaceStructValues);
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1) {
    const key = keys[0] as string;
    if (key === 'numberValue' || key === 'stringValue' || key === 'boolValue') return record[key];
    if (key === 'nullValue') return null;
    if (key === 'listValue') {
      const list = record[key] as { values?: unknown[] };
      return (list.values ?? []).map(replaceStructValues);
    }
    if (key === 'structValue') {
      const struct = record[key] as { fields?: Record<string, unknown> };
      return replaceStructValues(struct.fields ?? {});
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = replaceStructValues(record[key]);
  return out;
}
