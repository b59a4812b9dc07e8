import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configYaml } from '../../../src/trackers/wandb/run-files.js';
import { type YamlValue, yamlDocument, yamlScalar } from '../../../src/trackers/wandb/yaml-block.js';

/** Strings a YAML reader would take for something else if written plain. */
const lookalikes = [
  '1',
  '0.5',
  '-3',
  '1e5',
  '.5',
  '0x1F',
  '0o7',
  '.inf',
  '-.inf',
  '.nan',
  'true',
  'False',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'null',
  'Null',
  '~',
  '',
  ' ',
  ' lead',
  'trail ',
  '2026-12-04',
  '12:30',
  'a: b',
  'a #c',
  '#c',
  '- x',
  '? x',
  '&anchor',
  '*alias',
  '!tag',
  '|',
  '>',
  '@x',
  '`x',
  '%x',
  '[1]',
  '{a: 1}',
  '"q"',
  "'q'",
  'multi\nline',
  'tab\there',
  'nul\u0000',
  'é ü 日本',
  'emoji 🚀',
  'back\\slash',
  'a  b',
];

describe('yamlDocument (config.yaml without the yaml package)', () => {
  it.each(lookalikes)('keeps the string %j a string, as key and as value', (text) => {
    const doc = { [text]: { desc: null, value: text } } as Record<string, YamlValue>;
    expect(parse(yamlDocument(doc))).toEqual(doc);
    // PyYAML (the W&B client's reader) speaks YAML 1.1, where yes/on/0o7… are not strings.
    expect(parse(yamlDocument(doc), { version: '1.1' })).toEqual(doc);
  });

  it('writes plain what is unambiguous and quotes the rest', () => {
    expect(yamlScalar('adamw')).toBe('adamw');
    expect(yamlScalar('bert-base/uncased v2')).toBe('bert-base/uncased v2');
    expect(yamlScalar('1e5')).toBe('"1e5"');
    expect(yamlScalar('yes')).toBe('"yes"');
    expect(yamlScalar('multi\nline')).toBe('"multi\\nline"');
    expect(yamlScalar(Number.NaN)).toBe('null');
  });

  it('round-trips nested objects, arrays of objects, arrays of arrays and empty containers', () => {
    const doc: Record<string, YamlValue> = {
      wandb_version: 1,
      model: {
        desc: null,
        value: {
          layers: [
            { units: 64, act: 'relu' },
            { units: 10, act: 'softmax', extra: { a: [] } },
          ],
          grid: [[1, 2], [], [[3]]],
          empty: {},
          list: [],
          flags: [true, false, null],
          nums: [0, -1.5, 1e-7, 1e21, 9007199254740991],
          nested: { deep: { deeper: { key: 'v' } } },
          mixed: [1, 'two', { three: 3 }, ['four']],
        },
      },
    };
    const text = yamlDocument(doc);
    expect(parse(text)).toEqual(doc);
    expect(text).toContain('    layers:\n      - units: 64\n        act: relu\n');
  });

  it('writes config.yaml as the official client does', () => {
    expect(configYaml({ lr: 0.001, opt: { name: 'adamw' }, tags: ['a', 'b'], none: {} })).toBe(
      'wandb_version: 1\nlr:\n  desc: null\n  value: 0.001\nopt:\n  desc: null\n  value:\n    name: adamw\n' +
        'tags:\n  desc: null\n  value:\n    - a\n    - b\nnone:\n  desc: null\n  value: {}\n',
    );
  });
});
