import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/values.js';
import {
  configEntries,
  configValueJson,
  configYaml,
  summaryJson,
} from '../../../src/trackers/wandb/run-files.js';
import { wandbSystemMetrics } from '../../../src/trackers/wandb/system-metrics.js';

describe('run files', () => {
  it('writes config values as the Python client does in config (NaN → null), never throwing', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(configValueJson(Number.NaN)).toBe('null');
    expect(configValueJson(10n)).toBe('10');
    expect(configValueJson({ x: [1, 'b'] })).toBe('{"x":[1,"b"]}');
    expect(configValueJson(cyclic)).toBe('"[object Object]"');
    expect(configEntries({ a: 1, b: undefined, c: () => 1, d: null })).toEqual([
      ['a', '1'],
      ['d', 'null'],
    ]);
  });

  it('writes config.yaml with wandb_version and desc/value per key', () => {
    expect(configYaml({ lr: 0.001, opt: { name: 'adamw' } })).toBe(
      'wandb_version: 1\nlr:\n  desc: null\n  value: 0.001\nopt:\n  desc: null\n  value:\n    name: adamw\n',
    );
  });

  it('writes wandb-summary.json with the runtime under _wandb', () => {
    expect(summaryJson(['loss', 'note'], ['NaN', '"x"'], 12.9)).toBe(
      '{"loss":NaN,"note":"x","_wandb":{"runtime":12}}',
    );
  });
});

describe('system metrics for W&B', () => {
  it("maps the profiler's names to W&B's system chart names", () => {
    const mapped = wandbSystemMetrics(
      [
        'system/cpu_percent',
        'memory_rss_mb',
        'gpu.1.utilization_percent',
        'gpu.1.memory_used_mb',
        'gpu.1.memory_total_mb',
        'heap_used_mb',
        'label',
      ],
      [55, 120, 80, 256, 1024, 30, text('not a number')],
    );
    expect(Object.fromEntries(mapped.keys.map((k, i) => [k, mapped.values[i]]))).toEqual({
      cpu: 55,
      'proc.memory.rssMB': 120,
      'gpu.1.gpu': 80,
      'gpu.1.memoryAllocatedBytes': 256 * 1024 * 1024,
      heap_used_mb: 30,
      'gpu.1.memoryAllocated': 25,
    });
  });
});
