import { afterEach, describe, expect, it } from 'vitest';
import { formatInspectResult } from '../../../src/cli/commands/inspect.js';
import { kerasModelConfig } from '../../../src/core/keras-model-config.js';
import { readEventFile } from '../../../src/trackers/tensorboard/event-file-reader.js';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import {
  KERAS_MODEL_TAG,
  kerasModelGraphInfo,
  kerasModelSummaryValue,
} from '../../../src/trackers/tensorboard/keras-model-graph.js';
import { DataType, encodeSummary } from '../../../src/trackers/tensorboard/proto.js';
import { hex, TINY_MODEL, tempDir, writeEventFile } from '../../helpers/tensorboard.js';

const ascii = (s: string): string => hex(Buffer.from(s));
let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function logDir(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

describe('the conceptual graph value (plugin graph_keras_model)', () => {
  it('encodes tag \'keras\', content "1", no data_class and a [1] DT_STRING tensor of the config JSON', () => {
    // Short enough that every length is a one-byte varint.
    const json = '{"class_name":"S","config":{"layers":[{"class_name":"D","config":{"name":"d"}}]}}';
    const value = kerasModelSummaryValue(json);
    expect(value.tag).toBe(KERAS_MODEL_TAG);
    // tag (0a 05 "keras"); tensor (42): dtype DT_STRING (08 07), shape [1] (12 04 12 02 08 01), the JSON (42 len);
    // metadata (4a 18): plugin_data {plugin_name "graph_keras_model" (0a 11), content "1" (12 01 31)}, no key 20.
    const tensorLength = 2 + 6 + 2 + json.length;
    expect(hex(encodeSummary({ value: [value] }))).toBe(
      `0a${(7 + 2 + tensorLength + 26).toString(16)}0a05${ascii('keras')}` +
        `42${tensorLength.toString(16)}080712041202080142${json.length.toString(16)}${ascii(json)}` +
        `4a180a160a11${ascii('graph_keras_model')}120131`,
    );
  });

  it('decodes back from an event file: the same JSON, byte for byte, and the layers TensorBoard draws', () => {
    const dir = logDir();
    const config = kerasModelConfig(TINY_MODEL);
    const path = writeEventFile(dir, [{ step: 0, values: [kerasModelSummaryValue(config)] }]);
    const value = readEventFile(path).events[1]!.summary!.value![0]!;
    expect(value.metadata?.pluginData?.pluginName).toBe('graph_keras_model');
    expect(Buffer.from(value.metadata!.pluginData!.content!).toString('latin1')).toBe('1');
    expect(value.metadata?.dataClass).toBeUndefined();
    expect(value.tensor?.dtype).toBe(DataType.DT_STRING);
    expect(value.tensor?.tensorShape).toEqual({ dim: [{ size: 1 }] });
    const decoded = new TextDecoder().decode(value.tensor!.stringVal![0]!);
    expect(JSON.parse(decoded)).toEqual(config);
    expect(kerasModelGraphInfo(decoded)).toEqual({
      className: 'Functional',
      name: 'tiny',
      layers: 4,
      inboundNodes: 'keras3',
    });

    const result = inspectLogDir(dir);
    expect(result.readingProblems).toEqual([]);
    expect(result.runs['.']!.tags.keras).toMatchObject({
      plugin: 'graph_keras_model',
      dataClass: 'BLOB_SEQUENCE',
      count: 1,
      kerasModel: { className: 'Functional', name: 'tiny', layers: 4 },
    });
    expect(formatInspectResult(result)).toMatch(
      /keras\s+1\s+0\s+conceptual graph: Functional "tiny", 4 layers/,
    );
  });

  it("stores a tfjs toJSON() string as it is, and warns that TensorBoard 2.17+ draws Keras 2's nodes without edges", () => {
    const dir = logDir();
    const tfjs =
      '{"class_name":"Model","config":{"name":"m","layers":[' +
      '{"class_name":"InputLayer","config":{"name":"in"},"inbound_nodes":[]},' +
      '{"class_name":"Dense","config":{"name":"d"},"inbound_nodes":[[["in",0,0,{}]]]}]}}';
    const path = writeEventFile(dir, [{ step: 0, values: [kerasModelSummaryValue(tfjs, 'model')] }]);
    const stored = readEventFile(path).events[1]!.summary!.value![0]!.tensor!.stringVal![0]!;
    expect(Buffer.from(stored).toString('utf8')).toBe(tfjs);
    const result = inspectLogDir(dir);
    expect(result.errors).toBe(0);
    expect(result.readingProblems.map((p) => `${p.severity}: ${p.message}`)).toEqual([
      "warning: GRAPHS dashboard: tag model: inbound_nodes in Keras 2's nested-list form: TensorBoard 2.17 and " +
        'later draw the layers without edges',
    ]);
  });

  it('reports a conceptual graph that is not a Keras config as an error naming the GRAPHS dashboard', () => {
    const dir = logDir();
    const value = kerasModelSummaryValue(
      '{"class_name":"Sequential","config":{"layers":[{"class_name":"D","config":{"name":"d"}}]}}',
    );
    value.tensor!.stringVal = [new TextEncoder().encode('{not json')];
    writeEventFile(dir, [{ step: 0, values: [value] }]);
    const result = inspectLogDir(dir);
    expect(result.errors).toBe(1);
    expect(result.readingProblems[0]!.message).toMatch(
      /^GRAPHS dashboard: tag keras: Keras model config: not JSON .*; keras_model_to_graph_def fails$/,
    );
  });

  it('refuses a config TensorBoard could not convert', () => {
    expect(() => kerasModelSummaryValue('{"class_name":"Sequential","config":{"layers":[]}}')).toThrow(
      /has no config.layers/,
    );
  });
});
