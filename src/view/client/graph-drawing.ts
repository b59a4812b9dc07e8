/// <reference lib="dom" />
import { el } from './dom.js';
import { colorOf } from './flame-chart.js';

/** What `/api/graphs` sends for one graph (see `src/view/graph-layout.ts`). */
export interface GraphNodeJson {
  name: string;
  op: string;
  inputs: string[];
  device: string;
}

export interface GraphLayoutJson {
  layer: number[];
  order: number[];
  layers: number;
  width: number;
  edges: [number, number][];
  controlEdges: [number, number][];
}

const NODE_HEIGHT = 30;
const LAYER_GAP = 28;
/** A canvas larger than this is not drawn by browsers; wide layers get narrower boxes instead. */
const MAX_CANVAS = 16_000;

/** The last segment of a scoped TensorFlow name (`model/dense/MatMul` → `MatMul`), for the box label. */
function shortName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1) || name;
}

/**
 * The graph on a canvas: one box per node (colored by op, labelled with its short name and op), layers top to
 * bottom, an arrow from each input; control inputs dashed. Labels are drawn with `fillText`, so names from a log
 * never become markup; hovering a box names the node in full with its op, inputs and device.
 */
export function graphDrawing(nodes: readonly GraphNodeJson[], layout: GraphLayoutJson): HTMLElement {
  const cell = Math.max(40, Math.min(170, Math.floor(MAX_CANVAS / Math.max(1, layout.width))));
  const box = cell - 14;
  const canvas = el('canvas');
  canvas.width = Math.max(200, layout.width * cell);
  canvas.height = Math.min(MAX_CANVAS, layout.layers * (NODE_HEIGHT + LAYER_GAP) + 8);
  const x = (i: number): number => layout.order[i]! * cell + 7;
  const y = (i: number): number => layout.layer[i]! * (NODE_HEIGHT + LAYER_GAP) + 4;
  const ctx = canvas.getContext('2d');
  if (ctx !== null) {
    ctx.lineWidth = 1;
    ctx.strokeStyle = '#8c959f';
    for (const [edges, dash] of [
      [layout.edges, []],
      [layout.controlEdges, [4, 3]],
    ] as const) {
      ctx.setLineDash([...dash]);
      for (const [from, to] of edges) {
        const fx = x(from) + box / 2;
        const fy = y(from) + NODE_HEIGHT;
        const tx = x(to) + box / 2;
        const ty = y(to);
        ctx.beginPath();
        ctx.moveTo(fx, fy);
        ctx.bezierCurveTo(fx, fy + LAYER_GAP / 2, tx, ty - LAYER_GAP / 2, tx, ty);
        ctx.stroke();
        ctx.fillStyle = '#8c959f';
        ctx.fillRect(tx - 2, ty - 3, 4, 3);
      }
    }
    ctx.setLineDash([]);
    ctx.font = '10px sans-serif';
    nodes.forEach((node, i) => {
      ctx.fillStyle = colorOf(node.op);
      ctx.fillRect(x(i), y(i), box, NODE_HEIGHT);
      ctx.fillStyle = '#1f2328';
      ctx.fillText(shortName(node.name), x(i) + 3, y(i) + 12, box - 6);
      ctx.fillStyle = '#57606a';
      ctx.fillText(node.op, x(i) + 3, y(i) + 25, box - 6);
    });
  }
  const tip = el('div', { className: 'flame-tip' });
  canvas.onmousemove = (event) => {
    const rect = canvas.getBoundingClientRect();
    const px = (event.clientX - rect.left) * (canvas.width / rect.width);
    const py = (event.clientY - rect.top) * (canvas.height / rect.height);
    const hit = nodes.findIndex(
      (_, i) => px >= x(i) && px <= x(i) + box && py >= y(i) && py <= y(i) + NODE_HEIGHT,
    );
    tip.style.display = hit >= 0 ? 'block' : 'none';
    if (hit >= 0) {
      const node = nodes[hit]!;
      const inputs = node.inputs.length > 0 ? ` ← ${node.inputs.join(', ')}` : '';
      tip.textContent = `${node.name} (${node.op})${inputs}${node.device ? ` on ${node.device}` : ''}`;
      tip.style.left = `${event.clientX + 12}px`;
      tip.style.top = `${event.clientY + 12}px`;
    }
  };
  canvas.onmouseleave = () => {
    tip.style.display = 'none';
  };
  return el('div', { className: 'graph' }, canvas, tip);
}
