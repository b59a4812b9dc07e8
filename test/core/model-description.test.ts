import { describe, expect, it } from 'vitest';
import { kerasModelConfig, parseKerasModelConfig } from '../../src/core/keras-model-config.js';
import { describeLayersModel, type LayerLike } from '../../src/core/layers-model-description.js';
import type { ModelDescription } from '../../src/core/model-description.js';
import { formatOutputShape, modelSummary } from '../../src/core/model-summary-table.js';
import { modelSummaryMarkdown } from '../../src/trackers/tensorboard/model-summary-text.js';
import { TINY_MODEL as TINY } from '../helpers/tensorboard.js';

const CHAIN: ModelDescription = {
  layers: [
    { name: 'dense', className: 'Dense', outputShape: [null, 10], params: 20 },
    { name: 'dense_1', className: 'Dense', inputs: ['dense'], outputShape: [null, 1], params: 11 },
  ],
};

describe('kerasModelConfig', () => {
  it('writes a chain as a Sequential without inbound_nodes (read alike by every TensorBoard)', () => {
    expect(kerasModelConfig(CHAIN)).toEqual({
      class_name: 'Sequential',
      config: {
        name: 'model',
        layers: [
          {
            class_name: 'Dense',
            name: 'dense',
            config: { name: 'dense', trainable: true, output_shape: [null, 10], param_count: 20 },
          },
          {
            class_name: 'Dense',
            name: 'dense_1',
            config: { name: 'dense_1', trainable: true, output_shape: [null, 1], param_count: 11 },
          },
        ],
      },
    });
  });

  it("writes a graph as a Functional with Keras 3's inbound_nodes by default", () => {
    const config = kerasModelConfig(TINY);
    expect(config.class_name).toBe('Functional');
    expect(config.config.input_layers).toEqual([['tokens', 0, 0]]);
    expect(config.config.output_layers).toEqual([['residual', 0, 0]]);
    const tensor = (name: string) => ({
      class_name: '__keras_tensor__',
      config: { keras_history: [name, 0, 0] },
    });
    expect(config.config.layers.map((l) => l.inbound_nodes)).toEqual([
      [],
      [{ args: [tensor('tokens')], kwargs: {} }],
      [{ args: [tensor('embed')], kwargs: {} }],
      [{ args: [[tensor('embed'), tensor('attn')]], kwargs: {} }],
    ]);
  });

  it("writes Keras 2's nested lists when asked (TensorBoard 2.16 and earlier)", () => {
    const config = kerasModelConfig(TINY, { inboundNodes: 'keras2' });
    expect(config.config.layers.map((l) => l.inbound_nodes)).toEqual([
      [],
      [[['tokens', 0, 0, {}]]],
      [[['embed', 0, 0, {}]]],
      [
        [
          ['embed', 0, 0, {}],
          ['attn', 0, 0, {}],
        ],
      ],
    ]);
  });

  it('rejects descriptions TensorBoard could not draw, naming the layer', () => {
    expect(() => kerasModelConfig({ layers: [] })).toThrow(
      'model description: a model needs at least one layer',
    );
    expect(() =>
      kerasModelConfig({
        layers: [
          { name: 'a', className: 'A' },
          { name: 'a', className: 'B' },
        ],
      }),
    ).toThrow('layer name "a" is used twice');
    expect(() => kerasModelConfig({ layers: [{ name: 'a', className: 'A', inputs: ['x'] }] })).toThrow(
      'layer 0 ("a") reads from "x", which is not a layer of the model',
    );
    expect(() => kerasModelConfig({ layers: [{ name: 'a', className: 'Größe' }] })).toThrow(
      /printable ASCII/,
    );
    expect(() => kerasModelConfig({ layers: [{ name: 'a', className: 'A', params: -1 }] })).toThrow(
      /params -1/,
    );
  });
});

/** What tfjs `tf.model({inputs, outputs}).toJSON()` gives (Keras 2 form), abridged. */
const TFJS_FUNCTIONAL = JSON.stringify({
  class_name: 'Model',
  config: {
    name: 'model1',
    layers: [
      {
        name: 'input1',
        class_name: 'InputLayer',
        config: { batch_input_shape: [null, 4], name: 'input1' },
        inbound_nodes: [],
      },
      {
        name: 'dense_Dense1',
        class_name: 'Dense',
        config: { units: 2, name: 'dense_Dense1' },
        inbound_nodes: [[['input1', 0, 0, {}]]],
      },
    ],
    input_layers: [['input1', 0, 0]],
    output_layers: [['dense_Dense1', 0, 0]],
  },
  keras_version: 'tfjs-layers 4.22.0',
  backend: 'tensor_flow.js',
});

