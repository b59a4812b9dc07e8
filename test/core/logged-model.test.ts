import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseKerasModelConfig, withInboundNodes } from '../../src/core/keras-model-config.js';
import { loggedModel } from '../../src/core/logged-model.js';
import type { ModelDescription } from '../../src/core/model-description.js';
import type { Run } from '../../src/core/run.js';
import { init } from '../../src/init.js';
import { captureStderr, RecordingBackend, testOptions } from '../helpers/recording-backend.js';
import { TINY_MODEL } from '../helpers/tensorboard.js';

let run: Run | undefined;
afterEach(async () => {
  await run?.finish();
  run = undefined;
});

async function start(): Promise<RecordingBackend> {
  const recorder = new RecordingBackend();
  run = await init(testOptions({ logLevel: 'warn' }), { backends: [recorder] });
  return recorder;
}

function functionalTfjsModel(): tf.LayersModel {
  const input = tf.input({ shape: [4], name: 'features' });
  const left = tf.layers.dense({ units: 3, name: 'left' }).apply(input) as tf.SymbolicTensor;
  const right = tf.layers.dense({ units: 3, name: 'right' }).apply(input) as tf.SymbolicTensor;
  const sum = tf.layers.add({ name: 'sum' }).apply([left, right]) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: sum, name: 'two_towers' });
}

describe('loggedModel: what run.logModel hands the backends', () => {
  it('takes a description: plain data, the Keras config made from it, the step and time of the call', () => {
    const logged = loggedModel(TINY_MODEL, undefined, 7, 1_796_000_000_500);
    expect(structuredClone(logged)).toEqual(logged);
    expect(logged).toMatchObject({ name: 'tiny', step: 7, time: 1_796_000_000_500, inboundNodes: 'keras3' });
    expect(logged.description.layers.map((l) => [l.name, l.inputs])).toEqual([
      ['tokens', []],
      ['embed', ['tokens']],
      ['attn', ['embed']],
      ['residual', ['embed', 'attn']],
    ]);
    const config = JSON.parse(logged.kerasConfigJson);
    expect(config.class_name).toBe('Functional');
    expect(
      config.config.layers[3].inbound_nodes[0].args[0].map(
        (t: { config: { keras_history: unknown } }) => t.config.keras_history,
      ),
    ).toEqual([
      ['embed', 0, 0],
      ['attn', 0, 0],
    ]);
  });

  it('keeps only the known fields of a layer, so a cyclic or function-holding extra field does not travel', () => {
    const layer: Record<string, unknown> = {
      name: 'dense',
      className: 'Dense',
      params: 12,
      outputShape: [null, 3],
    };
    layer.self = layer;
    layer.callback = () => 1;
    const logged = loggedModel(
      { name: 'm', layers: [layer] } as unknown as ModelDescription,
      { name: 'renamed' },
      0,
      0,
    );
    expect(logged.description).toEqual({
      name: 'renamed',
      layers: [{ name: 'dense', className: 'Dense', inputs: [], params: 12, outputShape: [null, 3] }],
    });
    expect(structuredClone(logged)).toEqual(logged);
  });

  it("takes a tfjs LayersModel: toJSON() kept byte for byte, the layers' classes, shapes and parameters", () => {
    const model = functionalTfjsModel();
    const logged = loggedModel(model, undefined, 0, 0);
    expect(logged.kerasConfigJson).toBe(model.toJSON() as string);
    expect(logged.name).toBe('two_towers');
    expect(logged.description.layers).toEqual([
      { name: 'features', className: 'InputLayer', inputs: [], outputShape: [null, 4], params: 0 },
      { name: 'left', className: 'Dense', inputs: ['features'], outputShape: [null, 3], params: 15 },
      { name: 'right', className: 'Dense', inputs: ['features'], outputShape: [null, 3], params: 15 },
      { name: 'sum', className: 'Add', inputs: ['left', 'right'], outputShape: [null, 3], params: 0 },
    ]);
  });

  it('rejects bad input with a TypeError that says what is wrong', () => {
    const cases: [unknown, RegExp][] = [
      [null, /expected a tfjs LayersModel .* or a model description/],
      [{ name: 'x' }, /expected a tfjs LayersModel/],
      [{ layers: [] }, /needs at least one layer/],
      [
        {
          layers: [
            { name: 'a', className: 'Dense', inputs: ['b'] },
            { name: 'b', className: 'Dense', inputs: ['a'] },
          ],
        },
        /cycle \("a" -> "b" -> "a"\)/,
      ],
      [{ layers: [{ name: 'a', className: 'Dense', inputs: ['missing'] }] }, /not a layer of the model/],
      [{ toJSON: () => '{"nope": 1}', layers: [] }, /Keras model config: expected/],
    ];
    for (const [input, message] of cases) {
      expect(() => loggedModel(input, undefined, 0, 0)).toThrow(TypeError);
      expect(() => loggedModel(input, undefined, 0, 0)).toThrow(message);
    }
    expect(() => loggedModel(TINY_MODEL, { name: '' }, 0, 0)).toThrow(/name option/);
  });
});

