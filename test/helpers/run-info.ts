import type { RunInfo } from '../../src/core/backend.js';

export function testRunInfo(overrides: Partial<RunInfo> = {}): RunInfo {
  return {
    id: 'ab12cd34',
    name: 'fixture-basic',
    project: 'trainscope-fixtures',
    entity: undefined,
    group: 'exp-1',
    jobType: 'train',
    tags: ['baseline', 'fixture'],
    notes: 'Reference run',
    config: {
      lr: 0.0003,
      batch_size: 32,
      optimizer: { name: 'adamw', betas: [0.9, 0.999], weight_decay: 0.01 },
      use_amp: false,
      bad: Number.NaN,
    },
    startTime: Date.UTC(2026, 10, 30, 0, 43, 44, 615),
    host: 'vm',
    program: 'train.ts',
    rank: 0,
    worldSize: 1,
    ...overrides,
  };
}
