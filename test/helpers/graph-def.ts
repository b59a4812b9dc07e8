import protobuf from 'protobufjs';

export interface TestNode {
  readonly name: string;
  readonly op: string;
  readonly inputs?: readonly string[];
  readonly device?: string;
}

/**
 * A serialized TensorFlow GraphDef, written field by field (node = 1; NodeDef name = 1, op = 2, input = 3,
 * device = 4, attr = 5 map; versions = 4), with an `attr` entry on every node and a `versions` message so a reader
 * must skip fields it does not use.
 */
export function graphDefBytes(nodes: readonly TestNode[]): Uint8Array {
  const graph = protobuf.Writer.create();
  for (const node of nodes) {
    const def = protobuf.Writer.create();
    def.uint32(0x0a).string(node.name).uint32(0x12).string(node.op);
    for (const input of node.inputs ?? []) def.uint32(0x1a).string(input);
    if (node.device !== undefined) def.uint32(0x22).string(node.device);
    // attr {key: "T", value: AttrValue{type: DT_FLOAT}}
    const attr = protobuf.Writer.create().uint32(0x0a).string('T').uint32(0x12).bytes(Uint8Array.of(0x30, 1));
    def.uint32(0x2a).bytes(attr.finish());
    graph.uint32(0x0a).bytes(def.finish());
  }
  graph.uint32(0x22).bytes(Uint8Array.of(0x08, 27)); // versions {producer: 27}
  return graph.finish();
}

/** A small graph as TensorFlow writes one: placeholders, a MatMul with an output index and a control input, a loop. */
export const SMALL_GRAPH: readonly TestNode[] = [
  { name: 'x', op: 'Placeholder' },
  { name: 'dense/kernel', op: 'VariableV2', device: '/device:CPU:0' },
  { name: 'init', op: 'NoOp' },
  { name: 'dense/MatMul', op: 'MatMul', inputs: ['x', 'dense/kernel:0', '^init'] },
  { name: 'dense/Relu', op: 'Relu', inputs: ['dense/MatMul'] },
  { name: 'loop/Merge', op: 'Merge', inputs: ['dense/Relu', 'loop/NextIteration'] },
  { name: 'loop/NextIteration', op: 'NextIteration', inputs: ['loop/Merge'] },
];
