import {
  isSequentialDescription,
  type ModelDescription,
  type ValidModelLayer,
  validateModelDescription,
} from './model-description.js';

/**
 * A model's Keras JSON config (what Keras' `model.to_json()` and tfjs' `LayersModel.toJSON()` produce), the form
 * TensorBoard's Graphs dashboard turns into a conceptual graph (`keras_util.keras_model_to_graph_def`): one node per
 * layer, named by `config.name`, edges from each layer's `inbound_nodes` (a Sequential chains its layers in order).
 */
export interface KerasModelConfig {
  readonly class_name: string;
  readonly config: {
    readonly name?: string;
    readonly layers: readonly KerasLayerConfig[];
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

export interface KerasLayerConfig {
  readonly class_name: string;
  readonly config: { readonly name: string; readonly [key: string]: unknown };
  readonly name?: string;
  readonly inbound_nodes?: readonly unknown[];
  readonly [key: string]: unknown;
}

/**
 * How a Functional model's `inbound_nodes` are written. TensorBoard 2.17 and later read only Keras 3's form
 * (`[{args: [{class_name: "__keras_tensor__", config: {keras_history: [layer, node, tensor]}}], kwargs: {}}]`) and
 * draw a Keras 2 node without its edges; TensorBoard 2.16 and earlier read only Keras 2's nested lists
 * (`[[[layer, node, tensor, {}]]]`, what tfjs writes) and fail on Keras 3's. A Sequential has none, and reads
 * the same in all versions.
 */
export type InboundNodesFormat = 'keras3' | 'keras2';

export interface KerasModelConfigOptions {
  /** Default `keras3`, the form current TensorBoard reads. */
  readonly inboundNodes?: InboundNodesFormat;
}

function layerConfig(layer: ValidModelLayer): KerasLayerConfig {
  const config: Record<string, unknown> = { name: layer.name, trainable: true };
  // Not Keras keys: the description's own facts, kept for readers of the JSON (TensorBoard ignores them).
  if (layer.outputShape !== undefined) config.output_shape = layer.outputShape;
  if (layer.params !== undefined) config.param_count = layer.params;
  return { class_name: layer.className, config: config as KerasLayerConfig['config'], name: layer.name };
}

/** One inbound tensor: `[layer name, node index, tensor index]`, Keras' `keras_history`. */
type KerasHistory = readonly [string, number, number];

/** One call of a layer (one inbound node) reading `histories`, in `format`. */
function kerasNode(histories: readonly KerasHistory[], format: InboundNodesFormat): unknown {
  if (format === 'keras2') return histories.map((history) => [...history, {}]);
  const tensors = histories.map((history) => ({
    class_name: '__keras_tensor__',
    config: { keras_history: [...history] },
  }));
  // One input is the call's only argument; several are one list argument, as `Add()([a, b])` records them.
  return { args: tensors.length === 1 ? tensors : [tensors], kwargs: {} };
}

function inboundNodes(inputs: readonly string[], format: InboundNodesFormat): unknown[] {
  if (inputs.length === 0) return [];
  return [
    kerasNode(
      inputs.map((name): KerasHistory => [name, 0, 0]),
      format,
    ),
  ];
}

function history(value: unknown): KerasHistory | undefined {
  if (!Array.isArray(value) || typeof value[0] !== 'string') return undefined;
  const index = (i: number): number => (typeof value[i] === 'number' ? (value[i] as number) : 0);
  return [value[0], index(1), index(2)];
}

/** The tensors an inbound node reads, in either form. */
function nodeHistories(node: unknown): KerasHistory[] {
  if (Array.isArray(node)) return node.map(history).filter((h) => h !== undefined);
  if (!isRecord(node) || !Array.isArray(node.args)) return [];
  return node.args
    .flatMap((arg: unknown) => (Array.isArray(arg) ? arg : [arg]))
    .map((tensor: unknown) =>
      isRecord(tensor) && isRecord(tensor.config) ? tensor.config.keras_history : undefined,
    )
    .map(history)
    .filter((h): h is KerasHistory => h !== undefined);
}

function convertModel(
  config: KerasModelConfig['config'],
  format: InboundNodesFormat,
): KerasModelConfig['config'] {
  const layers = config.layers.map((layer): KerasLayerConfig => {
    const inner = layer.config as Record<string, unknown>;
    const nested = Array.isArray(inner.layers)
      ? convertModel(inner as unknown as KerasModelConfig['config'], format)
      : layer.config;
    const nodes = layer.inbound_nodes;
    return {
      ...layer,
      config: nested as KerasLayerConfig['config'],
      ...(Array.isArray(nodes)
        ? { inbound_nodes: nodes.map((node) => kerasNode(nodeHistories(node), format)) }
        : {}),
    };
  });
  return { ...config, layers };
}

/**
 * The same config with every layer's `inbound_nodes` (nested models too) rewritten in `format`, so that a tfjs
 * model (Keras 2's form) draws with its edges in TensorBoard 2.17 and later. Everything else is kept as it is.
 */
export function withInboundNodes(model: KerasModelConfig, format: InboundNodesFormat): KerasModelConfig {
  return { ...model, config: convertModel(model.config, format) };
}

/**
 * Converts a model description into a Keras model config: a `Sequential` when each layer reads the one before it
 * (read alike by every TensorBoard version), otherwise a `Functional` with `inbound_nodes`, `input_layers` (layers
 * that read nothing) and `output_layers` (layers nothing reads). Throws the description's `TypeError` when invalid.
 */
export function kerasModelConfig(
  description: ModelDescription,
  options: KerasModelConfigOptions = {},
): KerasModelConfig {
  const model = validateModelDescription(description);
  if (isSequentialDescription(model)) {
    return { class_name: 'Sequential', config: { name: model.name, layers: model.layers.map(layerConfig) } };
  }
  const format = options.inboundNodes ?? 'keras3';
  const read = new Set(model.layers.flatMap((layer) => layer.inputs));
  return {
    class_name: 'Functional',
    config: {
      name: model.name,
      layers: model.layers.map((layer) => ({
        ...layerConfig(layer),
        inbound_nodes: inboundNodes(layer.inputs, format),
      })),
      input_layers: model.layers
        .filter((layer) => layer.inputs.length === 0)
        .map((layer) => [layer.name, 0, 0]),
      output_layers: model.layers.filter((layer) => !read.has(layer.name)).map((layer) => [layer.name, 0, 0]),
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKerasModelConfig(value: unknown): KerasModelConfig {
  if (!isRecord(value) || typeof value.class_name !== 'string' || !isRecord(value.config)) {
    throw new TypeError('Keras model config: expected {"class_name": ..., "config": {"layers": [...]}}');
  }
  const layers = value.config.layers;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new TypeError(
      `Keras model config: ${value.class_name} has no config.layers (TensorBoard needs at least one)`,
    );
  }
  for (const [i, layer] of layers.entries()) {
    if (!isRecord(layer) || typeof layer.class_name !== 'string' || !isRecord(layer.config)) {
      throw new TypeError(`Keras model config: layer ${i} needs "class_name" and "config"`);
    }
    if (typeof layer.config.name !== 'string')
      throw new TypeError(`Keras model config: layer ${i} has no config.name`);
  }
  return value as unknown as KerasModelConfig;
}

/**
 * Accepts a model config as tfjs and Keras give it: `LayersModel.toJSON()` (a JSON string), `toJSON(null, false)`
 * (the object), or a `model.json` / topology wrapping it in `modelTopology` or `model_config`. Returns the config
 * object itself, unchanged; throws a `TypeError` saying what is missing.
 */
export function parseKerasModelConfig(input: string | object): KerasModelConfig {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new TypeError(`Keras model config: not JSON (${(error as Error).message})`);
    }
  }
  if (isRecord(value) && value.class_name === undefined) {
    if (isRecord(value.modelTopology)) value = value.modelTopology;
    if (isRecord(value) && isRecord(value.model_config)) value = value.model_config;
  }
  return checkKerasModelConfig(value);
}
