import {
  DataClass,
  DataType,
  type SummaryMetadataMessage,
  type SummaryValueMessage,
  type TensorMessage,
} from './proto.js';
import { nullTensor } from './summary.js';

/**
 * What TensorBoard's Python loader does to each summary value before it stores anything
 * (`event_file_loader.EventFileLoader.Load`): first `data_compat.migrate_value` (legacy `simple_value`, `histo` and
 * `image` become tensors with fresh plugin metadata), then `dataclass_compat.migrate_value` (a value whose tag's
 * first metadata in the file has no data class gets its plugin's class, and some plugins a missing tensor). Only
 * the shapes matter here; `tag-point-value.ts` decodes the numbers themselves.
 */

export type DataClassName = 'UNKNOWN' | 'SCALAR' | 'TENSOR' | 'BLOB_SEQUENCE';
export const DATA_CLASS_NAMES: readonly DataClassName[] = ['UNKNOWN', 'SCALAR', 'TENSOR', 'BLOB_SEQUENCE'];

export function dataClassName(dataClass: number | undefined): DataClassName {
  return DATA_CLASS_NAMES[dataClass ?? 0] ?? 'UNKNOWN';
}

/** The plugins TensorBoard's readers give a data class to when the metadata names none, and that class. */
export const PLUGIN_DATA_CLASS: Readonly<Record<string, number>> = {
  scalars: DataClass.SCALAR,
  histograms: DataClass.TENSOR,
  text: DataClass.TENSOR,
  hparams: DataClass.TENSOR,
  pr_curves: DataClass.TENSOR,
  images: DataClass.BLOB_SEQUENCE,
  audio: DataClass.BLOB_SEQUENCE,
  graph_run_metadata: DataClass.BLOB_SEQUENCE,
  graph_run_metadata_graph: DataClass.BLOB_SEQUENCE,
  graph_keras_model: DataClass.BLOB_SEQUENCE,
};

/** Plugins whose values the Python reader completes with a shape-`[1]` tensor (`_migrate_graph_sub_plugin_value`). */
const GRAPH_SUB_PLUGINS = new Set(['graph_run_metadata', 'graph_run_metadata_graph', 'graph_keras_model']);

function freshMetadata(
  pluginName: string,
  dataClass: number,
  old: SummaryMetadataMessage | undefined,
  tag: string,
) {
  const metadata: SummaryMetadataMessage = { pluginData: { pluginName }, dataClass };
  metadata.displayName = old?.displayName || tag;
  return metadata;
}

/** `data_compat.migrate_value`: legacy oneofs become tensors (shapes only; values are decoded elsewhere). */
export function migrateLegacyValue(value: SummaryValueMessage): SummaryValueMessage {
  const tag = value.tag ?? '';
  if (value.simpleValue !== undefined) {
    return {
      tag,
      metadata: freshMetadata('scalars', DataClass.SCALAR, value.metadata, tag),
      tensor: { dtype: DataType.DT_FLOAT, tensorShape: {}, floatVal: [value.simpleValue] },
    };
  }
  if (value.histo !== undefined) {
    const counts = value.histo.bucket ?? [];
    const first = counts.findIndex((c) => c > 0);
    const rows = first < 0 ? 0 : counts.length - first - [...counts].reverse().findIndex((c) => c > 0);
    return {
      tag,
      metadata: freshMetadata('histograms', DataClass.TENSOR, value.metadata, tag),
      tensor: { dtype: DataType.DT_FLOAT, tensorShape: { dim: [{ size: rows }, { size: 3 }] } },
    };
  }
  if (value.image !== undefined) {
    return {
      tag,
      metadata: freshMetadata('images', DataClass.BLOB_SEQUENCE, value.metadata, tag),
      tensor: { dtype: DataType.DT_STRING, tensorShape: { dim: [{ size: 3 }] } },
    };
  }
  return value;
}

/**
 * `dataclass_compat.migrate_value`. `initialMetadata` is the file's map from tag to the metadata of the tag's
 * first value (the Python loader keeps one per event file); it is filled in here.
 */
export function migrateDataClass(
  value: SummaryValueMessage,
  initialMetadata: Map<string, SummaryMetadataMessage>,
): SummaryValueMessage {
  const tag = value.tag ?? '';
  let initial = initialMetadata.get(tag);
  if (initial === undefined) {
    initial = value.metadata ?? {};
    initialMetadata.set(tag, initial);
  }
  if ((initial.dataClass ?? DataClass.UNKNOWN) !== DataClass.UNKNOWN) return value;
  const pluginName = initial.pluginData?.pluginName ?? '';
  const dataClass = PLUGIN_DATA_CLASS[pluginName];
  if (dataClass === undefined) return value;
  const migrated: SummaryValueMessage = { ...value };
  if (value.metadata !== undefined) migrated.metadata = { ...value.metadata, dataClass };
  if (pluginName === 'hparams' && value.tensor === undefined) migrated.tensor = nullTensor();
  if (GRAPH_SUB_PLUGINS.has(pluginName)) {
    // The Python reader adds a dimension of size 1 to a shapeless tensor (an absent tensor included).
    const tensor: TensorMessage = value.tensor ?? {};
    if ((tensor.tensorShape?.dim ?? []).length === 0) {
      migrated.tensor = { ...tensor, tensorShape: { ...tensor.tensorShape, dim: [{ size: 1 }] } };
    }
  }
  return migrated;
}

/** Number of elements of a tensor from its shape (rank 0: one). */
export function tensorSize(tensor: TensorMessage): number {
  return (tensor.tensorShape?.dim ?? []).reduce((product, dim) => product * (dim.size ?? 0), 1);
}
