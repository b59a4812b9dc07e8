import { describe, expect, it } from 'vitest';
import { formatNextSteps, type ResultPaths } from '../../../examples/seo-llm-trainer/report.js';

const PATHS: ResultPaths = {
  tensorboardLogDir: 'runs',
  tensorboardRunDir: 'runs/seo-llm-20261204-110000',
  wandbRunDir: 'wandb/offline-run-20261204_110000-abc123',
  wandbMode: 'offline',
  trace: undefined,
  checkpoint: 'runs/seo-llm-20261204-110000/checkpoint',
};

describe('formatNextSteps', () => {
  it('names the local dashboard over the TensorBoard logdir and the W&B directory (the defaults: runs wandb)', () => {
    const lines = formatNextSteps(PATHS);
    expect(lines[0]).toBe('Look at the results');
    expect(lines.find((l) => l.includes('trainscope view'))).toContain('npx trainscope view runs wandb ');
    expect(lines.some((l) => l.includes('npx trainscope inspect runs/seo-llm-20261204-110000'))).toBe(true);
    expect(lines.some((l) => l.includes(`npx trainscope sync ${PATHS.wandbRunDir}`))).toBe(true);
  });

  it('names only what the run wrote', () => {
    const tensorboardOnly = formatNextSteps({ ...PATHS, wandbRunDir: undefined, wandbMode: undefined });
    expect(tensorboardOnly.find((l) => l.includes('trainscope view'))).toMatch(/view runs {3}\(/);
    const neither = formatNextSteps({
      ...PATHS,
      tensorboardLogDir: undefined,
      tensorboardRunDir: undefined,
      wandbRunDir: undefined,
      wandbMode: undefined,
    });
    expect(neither.some((l) => l.includes('trainscope view'))).toBe(false);
  });
});
