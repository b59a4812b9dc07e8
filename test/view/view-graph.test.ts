import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kerasModelSummaryValue } from '../../src/trackers/tensorboard/keras-model-graph.js';
import { encodeEvent } from '../../src/trackers/tensorboard/proto.js';
import { frameRecord } from '../../src/trackers/tensorboard/record.js';
import { decodeGraphDef } from '../../src/view/graph-def-decoder.js';
import { layoutGraph } from '../../src/view/graph-layout.js';
import type { ViewServer } from '../../src/view/view-server.js';
import { graphDefBytes, SMALL_GRAPH } from '../helpers/graph-def.js';
import { getJson, startView, tempDir, XSS } from '../helpers/view.js';

interface GraphJson {
  name: string;
  text: string;
  nodes?: { name: string; op: string; inputs: string[]; device: string }[];
  layout?: { layer: number[]; order: number[]; edges: [number, number][]; controlEdges: [number, number][] };
}

function writeEvents(dir: string, events: Parameters<typeof encodeEvent>[0][]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'events.out.tfevents.1800000000.host'),
    Buffer.concat(events.map((e) => frameRecord(encodeEvent(e)))),
  );
}

describe('GraphDef decoding and layout', () => {
  it('reads name, op, inputs and device of every node, skipping attr and versions', () => {
    const { nodes, total } = decodeGraphDef(graphDefBytes(SMALL_GRAPH));
    expect(total).toBe(7);
    expect(nodes[1]).toEqual({ name: 'dense/kernel', op: 'VariableV2', inputs: [], device: '/device:CPU:0' });
    expect(nodes[3]).toEqual({
      name: 'dense/MatMul',
      op: 'MatMul',
      inputs: ['x', 'dense/kernel:0', '^init'],
      device: '',
    });
    expect(() => decodeGraphDef(Uint8Array.of(0x0a, 50, 1))).toThrow();
  });

  it('layers each node below its inputs, control inputs apart, and survives a loop', () => {
    const layout = layoutGraph(decodeGraphDef(graphDefBytes(SMALL_GRAPH)).nodes)!;
    expect(layout.layer.slice(0, 5)).toEqual([0, 0, 0, 1, 2]);
    expect(layout.edges).toEqual(
      expect.arrayContaining([
        [0, 3],
        [1, 3],
        [3, 4],
        [4, 5],
        [6, 5],
        [5, 6],
      ]),
    );
    expect(layout.controlEdges).toEqual([[2, 3]]);
    // The loop's two nodes are placed, one below the other.
    expect(layout.layer[5]).toBeGreaterThan(layout.layer[4]!);
    expect(layout.layer[6]).toBeGreaterThan(layout.layer[5]!);
    expect(new Set(layout.layer.map((l, i) => `${l}:${layout.order[i]}`)).size).toBe(7);
  });
});

describe('/api/graphs', () => {
  let server: ViewServer;
  let base: string;
  const root = tempDir();

  beforeAll(async () => {
    writeEvents(join(root, 'tf'), [
      { wallTime: 1_800_000_000, fileVersion: 'brain.Event:2' },
      { wallTime: 1_800_000_001, step: 0, graphDef: graphDefBytes(SMALL_GRAPH) },
      { wallTime: 1_800_000_002, step: 1, graphDef: Uint8Array.of(0x0a, 50, 1) },
    ]);
    writeEvents(join(root, 'hostile'), [
      { wallTime: 1, graphDef: graphDefBytes([{ name: XSS.script, op: XSS.img, inputs: [XSS.svg] }]) },
    ]);
    const keras = {
      class_name: 'Functional',
      config: {
        name: 'net',
        layers: [
          { class_name: 'InputLayer', config: { name: 'in' }, inbound_nodes: [] },
          {
            class_name: 'Dense',
            config: { name: 'd1' },
            inbound_nodes: [
              { args: [{ class_name: '__keras_tensor__', config: { keras_history: ['in', 0, 0] } }] },
            ],
          },
          { class_name: 'Dense', config: { name: 'd2' }, inbound_nodes: [[['in', 0, 0, {}]]] },
          {
            class_name: 'Add',
            config: { name: 'sum' },
            inbound_nodes: [
              [
                ['d1', 0, 0, {}],
                ['d2', 0, 0, {}],
              ],
            ],
          },
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [['sum', 0, 0]],
      },
    };
    writeEvents(join(root, 'keras'), [
      {
        wallTime: 1_800_000_000,
        step: 0,
        summary: { value: [kerasModelSummaryValue(JSON.stringify(keras))] },
      },
    ]);
    ({ server, base } = await startView({ paths: [root] }));
  });
  afterAll(async () => {
    await server?.stop();
  });

  const graphsOf = async (run: string): Promise<GraphJson[]> =>
    (await getJson<{ graphs: GraphJson[] }>(`${base}/api/graphs?run=${encodeURIComponent(run)}`)).graphs;

  it('serves a logged GraphDef as nodes, op counts and a layout; a damaged one as a problem text', async () => {
    const [graph, damaged] = await graphsOf('tb:tf');
    expect(graph!.name).toBe('events.out.tfevents.1800000000.host · step 0');
    expect(graph!.text).toBe(
      'GraphDef: 7 nodes. Ops: MatMul × 1, Merge × 1, NextIteration × 1, NoOp × 1, Placeholder × 1, Relu × 1, VariableV2 × 1',
    );
    expect(graph!.nodes!.map((n) => n.op)).toEqual(SMALL_GRAPH.map((n) => n.op));
    expect(graph!.layout!.controlEdges).toEqual([[2, 3]]);
    expect(damaged!.nodes).toBeUndefined();
    expect(damaged!.text).toMatch(/^GraphDef of 3 bytes that does not decode: /);
  });

  it('serves a Keras conceptual graph with edges from both inbound_nodes forms', async () => {
    const [graph] = await graphsOf('tb:keras');
    expect(graph!.nodes!.map((n) => [n.name, n.op, n.inputs])).toEqual([
      ['in', 'InputLayer', []],
      ['d1', 'Dense', ['in']],
      ['d2', 'Dense', ['in']],
      ['sum', 'Add', ['d1', 'd2']],
    ]);
    expect(graph!.layout!.layer).toEqual([0, 1, 1, 2]);
  });

  it('passes names from the log through as plain data (the page draws them as text)', async () => {
    const [graph] = await graphsOf('tb:hostile');
    expect(graph!.nodes).toEqual([{ name: XSS.script, op: XSS.img, inputs: [XSS.svg], device: '' }]);
  });
});
