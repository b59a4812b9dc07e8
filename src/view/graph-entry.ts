import { decodeGraphDef, type GraphNode } from './graph-def-decoder.js';
import { layoutGraph } from './graph-layout.js';
import { kerasGraphNodes } from './keras-graph-nodes.js';
import type { GraphEntry } from './view-run.js';

/** How many nodes of each op a graph has, most first: the entry's text (also what shows when it is not drawn). */
function opSummary(nodes: readonly GraphNode[]): string {
  const counts = new Map<string, number>();
  for (const node of nodes) counts.set(node.op, (counts.get(node.op) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([op, count]) => `${op || '(no op)'} × ${count}`)
    .join(', ');
}

/** A logged `Event.graph_def` as a graph entry; a GraphDef that does not decode is shown as a problem, as text. */
export function graphDefEntry(bytes: Uint8Array, name: string): GraphEntry {
  try {
    const { nodes, total } = decodeGraphDef(bytes);
    const kept = total > nodes.length ? ` (the first ${nodes.length} kept)` : '';
    const text = `GraphDef: ${total} nodes${kept}. Ops: ${opSummary(nodes)}`;
    return { name, text, nodes, layout: layoutGraph(nodes) };
  } catch (error) {
    return {
      name,
      text: `GraphDef of ${bytes.length} bytes that does not decode: ${(error as Error).message}`,
    };
  }
}

/** A Keras model config (the conceptual graph) as a graph entry; text only when it is not a model config. */
export function kerasGraphEntry(json: string, name: string): GraphEntry {
  try {
    const nodes = kerasGraphNodes(json);
    const text = `Keras model: ${nodes.length} layers. Layers: ${opSummary(nodes)}`;
    return { name, text, nodes, layout: layoutGraph(nodes) };
  } catch (error) {
    return { name, text: `Keras model config that does not read: ${(error as Error).message}` };
  }
}
