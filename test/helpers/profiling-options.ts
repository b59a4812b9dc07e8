import type { ProfilingOptions } from '../../src/core/options.js';

/** Profiling options for tests: no system sampling, GPU off, no periodic report, no trace; override what a test needs. */
export function profilingOptions(overrides: Partial<ProfilingOptions> = {}): ProfilingOptions {
  return {
    enabled: true,
    systemMetricsSecs: 0,
    gpu: 'off',
    memorySampleEvery: 16,
    bottleneckThreshold: 0.1,
    reportEverySteps: 0,
    trace: false,
    ...overrides,
  };
}