describe('withInboundNodes', () => {
  it("rewrites tfjs' Keras 2 nodes in Keras 3's form and back, keeping everything else", () => {
    const json = functionalTfjsModel().toJSON() as string;
    const keras2 = parseKerasModelConfig(json);
    const keras3 = withInboundNodes(keras2, 'keras3');
    const sum = keras3.config.layers[3]!;
    expect(sum.inbound_nodes).toEqual([
      {
        args: [
          [
            { class_name: '__keras_tensor__', config: { keras_history: ['left', 0, 0] } },
            { class_name: '__keras_tensor__', config: { keras_history: ['right', 0, 0] } },
          ],
        ],
        kwargs: {},
      },
    ]);
    expect(keras3.config.layers[1]!.inbound_nodes).toEqual([
      {
        args: [{ class_name: '__keras_tensor__', config: { keras_history: ['features', 0, 0] } }],
        kwargs: {},
      },
    ]);
    expect(keras3.config.layers[1]!.config).toEqual(keras2.config.layers[1]!.config);
    expect(keras3.keras_version).toBe('tfjs-layers 4.22.0');
    expect(withInboundNodes(keras3, 'keras2')).toEqual(keras2);
  });
});

describe('run.logModel', () => {
  it('hands every backend one structured-cloneable LoggedModel at the current step', async () => {
    const recorder = await start();
    run?.log({ loss: 1 });
    run?.logModel(TINY_MODEL, { name: 'transformer' });
    expect(recorder.models).toHaveLength(1);
    expect(recorder.models[0]).toMatchObject({ name: 'transformer', step: 1, inboundNodes: 'keras3' });
    expect(recorder.models[0]!.description.layers).toHaveLength(4);
  });

  it('warns once per bad call and throws nothing into the trainer', async () => {
    const recorder = await start();
    const cyclic: Record<string, unknown> = { name: 'c' };
    cyclic.layers = [cyclic];
    const stderr = captureStderr();
    try {
      for (const bad of [null, { name: 'no layers' }, cyclic, { toJSON: () => ({}), layers: [] }]) {
        expect(() => run?.logModel(bad as never)).not.toThrow();
      }
    } finally {
      stderr.restore();
    }
    const warnings = stderr
      .text()
      .split('\n')
      .filter((line) => line.includes('logModel()'));
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/logModel\(\): expected a tfjs LayersModel .*; the model was not logged/);
    expect(warnings[2]).toMatch(/layer 0 needs a non-empty name|className/);
    expect(recorder.models).toEqual([]);
  });

  it('isolates a backend whose logModel throws: reported once, the other backends still get the model', async () => {
    const failing = new RecordingBackend('failing');
    failing.logModel = () => {
      throw new Error('graph encoder broke');
    };
    const recorder = new RecordingBackend();
    const stderr = captureStderr();
    try {
      run = await init(testOptions({ logLevel: 'warn' }), { backends: [failing, recorder] });
      expect(() => run?.logModel(TINY_MODEL)).not.toThrow();
      run.log({ loss: 1 });
    } finally {
      stderr.restore();
    }
    expect(stderr.text()).toMatch(/backend "failing" failed in logModel\(\): graph encoder broke/);
    expect(recorder.models.map((m) => m.name)).toEqual(['tiny']);
    expect(recorder.history()).toEqual([{ step: 0, values: { loss: 1 } }]);
    expect(failing.rows).toEqual([]);
  });

  it('ignores a call after finish with a warning', async () => {
    const recorder = await start();
    await run?.finish();
    const stderr = captureStderr();
    try {
      run?.logModel(TINY_MODEL);
    } finally {
      stderr.restore();
    }
    expect(stderr.text()).toMatch(/logModel\(\) was called after run .* finished; ignored/);
    expect(recorder.models).toEqual([]);
  });
});
