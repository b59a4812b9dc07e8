import { createHash } from 'node:crypto';
import { type DataClassName, dataClassName } from './data-class-migration.js';
import {
  DataType,
  type HistogramMessage,
  hparamsPluginDataToJson,
  type ImageMessage,
  type SummaryMetadataMessage,
  type SummaryValueMessage,
  type TensorMessage,
} from './proto.js';

/** `[left, right, count]` rows of a histogram. */
export type HistogramBuckets = [number, number, number][];

export interface ImagePointValue {
  /** As TensorBoard stores them: ASCII strings. */
  readonly width: string;
  readonly height: string;
  readonly images: { bytes: number; format: string; sha256: string; pngBase64: string }[];
}

/** A point's value: a number (scalars), a string (text), buckets (histograms), images, or null (metadata only). */
export type TagPointValue = number | string | string[] | HistogramBuckets | ImagePointValue | null;

export interface TagKindInfo {
  readonly plugin: string;
  readonly dataClass: DataClassName;
  /** The decoded plugin content, for plugins whose content carries the data (hparams). */
  readonly pluginContent?: Record<string, unknown>;
}

const utf8 = new TextDecoder();

/** What a tag is, from the metadata TensorBoard's Python loader recorded for it (after its migrations). */
export function tagKindOf(metadata: SummaryMetadataMessage | undefined): TagKindInfo {
  const plugin = metadata?.pluginData?.pluginName ?? '';
  const dataClass = dataClassName(metadata?.dataClass);
  const content = metadata?.pluginData?.content;
  if (plugin === 'hparams' && content !== undefined && content.length > 0) {
    return { plugin, dataClass, pluginContent: hparamsPluginDataToJson(content) };
  }
  return { plugin, dataClass };
}

/** Decodes a value as TensorBoard's Python loader presents it (float32 scalars, converted legacy histograms). */
export function pointValueOf(value: SummaryValueMessage, plugin: string): TagPointValue {
  if (value.simpleValue !== undefined) return value.simpleValue;
  if (value.histo !== undefined) return migrateHistogram(value.histo);
  if (value.image !== undefined) return legacyImage(value.image);
  const tensor = value.tensor;
  if (tensor === undefined) return null;
  if (plugin === 'text' || tensor.dtype === DataType.DT_STRING) {
    if (plugin === 'images') return tensorImage(tensor);
    const strings = (tensor.stringVal ?? []).map((bytes) => utf8.decode(bytes));
    return strings.length === 1 ? strings[0]! : strings;
  }
  const numbers = tensorNumbers(tensor);
  if (plugin === 'histograms') {
    const rows: HistogramBuckets = [];
    for (let i = 0; i + 2 < numbers.length; i += 3)
      rows.push([numbers[i]!, numbers[i + 1]!, numbers[i + 2]!]);
    return rows;
  }
  return numbers.length === 1 ? numbers[0]! : numbers.length === 0 ? null : Number.NaN;
}

function tensorNumbers(tensor: TensorMessage): number[] {
  const content = tensor.tensorContent;
  if (content !== undefined && content.length > 0) {
    const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
    const out: number[] = [];
    if (tensor.dtype === DataType.DT_DOUBLE) {
      for (let i = 0; i + 8 <= content.length; i += 8) out.push(view.getFloat64(i, true));
    } else if (tensor.dtype === DataType.DT_FLOAT) {
      for (let i = 0; i + 4 <= content.length; i += 4) out.push(view.getFloat32(i, true));
    } else if (tensor.dtype === DataType.DT_INT32) {
      for (let i = 0; i + 4 <= content.length; i += 4) out.push(view.getInt32(i, true));
    } else if (tensor.dtype === DataType.DT_INT64) {
      for (let i = 0; i + 8 <= content.length; i += 8) out.push(Number(view.getBigInt64(i, true)));
    }
    return out;
  }
  if (tensor.doubleVal?.length) return tensor.doubleVal;
  if (tensor.floatVal?.length) return tensor.floatVal;
  if (tensor.intVal?.length) return tensor.intVal;
  if (tensor.int64Val?.length) return tensor.int64Val.map(Number);
  if (tensor.boolVal?.length) return tensor.boolVal.map((b) => (b ? 1 : 0));
  return [];
}

/**
 * TensorBoard's conversion of a legacy `HistogramProto` (`data_compat._migrate_histogram_value`): empty end
 * buckets dropped, min and max as the outer edges, every number rounded to float32.
 */
export function migrateHistogram(histo: HistogramMessage): HistogramBuckets {
  const counts = histo.bucket ?? [];
  const limits = histo.bucketLimit ?? [];
  let start = 0;
  while (start < counts.length && !(counts[start]! > 0)) start++;
  let end = counts.length - 1;
  while (end >= 0 && !(counts[end]! > 0)) end--;
  if (start > end) return [];
  const inner = limits.slice(start, end);
  const lefts = [histo.min ?? 0, ...inner];
  const rights = [...inner, histo.max ?? 0];
  const rows: HistogramBuckets = [];
  for (let i = 0; i <= end - start; i++) {
    rows.push([Math.fround(lefts[i]!), Math.fround(rights[i]!), Math.fround(counts[start + i]!)]);
  }
  return rows;
}

function imageEntry(bytes: Uint8Array): ImagePointValue['images'][number] {
  const png =
    bytes.length >= 4 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  return {
    bytes: bytes.length,
    format: png ? 'png' : bytes[0] === 0xff && bytes[1] === 0xd8 ? 'jpeg' : 'unknown',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    pngBase64: Buffer.from(bytes).toString('base64'),
  };
}

function legacyImage(image: ImageMessage): ImagePointValue {
  return {
    width: String(image.width ?? 0),
    height: String(image.height ?? 0),
    images: image.encodedImageString ? [imageEntry(image.encodedImageString)] : [],
  };
}

function tensorImage(tensor: TensorMessage): ImagePointValue {
  const strings = tensor.stringVal ?? [];
  return {
    width: strings[0] ? utf8.decode(strings[0]) : '',
    height: strings[1] ? utf8.decode(strings[1]) : '',
    images: strings.slice(2).map(imageEntry),
  };
}
