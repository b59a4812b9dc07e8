import { PLUGIN_DATA_CLASS } from './data-class-migration.js';
import { DataClass, DataType, type SummaryValueMessage, type TensorMessage } from './proto.js';

/**
 * How TensorBoard's Rust data server (`tensorboard/data/server/`, the default reader of `tensorboard --logdir`)
 * classes a time series and which values it keeps. It decides from the first value of a tag in the run
 * (`run.rs`, `data_compat.rs` `SummaryValue::initial_metadata`) and turns each later value into its class's form
 * or `DataLoss` (the point is not shown). A metadata-only value counts as the null tensor.
 */

/** Rust's table of plugin classes: the Python reader's, plus `mesh` and `custom_scalars`. */
const RUST_PLUGIN_DATA_CLASS: Readonly<Record<string, number>> = {
  ...PLUGIN_DATA_CLASS,
  mesh: DataClass.TENSOR,
  custom_scalars: DataClass.TENSOR,
};

export interface RustSeriesClass {
  readonly pluginName: string;
  readonly dataClass: number;
}

/** `initial_metadata`: an explicit data class wins; then the legacy oneofs; then the plugin's own class. */
export function rustInitialClass(value: SummaryValueMessage): RustSeriesClass {
  const metadata = value.metadata;
  const explicit = metadata?.dataClass ?? DataClass.UNKNOWN;
  const pluginName = metadata?.pluginData?.pluginName ?? '';
  if (metadata !== undefined && explicit !== DataClass.UNKNOWN) return { pluginName, dataClass: explicit };
  if (value.simpleValue !== undefined) return { pluginName: 'scalars', dataClass: DataClass.SCALAR };
  if (value.image !== undefined) return { pluginName: 'images', dataClass: DataClass.BLOB_SEQUENCE };
  if (value.histo !== undefined) return { pluginName: 'histograms', dataClass: DataClass.TENSOR };
  if (metadata === undefined) return { pluginName: '', dataClass: DataClass.UNKNOWN };
  return { pluginName, dataClass: RUST_PLUGIN_DATA_CLASS[pluginName] ?? DataClass.UNKNOWN };
}

function rank(tensor: TensorMessage): number {
  return tensor.tensorShape?.dim?.length ?? 0;
}

/** `tensor_proto_to_scalar`: only a rank-0 DT_FLOAT tensor with exactly one value is a scalar. */
export function isRustScalar(value: SummaryValueMessage): boolean {
  if (value.simpleValue !== undefined) return true;
  const tensor = value.tensor;
  if (tensor === undefined || rank(tensor) !== 0 || tensor.dtype !== DataType.DT_FLOAT) return false;
  if (tensor.floatVal !== undefined && tensor.floatVal.length > 0) return tensor.floatVal.length === 1;
  return tensor.tensorContent?.length === 4;
}

const GRAPH_SUB_PLUGINS = new Set(['graph_run_metadata', 'graph_run_metadata_graph', 'graph_keras_model']);

/** Whether the Rust data server keeps this value of a series of the given class (rather than `DataLoss`). */
export function rustKeeps(value: SummaryValueMessage, series: RustSeriesClass): boolean {
  const metadataOnly =
    value.simpleValue === undefined &&
    value.tensor === undefined &&
    value.histo === undefined &&
    value.image === undefined;
  if (series.dataClass === DataClass.SCALAR) return isRustScalar(value);
  if (series.dataClass === DataClass.TENSOR)
    return metadataOnly || value.tensor !== undefined || !!value.histo;
  if (series.dataClass !== DataClass.BLOB_SEQUENCE) return false;
  if (value.image !== undefined) return true;
  const tensor = value.tensor;
  if (tensor === undefined || tensor.dtype !== DataType.DT_STRING) return false;
  if (rank(tensor) === 1) return true;
  const strings = tensor.stringVal?.length ?? 0;
  if (rank(tensor) === 2) return series.pluginName === 'audio' && tensor.tensorShape?.dim?.[1]?.size === 2;
  return rank(tensor) === 0 && strings === 1 && GRAPH_SUB_PLUGINS.has(series.pluginName);
}
