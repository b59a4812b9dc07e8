import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { Profiler } from '../../src/profiler/profiler.js';
import { FakeHost, waitFor } from '../helpers/fake-profiler-host.js';
import { profilingOptions } from '../helpers/profiling-options.js';

const options = profilingOptions({ systemMetricsSecs: 15 });

function busy(ms: number): void {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
}

describe('system metrics', () => {
  it('logs CPU, memory and event-loop metrics with plausible values through logSystem', async () => {
    const host = new FakeHost();
    const profiler = new Profiler(options, { systemMetricsIntervalMs: 40 });
    profiler.start(host);
    // Block the loop between samples so CPU use and event-loop delay are measurably non-zero.
    for (let i = 0; i < 3; i++) {
      busy(60);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor(() => host.systemLogs.length >= 2, 'two system samples');
    // Under heavy machine load the delay monitor may not have ticked within the first samples; it will soon.
    await waitFor(
      () => host.systemLogs.some((s) => 'event_loop_delay_ms' in s),
      'an event-loop delay sample',
    );
    await profiler.finish();
    const samples = host.systemLogs;
    for (const s of samples) {
      expect(Object.keys(s).sort()).toEqual(
        expect.arrayContaining([
          'cpu_percent',
          'event_loop_utilization',
          'heap_total_mb',
          'heap_used_mb',
          'memory_rss_mb',
        ]),
      );
      expect(s.memory_rss_mb).toBeGreaterThan(10);
      expect(s.memory_rss_mb).toBeLessThan(64 * 1024);
      expect(s.heap_used_mb).toBeGreaterThan(1);
      expect(s.heap_total_mb).toBeGreaterThanOrEqual(s.heap_used_mb as number);
      expect(s.memory_rss_mb).toBeGreaterThan(s.heap_used_mb as number);
      expect(s.cpu_percent).toBeGreaterThanOrEqual(0);
      expect(s.cpu_percent).toBeLessThanOrEqual(100 * availableParallelism() * 1.5);
      expect(s.event_loop_utilization).toBeGreaterThanOrEqual(0);
      expect(s.event_loop_utilization).toBeLessThanOrEqual(1);
    }
    // The busy loops used CPU (how much depends on the machine's load, so only "some").
    expect(Math.max(...samples.map((s) => s.cpu_percent as number))).toBeGreaterThan(0);
    const withDelay = samples.filter((s) => 'event_loop_delay_ms' in s);
    expect(withDelay.length).toBeGreaterThan(0);
    for (const s of withDelay) {
      expect(s.event_loop_delay_ms).toBeGreaterThan(0);
      expect(s.event_loop_delay_p99_ms).toBeGreaterThanOrEqual(s.event_loop_delay_ms as number);
    }
    expect(host.logs).toEqual([]);
  });

  it('samples nothing when systemMetricsSecs is 0', async () => {
    const host = new FakeHost();
    const profiler = new Profiler({ ...options, systemMetricsSecs: 0 });
    profiler.start(host);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await profiler.finish();
    expect(host.systemLogs).toEqual([]);
  });

  it('takes a last sample at finish even before the first tick', async () => {
    const host = new FakeHost();
    const profiler = new Profiler(options);
    profiler.start(host);
    await profiler.finish();
    expect(host.systemLogs).toHaveLength(1);
    expect(host.systemLogs[0]?.heap_used_mb).toBeGreaterThan(1);
  });
});
