import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInventory } from '../../src/profiler/gpu/gpu-inventory.js';
import { parseNvidiaSmiLine } from '../../src/profiler/gpu/nvidia-smi-provider.js';
import { SystemMetricsSampler } from '../../src/profiler/system-metrics-sampler.js';
import type { CoreTimes, DiskSpace, HostCounters } from '../../src/profiler/system/host-counters.js';
import { ProcHostCounters } from '../../src/profiler/system/proc-host-counters.js';
import { SampleAverager } from '../../src/profiler/system/sample-averager.js';
import { wandbSystemMetrics } from '../../src/trackers/wandb/system-metrics.js';
import { FakeHost } from '../helpers/fake-profiler-host.js';
import { FIXTURES } from '../helpers/paths.js';

const MB = 1024 * 1024;
const GB = 1024 ** 3;
/** Node's own figures, sent beside W&B's keys (names W&B does not use). */
const NODE_EXTRAS = [
  'cpu_percent',
  'memory_rss_mb',
  'heap_used_mb',
  'heap_total_mb',
  'event_loop_delay_ms',
  'event_loop_delay_p99_ms',
  'event_loop_utilization',
];

/** The keys of the `stats` record the official client wrote in the offline fixture, for `cores` cores. */
function officialKeys(cores: number): string[] {
  const records = JSON.parse(readFileSync(join(FIXTURES, 'wandb', 'offline-basic.records.json'), 'utf8')) as {
    _type: string;
    record: { stats?: { item: { key: string }[] } };
  }[];
  const stats = records.find((r) => r._type === 'stats')?.record.stats;
  const keys = (stats?.item ?? []).map((i) => i.key).filter((k) => !/^cpu\.\d+\./.test(k));
  for (let i = 0; i < cores; i++) keys.push(`cpu.${i}.cpu_percent`);
  return keys.sort();
}

/** Counters that answer entry `read` of each scripted list (0: the probe's baseline at start; then one per sample). */
class ScriptedCounters implements HostCounters {
  read = 0;
  constructor(
    private readonly script: {
      cores: CoreTimes[][];
      available: number[];
      network: number[];
      diskRead: number[];
      threads: number[];
    },
  ) {}
  private at<T>(values: readonly T[]): T {
    return values[Math.min(this.read, values.length - 1)] as T;
  }
  coreTimes(): readonly CoreTimes[] {
    return this.at(this.script.cores);
  }
  memory() {
    return { totalBytes: 1000 * MB, availableBytes: this.at(this.script.available) * MB };
  }
  diskSpace(): DiskSpace {
    return { totalBytes: 100 * GB, usedBytes: 25 * GB, availableBytes: 75 * GB };
  }
  diskIo() {
    return { readBytes: this.at(this.script.diskRead) * MB, writeBytes: 0 };
  }
  network() {
    const n = this.at(this.script.network);
    return { sentBytes: n, receivedBytes: 2 * n };
  }
  threads(): number {
    return this.at(this.script.threads);
  }
}

