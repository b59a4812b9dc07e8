import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import { DataClass, DataType, type SummaryValueMessage } from '../../../src/trackers/tensorboard/proto.js';
import {
  migrateDataClass,
  migrateLegacyValue,
} from '../../../src/trackers/tensorboard/data-class-migration.js';
import { rustInitialClass, rustKeeps } from '../../../src/trackers/tensorboard/rust-reader-rules.js';
import { textSummaryValue } from '../../../src/trackers/tensorboard/summary.js';
import { FIXTURES, tempDir, writeEventFile } from '../../helpers/tensorboard.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** Inspects a run made of the given summaries (one file per entry of `files`). */
function inspect(...files: { step: number; values: SummaryValueMessage[] }[][]) {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  files.forEach((summaries, i) => {
    writeEventFile(dir, summaries, `events.out.tfevents.179600022${i}.handmade`);
  });
  return inspectLogDir(dir);
}

const floatTensor = (values: number[], dims: number[] = []) => ({
  dtype: DataType.DT_FLOAT,
  tensorShape: { dim: dims.map((size) => ({ size })) },
  floatVal: values,
});

describe("TensorBoard's data-class migration (Python loader)", () => {
  it('gives an unclassed value its plugin class, and hparams the null tensor', () => {
    const initial = new Map();
    const migrated = migrateDataClass(
      { tag: 'h', metadata: { pluginData: { pluginName: 'hparams' } } },
      initial,
    );
    expect(migrated.metadata?.dataClass).toBe(DataClass.TENSOR);
    expect(migrated.tensor).toEqual({ dtype: DataType.DT_FLOAT, tensorShape: { dim: [{}] } });
    // Later values of the tag follow the first value's metadata, even without their own.
    expect(migrateDataClass({ tag: 'h' }, initial).tensor).toBeDefined();
  });

  it('passes a value whose metadata names a class through untouched', () => {
    const value: SummaryValueMessage = {
      tag: 'h',
      metadata: { pluginData: { pluginName: 'hparams' }, dataClass: DataClass.TENSOR },
    };
    expect(migrateDataClass(value, new Map())).toBe(value);
  });

  it('gives graph sub-plugins a [1] shape and turns legacy values into tensors', () => {
    const graph = migrateDataClass(
      { tag: 'keras', metadata: { pluginData: { pluginName: 'graph_keras_model' } }, tensor: { dtype: 7 } },
      new Map(),
    );
    expect(graph.metadata?.dataClass).toBe(DataClass.BLOB_SEQUENCE);
    expect(graph.tensor?.tensorShape).toEqual({ dim: [{ size: 1 }] });
    const scalar = migrateLegacyValue({ tag: 'loss', simpleValue: 0.5 });
    expect(scalar.metadata).toMatchObject({
      pluginData: { pluginName: 'scalars' },
      dataClass: DataClass.SCALAR,
    });
    expect(scalar.tensor).toEqual({ dtype: DataType.DT_FLOAT, tensorShape: {}, floatVal: [0.5] });
    const histo = migrateLegacyValue({
      tag: 'w',
      histo: { bucket: [0, 2, 0, 1, 0], bucketLimit: [1, 2, 3, 4, 5] },
    });
    expect(histo.tensor?.tensorShape).toEqual({ dim: [{ size: 3 }, { size: 3 }] });
  });
});

describe("TensorBoard's Rust data server rules", () => {
  it('classes a series from its first value and keeps only rank-0 DT_FLOAT tensors as scalars', () => {
    const series = rustInitialClass({ tag: 'a', simpleValue: 1 });
    expect(series).toEqual({ pluginName: 'scalars', dataClass: DataClass.SCALAR });
    expect(rustKeeps({ simpleValue: 2 }, series)).toBe(true);
    expect(rustKeeps({ tensor: floatTensor([2]) }, series)).toBe(true);
    expect(rustKeeps({ tensor: floatTensor([2], [1]) }, series)).toBe(false);
    expect(rustKeeps({ tensor: { dtype: DataType.DT_DOUBLE, doubleVal: [2] } }, series)).toBe(false);
    expect(rustInitialClass({ tag: 't', tensor: floatTensor([1]) })).toEqual({
      pluginName: '',
      dataClass: 0,
    });
  });
});

describe('inspectLogDir applies the reading rules', () => {
  it('reports a tag listed with nothing stored as an error naming the dashboard and the failing call', () => {
    const result = inspect([
      { step: 0, values: [{ tag: 'notes', metadata: { pluginData: { pluginName: 'text' }, dataClass: 2 } }] },
      { step: 0, values: [{ tag: 'pic', metadata: { pluginData: { pluginName: 'images' }, dataClass: 3 } }] },
    ]);
    expect(result.errors).toBe(2);
    expect(result.readingProblems.map((p) => [p.severity, p.dashboard, p.reader, p.message])).toEqual([
      [
        'error',
        'TEXT',
        'python',
        "TEXT dashboard: tag notes has data_class TENSOR but no tensor; TensorBoard's read_tensors(plugin_name='text') fails",
      ],
      [
        'error',
        'IMAGES',
        'python',
        "IMAGES dashboard: tag pic has data_class BLOB_SEQUENCE but no tensor; TensorBoard's " +
          "read_blob_sequences(plugin_name='images') fails",
      ],
    ]);
    expect(result.runs['.']!.tags).toEqual({});
  });

  it('reports a SCALAR tensor of several values as an error of read_scalars, and the Rust rule as a warning', () => {
    const scalars = { pluginData: { pluginName: 'scalars' }, dataClass: DataClass.SCALAR };
    const result = inspect([
      { step: 0, values: [{ tag: 'pair', metadata: scalars, tensor: floatTensor([1, 2], [2]) }] },
      {
        step: 1,
        values: [
          {
            tag: 'wide',
            metadata: scalars,
            tensor: { dtype: DataType.DT_DOUBLE, tensorShape: {}, doubleVal: [0.1] },
          },
        ],
      },
    ]);
    const messages = result.readingProblems.map((p) => `${p.severity} ${p.reader}: ${p.message}`);
    expect(messages).toContain(
      "error python: SCALARS dashboard: tag pair has a tensor of 2 values at step 0, not one; TensorBoard's " +
        "read_scalars(plugin_name='scalars') fails",
    );
    expect(messages).toContain(
      'warning rust: SCALARS dashboard: the Rust data server drops 1 of 1 values of tag wide ' +
        '(only a simple_value or a rank-0 DT_FLOAT tensor is a scalar)',
    );
    // The Python loader keeps the double exactly.
    expect(result.runs['.']!.tags.wide!.last).toBe(0.1);
  });

  it('warns when a tensor tag starts without metadata: the Rust data server keeps nothing of it', () => {
    const result = inspect([
      {
        step: 0,
        values: [{ tag: 'notes', tensor: { dtype: DataType.DT_STRING, tensorShape: {}, stringVal: [] } }],
      },
      { step: 1, values: [textSummaryValue('notes', 'hello', true)] },
    ]);
    expect(result.errors).toBe(0);
    expect(result.readingProblems.map((p) => p.message)).toEqual([
      'TEXT dashboard: tag notes: the Rust data server keeps nothing (its first value has no plugin metadata)',
    ]);
  });

  it('finds nothing to report in the tensorboardX fixtures', () => {
    const result = inspectLogDir(FIXTURES);
    expect(result.readingProblems).toEqual([]);
    expect(
      inspectLogDir(join(FIXTURES, 'hparams')).runs['trial-0']!.tags['_hparams_/experiment'],
    ).toMatchObject({
      dataClass: 'TENSOR',
      count: 1,
    });
  });
});