describe('parseKerasModelConfig accepts tfjs and Keras JSON as it is', () => {
  it('takes toJSON() strings and toJSON(null, false) objects, and unwraps model.json', () => {
    const parsed = parseKerasModelConfig(TFJS_FUNCTIONAL);
    expect(parsed.class_name).toBe('Model');
    expect(parsed.keras_version).toBe('tfjs-layers 4.22.0');
    const object = JSON.parse(TFJS_FUNCTIONAL) as object;
    expect(parseKerasModelConfig(object)).toBe(object);
    expect(parseKerasModelConfig({ format: 'layers-model', modelTopology: object })).toBe(object);
    expect(parseKerasModelConfig({ modelTopology: { model_config: object } })).toBe(object);
  });

  it('says what is missing', () => {
    expect(() => parseKerasModelConfig('{')).toThrow(/Keras model config: not JSON/);
    expect(() => parseKerasModelConfig({ class_name: 'Sequential', config: { layers: [] } })).toThrow(
      'Keras model config: Sequential has no config.layers (TensorBoard needs at least one)',
    );
    expect(() =>
      parseKerasModelConfig({ class_name: 'M', config: { layers: [{ class_name: 'D', config: {} }] } }),
    ).toThrow('Keras model config: layer 0 has no config.name');
  });
});

describe('model summary (Keras model.summary())', () => {
  it('renders the layer table and the total as Markdown for TensorBoard', () => {
    expect(modelSummaryMarkdown(TINY)).toBe(
      [
        'Model: "tiny"',
        '',
        '| Layer (type) | Output Shape | Param # |',
        '|---|---|---|',
        '| tokens (InputLayer) | (None, 16) | ? |',
        '| embed (Embedding) | (None, 16, 32) | 32,000 |',
        '| attn (MultiHeadAttention) | (None, 16, 32) | 4,224 |',
        '| residual (Add) | (None, 16, 32) | 0 |',
        '',
        'Total params: 36,224 (1 layer of unknown size not counted)',
      ].join('\n'),
    );
    expect(modelSummaryMarkdown(CHAIN)).toBe(
      [
        'Model: "model"',
        '',
        '| Layer (type) | Output Shape | Param # |',
        '|---|---|---|',
        '| dense (Dense) | (None, 10) | 20 |',
        '| dense_1 (Dense) | (None, 1) | 11 |',
        '',
        'Total params: 31',
      ].join('\n'),
    );
  });

  it('formats shapes as Python tuples and keeps text shapes', () => {
    expect(formatOutputShape([7])).toBe('(7,)');
    expect(formatOutputShape([])).toBe('()');
    expect(formatOutputShape('(batch, seq, 512)')).toBe('(batch, seq, 512)');
    expect(modelSummary(CHAIN).totalParams).toBe(31);
  });
});

describe('describeLayersModel (tfjs LayersModel)', () => {
  const layer = (
    name: string,
    className: string,
    inbound: string[],
    shape: unknown,
    params: number,
  ): LayerLike => ({
    name,
    getClassName: () => className,
    outputShape: shape,
    countParams: () => params,
    inboundNodes: [{ inboundLayers: inbound.map((n) => ({ name: n })) }],
  });

  it('reads class, shape, parameters and inbound layers, leaving out what the layer cannot tell', () => {
    const unbuilt: LayerLike = {
      name: 'lazy',
      getClassName: () => 'Dense',
      get outputShape(): unknown {
        throw new Error('The layer lazy has never been called');
      },
      countParams: () => {
        throw new Error('not built');
      },
      inboundNodes: [],
    };
    const description = describeLayersModel({
      name: 'sequential_1',
      // A Sequential's first layer reads its InputLayer, which `layers` leaves out.
      layers: [
        layer('dense_Dense1', 'Dense', ['input1'], [null, 10], 50),
        layer('d2', 'Dense', ['dense_Dense1'], [null, 1], 11),
        unbuilt,
      ],
    });
    expect(description).toEqual({
      name: 'sequential_1',
      layers: [
        { name: 'dense_Dense1', className: 'Dense', inputs: [], outputShape: [null, 10], params: 50 },
        { name: 'd2', className: 'Dense', inputs: ['dense_Dense1'], outputShape: [null, 1], params: 11 },
        { name: 'lazy', className: 'Dense', inputs: [] },
      ],
    });
    expect(kerasModelConfig(description).class_name).toBe('Functional');
  });
});