describe('system metrics at W&B parity', () => {
  it('averages every samplesToAverage samples (2 decimals), keeps the last thread count, and sends the rest at close', async () => {
    // Read 0 is the probe's baseline (taken at construction); reads 1..4 are samples.
    const counters = new ScriptedCounters({
      cores: [
        [{ busy: 0, total: 0 }],
        [{ busy: 50, total: 100 }], // 50 %
        [{ busy: 60, total: 200 }], // 10 %
        [{ busy: 160, total: 300 }], // 100 %
        [{ busy: 160, total: 400 }], // 0 %
      ],
      available: [0, 600, 700, 800, 900],
      network: [1000, 1100, 1300, 1600, 2000],
      diskRead: [10, 11, 12, 14, 18],
      threads: [0, 7, 9, 8, 11],
    });
    const host = new FakeHost();
    const sampler = new SystemMetricsSampler(host, 1e9, undefined, undefined, {
      samplesToAverage: 3,
      hostCounters: counters,
    });
    sampler.start();
    const sample = (read: number) => {
      counters.read = read;
      return sampler.sample();
    };
    await sample(1);
    await sample(2);
    expect(host.systemLogs).toEqual([]);
    await sample(3);
    expect(host.systemLogs).toHaveLength(1);
    const first = host.systemLogs[0] as Record<string, number>;
    expect(first['cpu.0.cpu_percent']).toBe(53.33); // (50 + 10 + 100) / 3
    expect(first['proc.cpu.threads']).toBe(8); // the last, not the mean
    expect(first['proc.memory.availableMB']).toBe(700);
    expect(first.memory).toBe(30); // (40 + 30 + 20) / 3 % used
    expect(first['network.sent']).toBe(333.33); // (100 + 300 + 600) / 3, cumulative since start
    expect(first['network.recv']).toBe(666.67);
    expect(first['disk.in']).toBe(2.33); // (1 + 2 + 4) / 3 MB
    expect(first['disk.out']).toBe(0);
    expect(first['disk.\\.usagePercent']).toBe(25);
    expect(first['disk.\\.usageGB']).toBe(25);
    expect(Object.keys(first).slice(0, 6)).toEqual([
      'cpu',
      'cpu.0.cpu_percent',
      'proc.cpu.threads',
      'disk.\\.usagePercent',
      'disk.\\.usageGB',
      'disk.in',
    ]);
    // Node's own figures are averaged too, unrounded, under their own names.
    expect(first.heap_used_mb).toBeGreaterThan(1);
    // close() takes a last sample and reports the partial window (W&B's final FLUSH_STATS).
    counters.read = 4;
    await sampler.close();
    expect(host.systemLogs).toHaveLength(2);
    const last = host.systemLogs[1] as Record<string, number>;
    expect(last['cpu.0.cpu_percent']).toBe(0);
    expect(last['proc.cpu.threads']).toBe(11);
    expect(last['network.sent']).toBe(1000);
    expect(last['disk.in']).toBe(8);
  });

  it('SampleAverager means each key over the samples that had it', () => {
    const averager = new SampleAverager(2, new Set(['t']));
    averager.add({ a: 1, t: 4 });
    averager.add({ a: 2, b: 1 / 3, t: 2, c: Number.NaN });
    expect(averager.take()).toEqual({ a: 1.5, t: 2, b: 0.33 });
    expect(averager.take()).toEqual({});
    const exact = new SampleAverager();
    exact.add({ u: 0.001 });
    exact.add({ u: 0.002 });
    expect(exact.take()).toEqual({ u: 0.0015 });
  });

  it.runIf(process.platform === 'linux')(
    "sends exactly the official client's keys (from its offline fixture), read from this machine",
    async () => {
      const host = new FakeHost();
      const sampler = new SystemMetricsSampler(host, 1e9, undefined, undefined, { samplesToAverage: 1 });
      sampler.start();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await sampler.sample();
      await sampler.close();
      const sample = host.systemLogs[0] as Record<string, number>;
      const mapped = wandbSystemMetrics(Object.keys(sample), Object.values(sample));
      const official = mapped.keys.filter((k) => !NODE_EXTRAS.includes(k));
      expect(official.sort()).toEqual(officialKeys(cpus().length));
      // The older names stay for TensorBoard, but W&B gets only its own `cpu` and `proc.memory.rssMB`.
      expect(sample.cpu_percent).toBeDefined();
      expect(mapped.keys).not.toContain('cpu_percent');
      expect(mapped.keys.filter((k) => k === 'cpu')).toHaveLength(1);
      // Plausible values from /proc.
      expect(sample['proc.cpu.threads']).toBeGreaterThanOrEqual(1);
      expect(sample['proc.memory.rssMB']).toBeGreaterThan(10);
      expect(sample.memory).toBeGreaterThan(0);
      expect(sample.memory).toBeLessThanOrEqual(100);
      expect(sample['disk.\\.usageGB']).toBeGreaterThan(0);
    },
  );

  it.runIf(process.platform === 'linux')('reads /proc as psutil does', () => {
    const counters = new ProcHostCounters();
    const cores = counters.coreTimes();
    expect(cores?.length).toBe(cpus().length);
    for (const core of cores ?? []) expect(core.total).toBeGreaterThanOrEqual(core.busy);
    const memory = counters.memory();
    expect(memory.availableBytes).toBeLessThan(memory.totalBytes);
    expect(counters.threads()).toBeGreaterThanOrEqual(2); // Node's main thread plus its platform workers
    expect(counters.network()?.receivedBytes).toBeGreaterThanOrEqual(0);
    expect(counters.diskIo()?.readBytes).toBeGreaterThanOrEqual(0);
    expect(new ProcHostCounters('/nonexistent').threads()).toBeUndefined();
  });

  it("parses a real H200's nvidia-smi answers to trainscope's queries (recorded 2026-12-04) into W&B's GPU keys", () => {
    const device = parseNvidiaSmiLine('0, 0, 143771, 0, 0, 40, 93.94, 700.00');
    expect(device).toEqual({
      index: 0,
      memoryUsedMb: 0,
      memoryTotalMb: 143771,
      utilizationPercent: 0,
      memoryUtilizationPercent: 0,
      temperatureC: 40,
      powerWatts: 93.94,
      powerLimitWatts: 700,
    });
    const mapped = wandbSystemMetrics(
      [
        'gpu.0.utilization_percent',
        'gpu.0.memory_used_mb',
        'gpu.0.memory_total_mb',
        'gpu.0.power_watts',
        'gpu.0.power_limit_watts',
      ],
      [0, 0, 143771, 93.94, 700],
    );
    expect(Object.fromEntries(mapped.keys.map((k, i) => [k, mapped.values[i]]))).toEqual({
      'gpu.0.gpu': 0,
      'gpu.0.memoryAllocatedBytes': 0,
      'gpu.0.powerWatts': 93.94,
      'gpu.0.memoryAllocated': 0,
      'gpu.0.powerPercent': 13.42,
    });
    expect(parseInventory('NVIDIA H200, 143771\n')).toEqual([
      { name: 'NVIDIA H200', memory_total: 143771 * MB },
    ]);
  });
});
