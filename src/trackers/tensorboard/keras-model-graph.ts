import { type KerasModelConfig, parseKerasModelConfig } from '../../core/keras-model-config.js';
import { DataType, type SummaryValueMessage, type TensorMessage } from './proto.js';

/**
 * The Graphs dashboard's conceptual graph, as Keras' TensorBoard callback writes it (`summary_ops_v2.keras_model`):
 * plugin `graph_keras_model`, content `"1"` (the graphs plugin ignores other versions), no `data_class` (both readers
 * give the plugin BLOB_SEQUENCE), and a DT_STRING tensor holding the model's Keras JSON config. The shape is `[1]`:
 * Keras writes a rank-0 string and the readers reshape it to `[1]`; writing `[1]` needs no such fix-up.
 */

/** The tag Keras' TensorBoard callback uses. */
export const KERAS_MODEL_TAG = 'keras';
export const KERAS_MODEL_PLUGIN = 'graph_keras_model';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Whether plugin content is the version the graphs plugin reads: the single byte `"1"`. */
export function isKerasModelPluginContent(content: Uint8Array | undefined): boolean {
  return content !== undefined && content.length === 1 && content[0] === 0x31;
}

/**
 * The summary value of a model's conceptual graph. A string (tfjs `toJSON()`) is validated and stored byte for
 * byte; an object is stored as its JSON. Throws the config's `TypeError` when it is not a Keras model config.
 */
export function kerasModelSummaryValue(
  model: KerasModelConfig | string,
  tag = KERAS_MODEL_TAG,
): SummaryValueMessage {
  const config = parseKerasModelConfig(model);
  const json = typeof model === 'string' ? model : JSON.stringify(config);
  return {
    tag,
    metadata: { pluginData: { pluginName: KERAS_MODEL_PLUGIN, content: Uint8Array.of(0x31) } },
    tensor: {
      dtype: DataType.DT_STRING,
      tensorShape: { dim: [{ size: 1 }] },
      stringVal: [utf8Encoder.encode(json)],
    },
  };
}

export interface KerasModelGraphInfo {
  readonly className: string;
  readonly name: string | undefined;
  /** Nodes TensorBoard draws: every layer that is not itself a model, nested models walked. */
  readonly layers: number;
  /** The form of the `inbound_nodes` found: see `InboundNodesFormat` (`none` for a Sequential). */
  readonly inboundNodes: 'keras3' | 'keras2' | 'mixed' | 'none';
}

function walk(config: KerasModelConfig['config'], found: Set<string>): number {
  let nodes = 0;
  for (const layer of config.layers) {
    const inner = layer.config as unknown as KerasModelConfig['config'];
    if (Array.isArray(inner.layers)) nodes += walk(inner, found);
    else nodes++;
    for (const node of layer.inbound_nodes ?? []) found.add(Array.isArray(node) ? 'keras2' : 'keras3');
  }
  return nodes;
}

/** What the Graphs dashboard makes of a conceptual graph's JSON. Throws a `TypeError` when it is not a config. */
export function kerasModelGraphInfo(json: string): KerasModelGraphInfo {
  const model = parseKerasModelConfig(json);
  const found = new Set<string>();
  const layers = walk(model.config, found);
  const inboundNodes =
    found.size === 0 ? 'none' : found.size > 1 ? 'mixed' : (found.values().next().value as 'keras3');
  return { className: model.class_name, name: model.config.name, layers, inboundNodes };
}

/** What would go wrong when TensorBoard's graphs plugin reads a stored conceptual-graph tensor, if anything. */
export function kerasModelProblem(
  tensor: TensorMessage,
): { severity: 'error' | 'warning'; message: string } | undefined {
  const bytes = tensor.dtype === DataType.DT_STRING ? tensor.stringVal?.[0] : undefined;
  if (bytes === undefined) {
    return {
      severity: 'error',
      message: 'the conceptual graph holds no DT_STRING model config; the graphs plugin fails to read it',
    };
  }
  let info: KerasModelGraphInfo;
  try {
    info = kerasModelGraphInfo(utf8Decoder.decode(bytes));
  } catch (error) {
    return { severity: 'error', message: `${(error as Error).message}; keras_model_to_graph_def fails` };
  }
  if (info.inboundNodes === 'keras2' || info.inboundNodes === 'mixed') {
    return {
      severity: 'warning',
      message:
        "inbound_nodes in Keras 2's nested-list form: TensorBoard 2.17 and later draw the layers without edges",
    };
  }
  return undefined;
}
