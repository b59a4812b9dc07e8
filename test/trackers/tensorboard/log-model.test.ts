import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatInspectResult } from '../../../src/cli/commands/inspect.js';
import type { ModelDescription } from '../../../src/core/model-description.js';
import { init } from '../../../src/init.js';
import { readEventFile } from '../../../src/trackers/tensorboard/event-file-reader.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { DataType, type SummaryValueMessage } from '../../../src/trackers/tensorboard/proto.js';
import { TINY_MODEL, tempDir } from '../../helpers/tensorboard.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function sequentialModel(): tf.Sequential {
  const model = tf.sequential({ name: 'mlp' });
  model.add(tf.layers.dense({ units: 8, inputShape: [4], activation: 'relu', name: 'hidden' }));
  model.add(tf.layers.dense({ units: 2, name: 'out' }));
  return model;
}

function functionalModel(): tf.LayersModel {
  const input = tf.input({ shape: [4], name: 'features' });
  const left = tf.layers.dense({ units: 3, name: 'left' }).apply(input) as tf.SymbolicTensor;
  const right = tf.layers.dense({ units: 3, name: 'right' }).apply(input) as tf.SymbolicTensor;
  const sum = tf.layers.add({ name: 'sum' }).apply([left, right]) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: sum, name: 'two_towers' });
}

/** Runs `log` in a fresh run writing only TensorBoard; returns the log directory and the run's event file. */
async function tensorBoardRun(log: (run: Awaited<ReturnType<typeof init>>) => void): Promise<{
  logDir: string;
  values: Map<string, SummaryValueMessage & { step: number }>;
}> {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const run = await init({
    project: 'models',
    name: 'graph-run',
    config: { lr: 0.01 },
    tensorboard: { logDir: dir },
    wandb: false,
    handleExit: false,
    profiling: { enabled: false },
    logLevel: 'silent',
  });
  log(run);
  await run.finish();
  const runDir = join(dir, 'graph-run');
  const files = readdirSync(runDir);
  expect(files).toHaveLength(1);
  const values = new Map<string, SummaryValueMessage & { step: number }>();
  for (const event of readEventFile(join(runDir, files[0]!)).events) {
    for (const value of event.summary?.value ?? [])
      values.set(value.tag!, { ...value, step: Number(event.step) });
  }
  return { logDir: dir, values };
}

const utf8 = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? []).toString('utf8');

