import type { HistogramValue, TableValue } from '../../core/values.js';
import {
  DataClass,
  DataType,
  type SummaryMetadataMessage,
  type SummaryValueMessage,
  type TensorMessage,
} from './proto.js';

/**
 * The summary layer: one logged value becomes one `Summary.Value`. Plugin metadata is attached only when
 * `withMetadata` is set: TensorBoard reads it from the first value of each tag in each file and ignores it later.
 */

const utf8 = new TextEncoder();

export function pluginMetadata(
  pluginName: string,
  dataClass: number,
  content?: Uint8Array,
): SummaryMetadataMessage {
  const metadata: SummaryMetadataMessage = { pluginData: { pluginName } };
  if (content !== undefined && content.length > 0) metadata.pluginData = { pluginName, content };
  if (dataClass !== DataClass.UNKNOWN) metadata.dataClass = dataClass;
  return metadata;
}

/** `simple_value` (float32). With metadata, `plugin_name: "scalars"` and `data_class: SCALAR` so both readers keep it. */
export function scalarSummaryValue(tag: string, value: number, withMetadata: boolean): SummaryValueMessage {
  const summaryValue: SummaryValueMessage = { tag, simpleValue: value };
  if (withMetadata) summaryValue.metadata = pluginMetadata('scalars', DataClass.SCALAR);
  return summaryValue;
}

/** A rank-0 DT_STRING tensor of UTF-8 Markdown (plugin `text`), as `tf.summary.text` writes it. */
export function textSummaryValue(tag: string, text: string, withMetadata: boolean): SummaryValueMessage {
  const summaryValue: SummaryValueMessage = {
    tag,
    tensor: { dtype: DataType.DT_STRING, tensorShape: {}, stringVal: [utf8.encode(text)] },
  };
  if (withMetadata) summaryValue.metadata = pluginMetadata('text', DataClass.TENSOR);
  return summaryValue;
}

/**
 * A `[k, 3]` DT_DOUBLE tensor of `[left, right, count]` rows (plugin `histograms`): the form both TensorBoard
 * readers pass through unchanged, unlike the legacy `HistogramProto` each converts its own way.
 */
export function histogramSummaryValue(
  tag: string,
  histogram: HistogramValue,
  withMetadata: boolean,
): SummaryValueMessage {
  const k = histogram.counts.length;
  if (histogram.edges.length !== k + 1) {
    throw new RangeError(`histogram has ${histogram.edges.length} edges for ${k} buckets (needs ${k + 1})`);
  }
  const content = Buffer.allocUnsafe(k * 3 * 8);
  for (let i = 0; i < k; i++) {
    content.writeDoubleLE(histogram.edges[i]!, i * 24);
    content.writeDoubleLE(histogram.edges[i + 1]!, i * 24 + 8);
    content.writeDoubleLE(histogram.counts[i]!, i * 24 + 16);
  }
  const summaryValue: SummaryValueMessage = {
    tag,
    tensor: {
      dtype: DataType.DT_DOUBLE,
      tensorShape: { dim: [{ size: k }, { size: 3 }] },
      tensorContent: content,
    },
  };
  if (withMetadata) summaryValue.metadata = pluginMetadata('histograms', DataClass.TENSOR);
  return summaryValue;
}

/**
 * The null tensor (`DT_FLOAT`, shape `[0]`, no values): what TensorBoard's hparams summary carries, and what its
 * readers substitute for a value that has none. `dim: [{}]` rather than `[{ size: 0 }]`: protobufjs writes a field
 * set to its default, proto3 serializers do not, and this keeps the bytes equal to TensorBoard's (`08 01 12 02 12 00`).
 */
export function nullTensor(): TensorMessage {
  return { dtype: DataType.DT_FLOAT, tensorShape: { dim: [{}] } };
}

/**
 * A value of the hparams plugin as TensorBoard's own `hparams` summary writes it: the content is a serialized
 * `HParamsPluginData` (version 0), the tensor is the null tensor, and `data_class` is left unset. TensorBoard's
 * Python reader passes a value that names a data class through untouched, and one without a tensor is then never
 * stored: its `read_tensors(plugin_name="hparams")` fails and the whole HPARAMS dashboard with it.
 */
export function hparamsSummaryValue(tag: string, content: Uint8Array): SummaryValueMessage {
  return { tag, metadata: pluginMetadata('hparams', DataClass.UNKNOWN, content), tensor: nullTensor() };
}

/** TensorBoard has no tables: a table is rendered as Markdown for the text plugin. */
export function tableToMarkdown(table: TableValue): string {
  const cell = (value: unknown): string =>
    String(value ?? '')
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/\r?\n/g, ' ');
  const lines = [
    `| ${table.columns.map(cell).join(' | ')} |`,
    `|${table.columns.map(() => '---').join('|')}|`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}
