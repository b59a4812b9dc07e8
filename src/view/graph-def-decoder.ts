import protobuf from 'protobufjs';

/**
 * TensorFlow's `GraphDef` (`Event.graph_def`, what tensorboardX/PyTorch `add_graph` and TensorFlow write): only what
 * the graph page draws — each `NodeDef`'s `name` (1), `op` (2), `input` (3, repeated) and `device` (4), from
 * `tensorflow/core/framework/{graph,node_def}.proto`; `attr`, `library` and `versions` are skipped as unknown
 * fields. Every string is untrusted and only ever shown as text.
 */
export interface GraphNode {
  readonly name: string;
  readonly op: string;
  /** `name`, `name:output` or `^name` (a control input), as TensorFlow writes them. */
  readonly inputs: string[];
  readonly device: string;
}

/** At most this many nodes are kept from one graph; the page says when a graph had more. */
export const MAX_GRAPH_NODES = 20_000;

const GraphDefType = protobuf.Root.fromJSON({
  nested: {
    GraphDef: { fields: { node: { rule: 'repeated', type: 'NodeDef', id: 1 } } },
    NodeDef: {
      fields: {
        name: { type: 'string', id: 1 },
        op: { type: 'string', id: 2 },
        input: { rule: 'repeated', type: 'string', id: 3 },
        device: { type: 'string', id: 4 },
      },
    },
  },
}).lookupType('GraphDef');

interface NodeDefMessage {
  name?: string;
  op?: string;
  input?: string[];
  device?: string;
}

/** The nodes of a serialized GraphDef (the first `MAX_GRAPH_NODES`) and how many it has. Throws when malformed. */
export function decodeGraphDef(bytes: Uint8Array): { nodes: GraphNode[]; total: number } {
  const graph = GraphDefType.toObject(GraphDefType.decode(bytes), { defaults: false, arrays: true }) as {
    node: NodeDefMessage[];
  };
  const nodes = graph.node.slice(0, MAX_GRAPH_NODES).map((node) => ({
    name: node.name ?? '',
    op: node.op ?? '',
    inputs: node.input ?? [],
    device: node.device ?? '',
  }));
  return { nodes, total: graph.node.length };
}
