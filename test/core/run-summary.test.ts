import { describe, expect, it } from 'vitest';
import { formatRunSummary, type RunSummaryInput } from '../../src/core/run-summary.js';
import { testRunInfo } from '../helpers/run-info.js';

function input(summary: Map<string, number>): RunSummaryInput {
  return {
    info: testRunInfo(),
    exitCode: 0,
    reason: 'finish',
    steps: 1,
    durationMs: 1000,
    summary,
    logCalls: 1,
    logNsP50: 100,
    logNsP99: 200,
    logNsMean: 150,
    drainNs: 0,
    queuePeak: 1,
    queueCapacity: 10,
    dropped: 0,
    droppedByPriority: [0, 0, 0],
    backends: [],
    profilerLines: [],
  };
}

describe('formatRunSummary', () => {
  it('cuts a 1,024-character key with … and keeps the value', () => {
    const key = `k/${'x'.repeat(1022)}`;
    const lines = formatRunSummary(input(new Map([[key, 0.5]])));
    const summary = lines.find((l) => l.startsWith('summary: ')) as string;
    expect(summary).toBe(`summary: k/${'x'.repeat(45)}…=0.5000`);
  });

  it('reports the mean cost per call with draining beside the sampled quantiles', () => {
    const lines = formatRunSummary(input(new Map()));
    expect(lines).toContain(
      "1 log() calls, p50 100 ns, p99 200 ns on the caller's thread (sampled); mean 150 ns per call with draining (0.0 ms drained on this thread); queue peak 1/10",
    );
  });

  it('says how many calls the quantiles come from, so a single timed call is not read as a p99', () => {
    const lines = formatRunSummary({ ...input(new Map()), logCalls: 103, logSamples: 1 });
    expect(
      lines.some((l) =>
        l.startsWith("103 log() calls, p50 100 ns, p99 200 ns on the caller's thread (1 timed);"),
      ),
    ).toBe(true);
  });
});
