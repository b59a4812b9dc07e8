import { describe, expect, it } from 'vitest';
import { histogram, table } from '../../../src/core/values.js';
import {
  configMarkdown,
  experimentValue,
  flattenConfig,
  sessionEndInfoValue,
  sessionStartInfoValue,
} from '../../../src/trackers/tensorboard/hparams.js';
import {
  DataClass,
  DataType,
  decodeHParamsPluginData,
  encodeSummary,
} from '../../../src/trackers/tensorboard/proto.js';
import {
  histogramSummaryValue,
  hparamsSummaryValue,
  nullTensor,
  scalarSummaryValue,
  tableToMarkdown,
  textSummaryValue,
} from '../../../src/trackers/tensorboard/summary.js';
import { sanitizeTag } from '../../../src/trackers/tensorboard/tag-sanitizer.js';
import { hex } from '../../helpers/tensorboard.js';

const ascii = (s: string): string => hex(Buffer.from(s));

describe('summary encodings per plugin', () => {
  it('scalars: simple_value, with scalars metadata and data_class SCALAR on the first value only', () => {
    expect(hex(encodeSummary({ value: [scalarSummaryValue('a', 1, false)] }))).toBe('0a080a0161150000803f');
    expect(hex(encodeSummary({ value: [scalarSummaryValue('a', 1, true)] }))).toBe(
      `0a170a0161150000803f4a0d0a090a07${ascii('scalars')}2001`,
    );
  });

  it('text: rank-0 DT_STRING tensor of UTF-8 with text metadata (data_class TENSOR)', () => {
    const value = textSummaryValue('notes', 'héllo', true);
    expect(value.tensor).toEqual({
      dtype: DataType.DT_STRING,
      tensorShape: {},
      stringVal: [new TextEncoder().encode('héllo')],
    });
    expect(value.metadata).toEqual({ pluginData: { pluginName: 'text' }, dataClass: DataClass.TENSOR });
    // tensor (42): dtype 7 (08 07), empty shape (12 00), string_val (42 06 ...).
    expect(hex(encodeSummary({ value: [textSummaryValue('t', 'héllo', false)] }))).toBe(
      `0a110a0174420c08071200420668c3a96c6c6f`,
    );
  });

  it('histograms: [k, 3] DT_DOUBLE tensor of [left, right, count] rows in tensor_content', () => {
    const h = histogram([0, 1, 1, 3], { bins: 3 });
    const value = histogramSummaryValue('w', h, true);
    expect(value.tensor?.dtype).toBe(DataType.DT_DOUBLE);
    expect(value.tensor?.tensorShape).toEqual({ dim: [{ size: 3 }, { size: 3 }] });
    const content = Buffer.from(value.tensor!.tensorContent!);
    const rows = Array.from({ length: 3 }, (_, i) =>
      [0, 1, 2].map((j) => content.readDoubleLE((i * 3 + j) * 8)),
    );
    expect(rows).toEqual([
      [0, 1, 1],
      [1, 2, 2],
      [2, 3, 1],
    ]);
    expect(value.metadata).toEqual({ pluginData: { pluginName: 'histograms' }, dataClass: DataClass.TENSOR });
    expect(() => histogramSummaryValue('w', { ...h, edges: [0, 1] }, false)).toThrow(/2 edges for 3 buckets/);
  });

  it('hparams: content HParamsPluginData, no data_class, the null tensor (as TensorBoard writes them)', () => {
    const hparams = flattenConfig({
      lr: 0.01,
      model: { name: 'gpt', layers: [2, 4] },
      amp: true,
      none: null,
    });
    expect([...hparams]).toEqual([
      ['lr', 0.01],
      ['model.name', 'gpt'],
      ['model.layers', '[2,4]'],
      ['amp', true],
      ['none', 'null'],
    ]);
    const start = sessionStartInfoValue(hparams, 1796000000, 'sweep-1');
    expect(start.tag).toBe('_hparams_/session_start_info');
    expect(start.simpleValue).toBeUndefined();
    expect(start.metadata?.pluginData?.pluginName).toBe('hparams');
    expect(start.metadata?.dataClass).toBeUndefined();
    expect(start.tensor).toEqual(nullTensor());
    // Whole value: tag; tensor (42 06) = dtype DT_FLOAT (08 01), shape with one dim of size 0 (12 02 12 00), no
    // values; metadata (4a 0f) = plugin_data {plugin_name "hparams", content} and no data_class (key 20).
    expect(hex(encodeSummary({ value: [hparamsSummaryValue('t', Uint8Array.of(0x22, 0x00))] }))).toBe(
      `0a1c0a01744206080112021200` + `4a0f0a0d0a07${ascii('hparams')}12022200`,
    );
    expect(decodeHParamsPluginData(start.metadata!.pluginData!.content!)).toEqual({
      sessionStartInfo: {
        hparams: {
          lr: { numberValue: 0.01 },
          'model.name': { stringValue: 'gpt' },
          'model.layers': { stringValue: '[2,4]' },
          amp: { boolValue: true },
          none: { stringValue: 'null' },
        },
        startTimeSecs: 1796000000,
        groupName: 'sweep-1',
      },
    });
    const experiment = decodeHParamsPluginData(
      experimentValue(hparams, ['training/loss'], 1796000000, 'seo').metadata!.pluginData!.content!,
    );
    expect(experiment.experiment?.hparamInfos?.map((h) => [h.name, h.type])).toEqual([
      ['lr', 3],
      ['model.name', 1],
      ['model.layers', 1],
      ['amp', 2],
      ['none', 1],
    ]);
    expect(experiment.experiment?.metricInfos).toEqual([{ name: { tag: 'training/loss' } }]);
    expect(decodeHParamsPluginData(sessionEndInfoValue(false, 5).metadata!.pluginData!.content!)).toEqual({
      sessionEndInfo: { status: 2, endTimeSecs: 5 },
    });
  });

  it('tables and the config become Markdown tables with | escaped', () => {
    expect(tableToMarkdown(table(['op', 'note'], [['fwd', 'a|b\nc']]))).toBe(
      '| op | note |\n|---|---|\n| fwd | a\\|b c |',
    );
    expect(configMarkdown(new Map([['lr', 0.1]]))).toBe('| key | value |\n|---|---|\n| lr | 0.1 |');
  });

  it("sanitizes tags to TensorBoard's characters", () => {
    expect(sanitizeTag('training/loss')).toBe('training/loss');
    expect(sanitizeTag('/eval/acc@1 (val)')).toBe('eval/acc_1__val_');
    expect(sanitizeTag('größe.ü-x')).toBe('größe.ü-x');
    expect(sanitizeTag('///')).toBe('_');
  });
});
