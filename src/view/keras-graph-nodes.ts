import type { GraphNode } from './graph-def-decoder.js';

/**
 * The conceptual graph of a Keras model config (the `keras` tag, plugin `graph_keras_model`) as graph nodes, the
 * way TensorBoard's `keras_model_to_graph_def` reads it: one node per layer (op = the layer's class), inputs from
 * `inbound_nodes` in Keras 3's form (`keras_history`) or Keras 2's nested lists; a Sequential chains its layers in
 * order. The config is untrusted JSON: anything not of the expected shape is skipped, never thrown on.
 */
export function kerasGraphNodes(json: string): GraphNode[] {
  const model = JSON.parse(json) as unknown;
  const config = field(model, 'config');
  const layers = field(config, 'layers');
  if (!Array.isArray(layers)) throw new Error('not a Keras model config (no config.layers)');
  const sequential = field(model, 'class_name') === 'Sequential';
  const nodes: GraphNode[] = [];
  let previous: string | undefined;
  for (const layer of layers) {
    const name = String(
      field(field(layer, 'config'), 'name') ?? field(layer, 'name') ?? `layer_${nodes.length}`,
    );
    const op = String(field(layer, 'class_name') ?? '');
    const inputs: string[] = [];
    collectInboundNames(field(layer, 'inbound_nodes'), inputs, 0);
    if (sequential && inputs.length === 0 && previous !== undefined) inputs.push(previous);
    nodes.push({ name, op, inputs: [...new Set(inputs)], device: '' });
    previous = name;
  }
  return nodes;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Layer names an `inbound_nodes` value refers to: `keras_history[0]` (Keras 3), or `[name, node, tensor, …]`. */
function collectInboundNames(value: unknown, into: string[], depth: number): void {
  if (depth > 8) return;
  if (Array.isArray(value)) {
    if (typeof value[0] === 'string' && typeof value[1] === 'number') {
      into.push(value[0]);
      return;
    }
    for (const item of value) collectInboundNames(item, into, depth + 1);
    return;
  }
  const history = field(field(value, 'config'), 'keras_history');
  if (Array.isArray(history) && typeof history[0] === 'string') {
    into.push(history[0]);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectInboundNames(item, into, depth + 1);
  }
}
