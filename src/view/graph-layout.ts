import type { GraphNode } from './graph-def-decoder.js';

/**
 * Where the graph page draws each node: layers top to bottom (a node sits one layer below its deepest input), and
 * an order within each layer (near the mean order of its inputs, so edges cross less). Computed once on the server
 * when the graph is read; the page only draws it.
 */
export interface GraphLayout {
  /** Per node (same order as the nodes): its layer. */
  readonly layer: number[];
  /** Per node: its place within its layer. */
  readonly order: number[];
  readonly layers: number;
  /** The widest layer's node count. */
  readonly width: number;
  /** `[from, to]` node indexes: data inputs. */
  readonly edges: [number, number][];
  /** `[from, to]`: control inputs (`^name`), drawn dashed. */
  readonly controlEdges: [number, number][];
}

/** Graphs with more nodes are listed, not drawn (a canvas of thousands of boxes tells nothing). */
export const MAX_DRAWN_NODES = 1500;

/** The node an input names: `^name` (control) and `name:1` (second output) both name `name`. */
export function inputNodeName(input: string): string {
  const name = input.startsWith('^') ? input.slice(1) : input;
  const colon = name.lastIndexOf(':');
  return colon > 0 && /^\d+$/.test(name.slice(colon + 1)) ? name.slice(0, colon) : name;
}

function edgesOf(nodes: readonly GraphNode[]): Pick<GraphLayout, 'edges' | 'controlEdges'> {
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (!index.has(node.name)) index.set(node.name, i);
  });
  const edges: [number, number][] = [];
  const controlEdges: [number, number][] = [];
  nodes.forEach((node, to) => {
    for (const input of node.inputs) {
      const from = index.get(inputNodeName(input));
      if (from === undefined || from === to) continue;
      (input.startsWith('^') ? controlEdges : edges).push([from, to]);
    }
  });
  return { edges, controlEdges };
}

/**
 * Longest-path layers by Kahn's order; nodes on a cycle (TensorFlow's while loops feed `NextIteration` back) are
 * placed after their inputs that were placed, so a cycle never stalls the layout.
 */
function layersOf(count: number, allEdges: readonly [number, number][]): number[] {
  const inputs: number[][] = Array.from({ length: count }, () => []);
  const outputs: number[][] = Array.from({ length: count }, () => []);
  const pending = new Array<number>(count).fill(0);
  for (const [from, to] of allEdges) {
    inputs[to]!.push(from);
    outputs[from]!.push(to);
    pending[to]!++;
  }
  const layer = new Array<number>(count).fill(-1);
  const queue: number[] = [];
  for (let i = 0; i < count; i++) if (pending[i] === 0) queue.push(i);
  for (let next = 0; ; ) {
    while (next < queue.length) {
      const node = queue[next++]!;
      layer[node] = Math.max(0, ...inputs[node]!.map((i) => layer[i]! + 1));
      for (const out of outputs[node]!) if (--pending[out]! === 0) queue.push(out);
    }
    const stuck = layer.indexOf(-1);
    if (stuck < 0) return layer;
    // A cycle: release its first node as if its unplaced inputs were not there.
    pending[stuck] = 0;
    queue.push(stuck);
  }
}

export function layoutGraph(nodes: readonly GraphNode[]): GraphLayout | undefined {
  if (nodes.length === 0 || nodes.length > MAX_DRAWN_NODES) return undefined;
  const { edges, controlEdges } = edgesOf(nodes);
  const layer = layersOf(nodes.length, [...edges, ...controlEdges]).map((l) => Math.max(0, l));
  const layers = Math.max(...layer) + 1;
  const byLayer: number[][] = Array.from({ length: layers }, () => []);
  layer.forEach((l, node) => {
    byLayer[l]!.push(node);
  });
  const order = new Array<number>(nodes.length).fill(0);
  const inputsOf: number[][] = Array.from({ length: nodes.length }, () => []);
  for (const [from, to] of edges) inputsOf[to]!.push(from);
  for (const members of byLayer) {
    const wanted = (node: number): number => {
      const placed = inputsOf[node]!.filter((i) => layer[i]! < layer[node]!);
      return placed.length === 0 ? node : placed.reduce((sum, i) => sum + order[i]!, 0) / placed.length;
    };
    const keyed = members.map((node) => [wanted(node), node] as const);
    keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    keyed.forEach(([, node], place) => {
      order[node] = place;
    });
  }
  const width = Math.max(...byLayer.map((m) => m.length));
  return { layer, order, layers, width, edges, controlEdges };
}