describe('run.logModel into TensorBoard', () => {
  it("writes a tfjs Sequential's toJSON() as the conceptual graph and its model.summary() text", async () => {
    const model = sequentialModel();
    const { logDir, values } = await tensorBoardRun((run) => {
      run.log({ loss: 1 });
      run.logModel(model);
      run.log({ loss: 0.5 });
    });

    const graph = values.get('keras')!;
    expect(graph.step).toBe(1);
    expect(graph.metadata?.pluginData?.pluginName).toBe('graph_keras_model');
    expect(utf8(graph.metadata?.pluginData?.content)).toBe('1');
    expect(graph.metadata?.dataClass).toBeUndefined();
    expect(graph.tensor?.dtype).toBe(DataType.DT_STRING);
    expect(graph.tensor?.tensorShape).toEqual({ dim: [{ size: 1 }] });
    expect(graph.tensor?.stringVal).toHaveLength(1);
    expect(utf8(graph.tensor?.stringVal?.[0])).toBe(model.toJSON());

    const summary = values.get('model/summary')!;
    expect(summary.metadata?.pluginData?.pluginName).toBe('text');
    expect(summary.tensor?.dtype).toBe(DataType.DT_STRING);
    expect(utf8(summary.tensor?.stringVal?.[0])).toBe(
      [
        'Model: "mlp"',
        '',
        '| Layer (type) | Output Shape | Param # |',
        '|---|---|---|',
        '| hidden (Dense) | (None, 8) | 40 |',
        '| out (Dense) | (None, 2) | 18 |',
        '',
        'Total params: 58',
      ].join('\n'),
    );

    const result = inspectLogDir(logDir);
    expect(result.readingProblems).toEqual([]);
    expect(result.errors).toBe(0);
    expect(result.runs['graph-run']!.tags.keras).toMatchObject({
      plugin: 'graph_keras_model',
      dataClass: 'BLOB_SEQUENCE',
      count: 1,
      kerasModel: { className: 'Sequential', name: 'mlp', layers: 2, inboundNodes: 'none' },
    });
    expect(formatInspectResult(result)).toMatch(
      /keras\s+1\s+1\s+conceptual graph: Sequential "mlp", 2 layers/,
    );
  });

  it("draws a tfjs Functional model with edges in current TensorBoard: its nodes in Keras 3's form", async () => {
    const model = functionalModel();
    const { logDir, values } = await tensorBoardRun((run) => run.logModel(model, { name: 'towers' }));
    const config = JSON.parse(utf8(values.get('keras')!.tensor?.stringVal?.[0]));
    const original = JSON.parse(model.toJSON() as string);
    expect(config.config.layers.map((l: { name: string }) => l.name)).toEqual([
      'features',
      'left',
      'right',
      'sum',
    ]);
    expect(config.config.layers[3].inbound_nodes[0].args[0]).toEqual([
      { class_name: '__keras_tensor__', config: { keras_history: ['left', 0, 0] } },
      { class_name: '__keras_tensor__', config: { keras_history: ['right', 0, 0] } },
    ]);
    expect(config.config.layers[1].config).toEqual(original.config.layers[1].config);
    expect(utf8(values.get('model/summary')!.tensor?.stringVal?.[0])).toMatch(
      /^Model: "towers"\n[\s\S]*\| sum \(Add\) \| \(None, 3\) \| 0 \|\n\nTotal params: 30$/,
    );
    const result = inspectLogDir(logDir);
    expect(result.readingProblems).toEqual([]);
    expect(result.runs['graph-run']!.tags.keras!.kerasModel).toEqual({
      className: 'Model',
      name: 'two_towers',
      layers: 4,
      inboundNodes: 'keras3',
    });
  });

  it("keeps tfjs' own Keras 2 nodes with inboundNodes: 'keras2' (TensorBoard 2.16 and earlier)", async () => {
    const model = functionalModel();
    const { logDir, values } = await tensorBoardRun((run) => run.logModel(model, { inboundNodes: 'keras2' }));
    expect(utf8(values.get('keras')!.tensor?.stringVal?.[0])).toBe(model.toJSON());
    expect(inspectLogDir(logDir).readingProblems.map((p) => p.severity)).toEqual(['warning']);
  });

  it('renders a plain description (a hand-written model) the same way', async () => {
    const description: ModelDescription = {
      ...TINY_MODEL,
      layers: [
        ...TINY_MODEL.layers,
        { name: 'head', className: 'Dense', inputs: ['residual'], outputShape: '(batch, 16, 100)' },
      ],
    };
    const { logDir, values } = await tensorBoardRun((run) => run.logModel(description));
    expect(utf8(values.get('model/summary')!.tensor?.stringVal?.[0])).toBe(
      [
        'Model: "tiny"',
        '',
        '| Layer (type) | Output Shape | Param # |',
        '|---|---|---|',
        '| tokens (InputLayer) | (None, 16) | ? |',
        '| embed (Embedding) | (None, 16, 32) | 32,000 |',
        '| attn (MultiHeadAttention) | (None, 16, 32) | 4,224 |',
        '| residual (Add) | (None, 16, 32) | 0 |',
        '| head (Dense) | (batch, 16, 100) | ? |',
        '',
        'Total params: 36,224 (2 layers of unknown size not counted)',
      ].join('\n'),
    );
    const result = inspectLogDir(logDir);
    expect(result.readingProblems).toEqual([]);
    expect(result.runs['graph-run']!.tags.keras!.kerasModel).toMatchObject({
      className: 'Functional',
      layers: 5,
    });
  });
});
