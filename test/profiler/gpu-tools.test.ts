import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAppleGpuStats } from '../../src/profiler/gpu/apple-gpu-stats-output.js';
import {
  GpuProcessUsage,
  parseComputeApps,
  parseGpuUuids,
} from '../../src/profiler/gpu/gpu-process-usage.js';
import { queryGpuTool } from '../../src/profiler/gpu/gpu-tool-query.js';
import { parseGpuBusIds, parsePidsReport } from '../../src/profiler/gpu/nvidia-smi-pids-report.js';
import { PolledGpuToolProvider } from '../../src/profiler/gpu/polled-gpu-tool-provider.js';
import {
  isAmdgpuDriverLive,
  parseRocmSmi,
  rocmSmiInventory,
} from '../../src/profiler/gpu/rocm-smi-output.js';
import { Profiler } from '../../src/profiler/profiler.js';
import { wandbSystemMetrics } from '../../src/trackers/wandb/system-metrics.js';
import { FakeHost, waitFor } from '../helpers/fake-profiler-host.js';
import { restoreEnvAfterEach } from '../helpers/env-restore.js';
import { profilingOptions } from '../helpers/profiling-options.js';

const FIXTURES = resolve('test/fixtures/profiler');
const FAKE_SMI = resolve(FIXTURES, 'nvidia-smi');
const FAKE_ROCM = resolve(FIXTURES, 'rocm-smi');
const FAKE_APPLE = resolve(FIXTURES, 'apple_gpu_stats');
/** An amdgpu `initstate` that reads `live` (the driver is up). */
const AMDGPU_LIVE = resolve(FIXTURES, 'amdgpu-initstate-live');
const ROCM_ANSWER = readFileSync(resolve(FIXTURES, 'rocm-smi-a.json'), 'utf8');
const NO_TOOL = '/nonexistent/gpu-tool';
const ENV = [
  'FAKE_GPU_COUNT',
  'FAKE_GPU_APPS',
  'FAKE_GPU_MEMORY_USED',
  'FAKE_GPU_UTILIZATION',
  'FAKE_GPU_MEMORY_UTILIZATION',
  'FAKE_GPU_TEMPERATURE',
  'FAKE_GPU_POWER_DRAW',
  'FAKE_GPU_POWER_LIMIT',
  'FAKE_NVIDIA_SMI_HANG',
  'FAKE_NVIDIA_SMI_NO_PIDS_REPORT',
  'FAKE_NVIDIA_SMI_CALL_LOG',
  'FAKE_ROCM_SMI_GARBAGE',
  'FAKE_ROCM_SMI_NO_GPU',
  'FAKE_APPLE_GPU_GARBAGE',
];
const options = profilingOptions({ systemMetricsSecs: 15, gpu: 'auto' });
/** The keys the official client's `gpu_amd.py` / `gpu_apple.py` send per GPU. */
const AMD_APPLE_KEYS = ['gpu', 'memoryAllocated', 'powerPercent', 'powerWatts', 'temp'];
const NVIDIA_KEYS = [
  'gpu',
  'memory',
  'memoryAllocated',
  'memoryAllocatedBytes',
  'powerPercent',
  'powerWatts',
  'temp',
];

restoreEnvAfterEach(ENV);

/** Two fake NVIDIA GPUs (the same figures on each), this process using GPU 1. */
function useTwoFakeNvidiaGpus(utilization: string): void {
  Object.assign(process.env, {
    FAKE_GPU_COUNT: '2',
    FAKE_GPU_APPS: `${process.pid}:1:500`,
    FAKE_GPU_MEMORY_USED: '2048',
    FAKE_GPU_UTILIZATION: utilization,
    FAKE_GPU_MEMORY_UTILIZATION: '12',
    FAKE_GPU_TEMPERATURE: '55',
    FAKE_GPU_POWER_DRAW: '175',
    FAKE_GPU_POWER_LIMIT: '700',
  });
}

/** Runs a profiler with these GPU tools until one system report carries GPU keys; returns it in W&B's names. */
async function wandbGpuReport(
  settings: ConstructorParameters<typeof Profiler>[1],
  wait: (report: Record<string, number>) => boolean = () => true,
): Promise<{ report: Record<string, number>; wandb: Record<string, number>; host: FakeHost }> {
  const host = new FakeHost();
  const profiler = new Profiler(options, {
    systemMetricsIntervalMs: 50,
    systemSamplesToAverage: 2,
    ...settings,
  });
  profiler.start(host);
  await profiler.gpuDetection;
  const found = () =>
    host.systemLogs.find((s) => Object.keys(s).some((k) => k.startsWith('gpu.')) && wait(s));
  await waitFor(() => found() !== undefined, 'a system report with GPU keys');
  await profiler.finish();
  const report = found() as Record<string, number>;
  const keys = Object.keys(report);
  const mapped = wandbSystemMetrics(
    keys,
    keys.map((k) => report[k] as number),
  );
  const wandb: Record<string, number> = {};
  mapped.keys.forEach((k, i) => {
    if (k.startsWith('gpu.')) wandb[k] = mapped.values[i] as number;
  });
  return { report, wandb, host };
}

function keysOf(gpu: string, names: readonly string[]): string[] {
  return names.map((n) => `gpu.${gpu}.${n}`);
}

describe('AMD GPUs (rocm-smi -a --json)', () => {
  it('reads the fields the official client reads, per card in card order', () => {
    expect(parseRocmSmi(ROCM_ANSWER)).toEqual([
      {
        index: 0,
        memoryUsedMb: Number.NaN,
        memoryTotalMb: Number.NaN,
        utilizationPercent: 37,
        memoryAllocatedPercent: 12,
        temperatureC: 48,
        powerWatts: 120,
        powerLimitWatts: 300,
      },
      {
        index: 1,
        memoryUsedMb: Number.NaN,
        memoryTotalMb: Number.NaN,
        utilizationPercent: 81,
        memoryAllocatedPercent: 64,
        temperatureC: 55,
        powerWatts: 240,
        powerLimitWatts: 300,
      },
    ]);
    expect(parseRocmSmi('ERROR: No AMD GPUs specified')).toEqual([]);
    expect(parseRocmSmi('not json')).toBeNull();
    expect(parseRocmSmi('[1,2]')).toBeNull();
  });

  it("gives the metadata's gpu_count and gpu_devices with the official client's field names", () => {
    const inventory = rocmSmiInventory(ROCM_ANSWER) as {
      gpu_count: number;
      gpu_devices: Record<string, unknown>[];
    };
    expect(inventory.gpu_count).toBe(2);
    expect(inventory.gpu_devices[1]).toEqual({
      id: '0x7410',
      unique_id: '0x5a1b2c3d4e5f6071',
      vbios_version: '113-D65201-042',
      performance_level: 'auto',
      gpu_overdrive: '0',
      gpu_memory_overdrive: '0',
      max_power: '300.0',
      series: 'AMD Instinct MI210',
      model: '0x0c35',
      vendor: 'Advanced Micro Devices, Inc. [AMD/ATI]',
      sku: 'D67301',
      sclk_range: '500Mhz - 1700Mhz',
      mclk_range: '400Mhz - 1600Mhz',
    });
    expect(rocmSmiInventory('garbage')).toEqual({});
  });

  it("is chosen when nvidia-smi is missing, and sends W&B's AMD keys", async () => {
    const { wandb } = await wandbGpuReport({
      nvidiaSmiPath: NO_TOOL,
      gpuTools: { rocmSmi: FAKE_ROCM, amdgpuInitstate: AMDGPU_LIVE },
    });
    expect(Object.keys(wandb).sort()).toEqual([
      ...keysOf('0', AMD_APPLE_KEYS),
      ...keysOf('1', AMD_APPLE_KEYS),
    ]);
    expect(wandb).toMatchObject({
      'gpu.0.gpu': 37,
      'gpu.0.memoryAllocated': 12,
      'gpu.0.temp': 48,
      'gpu.0.powerWatts': 120,
      'gpu.0.powerPercent': 40,
      'gpu.1.powerPercent': 80,
    });
  });

  it('is asked only when the amdgpu driver is live, as the official client checks /sys/module/amdgpu/initstate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-amdgpu-'));
    try {
      const coming = join(dir, 'initstate');
      writeFileSync(coming, 'coming\n');
      expect(await isAmdgpuDriverLive(AMDGPU_LIVE)).toBe(true);
      expect(await isAmdgpuDriverLive(coming)).toBe(false);
      expect(await isAmdgpuDriverLive(join(dir, 'missing'))).toBe(false);
      for (const amdgpuInitstate of [coming, join(dir, 'missing')]) {
        const host = new FakeHost();
        const profiler = new Profiler(options, {
          systemMetricsIntervalMs: 30,
          systemSamplesToAverage: 1,
          nvidiaSmiPath: NO_TOOL,
          gpuTools: { rocmSmi: FAKE_ROCM, amdgpuInitstate, appleSilicon: false },
        });
        profiler.start(host);
        await profiler.gpuDetection;
        await waitFor(() => host.systemLogs.length >= 2, 'two system reports');
        await profiler.finish();
        expect(host.systemLogs.some((s) => Object.keys(s).some((k) => k.startsWith('gpu.')))).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs beside nvidia-smi on a machine with both: NVIDIA GPUs are gpu.0-1, the AMD cards gpu.2-3', async () => {
    useTwoFakeNvidiaGpus('61');
    const { wandb } = await wandbGpuReport(
      { nvidiaSmiPath: FAKE_SMI, gpuTools: { rocmSmi: FAKE_ROCM, amdgpuInitstate: AMDGPU_LIVE } },
      (s) => 'gpu.0.utilization_percent' in s && 'gpu.3.utilization_percent' in s,
    );
    expect(Object.keys(wandb).sort()).toEqual(
      [
        ...keysOf('0', NVIDIA_KEYS),
        ...keysOf('1', NVIDIA_KEYS),
        ...keysOf('process.1', NVIDIA_KEYS),
        ...keysOf('2', AMD_APPLE_KEYS),
        ...keysOf('3', AMD_APPLE_KEYS),
      ].sort(),
    );
    expect(wandb).toMatchObject({
      'gpu.0.gpu': 61,
      'gpu.1.gpu': 61,
      'gpu.2.gpu': 37,
      'gpu.2.powerPercent': 40,
      'gpu.3.powerPercent': 80,
    });
  });

  it('is not chosen when it prints garbage or finds no GPU, with no warning', async () => {
    for (const flag of ['FAKE_ROCM_SMI_GARBAGE', 'FAKE_ROCM_SMI_NO_GPU']) {
      process.env[flag] = '1';
      const host = new FakeHost();
      const profiler = new Profiler(options, {
        systemMetricsIntervalMs: 30,
        systemSamplesToAverage: 1,
        nvidiaSmiPath: NO_TOOL,
        gpuTools: { rocmSmi: FAKE_ROCM, amdgpuInitstate: AMDGPU_LIVE, appleSilicon: false },
      });
      profiler.start(host);
      await profiler.gpuDetection;
      await waitFor(() => host.systemLogs.length >= 2, 'two system reports');
      await profiler.finish();
      expect(host.systemLogs.some((s) => Object.keys(s).some((k) => k.startsWith('gpu.')))).toBe(false);
      expect(host.warnings).toEqual([]);
      delete process.env[flag];
    }
  });

  it('gives up with one warning when the tool starts printing garbage mid-run', async () => {
    const warnings: string[] = [];
    const provider = new PolledGpuToolProvider({
      source: 'rocm-smi',
      path: FAKE_ROCM,
      args: ['-a', '--json'],
      parse: parseRocmSmi,
      maxFailures: 2,
      warn: (m) => warnings.push(m),
    });
    await provider.sample();
    await provider.settled();
    const seen = await provider.sample();
    expect(seen?.source === 'rocm-smi' ? seen.devices.length : 0).toBe(2);
    await provider.settled();
    process.env.FAKE_ROCM_SMI_GARBAGE = '1';
    for (let i = 0; i < 5; i++) {
      await provider.sample();
      await provider.settled();
    }
    expect(provider.gaveUp).toBe(true);
    expect(await provider.sample()).toBeNull();
    expect(warnings).toEqual([
      `${FAKE_ROCM} failed 2 times (last: an answer it could not read); GPU metrics are off for this run`,
    ]);
  });
});

describe('Apple GPUs (apple_gpu_stats --json)', () => {
  it('reads utilization, mem_used, temperature and power, with the fixed 16.5 W ceiling', () => {
    expect(
      parseAppleGpuStats('{"utilization": 30, "mem_used": 12, "temperature": 42.5, "power": 7.3}'),
    ).toEqual([
      {
        index: 0,
        memoryUsedMb: Number.NaN,
        memoryTotalMb: Number.NaN,
        utilizationPercent: 30,
        memoryAllocatedPercent: 12,
        temperatureC: 42.5,
        powerWatts: 7.3,
        powerLimitWatts: 16.5,
      },
    ]);
    expect(parseAppleGpuStats('{"utilization": 30}')).toBeNull();
    expect(parseAppleGpuStats('garbage')).toBeNull();
  });

  it("is chosen on Apple silicon when nvidia-smi and rocm-smi are missing, and sends W&B's Apple keys", async () => {
    const { wandb } = await wandbGpuReport({
      nvidiaSmiPath: NO_TOOL,
      gpuTools: { rocmSmi: NO_TOOL, appleGpuStats: FAKE_APPLE, appleSilicon: true },
    });
    expect(Object.keys(wandb).sort()).toEqual(keysOf('0', AMD_APPLE_KEYS));
    expect(wandb).toEqual({
      'gpu.0.gpu': 30.5,
      'gpu.0.memoryAllocated': 12.25,
      'gpu.0.temp': 42.5,
      'gpu.0.powerWatts': 8.25,
      'gpu.0.powerPercent': 50,
    });
  });

  it('is not looked for elsewhere, and garbage gives no GPU keys and no warning', async () => {
    for (const [appleSilicon, garbage] of [
      [false, false],
      [true, true],
    ] as const) {
      if (garbage) process.env.FAKE_APPLE_GPU_GARBAGE = '1';
      const host = new FakeHost();
      const profiler = new Profiler(options, {
        systemMetricsIntervalMs: 30,
        systemSamplesToAverage: 1,
        nvidiaSmiPath: NO_TOOL,
        gpuTools: { rocmSmi: NO_TOOL, appleGpuStats: FAKE_APPLE, appleSilicon },
      });
      profiler.start(host);
      await profiler.gpuDetection;
      await waitFor(() => host.systemLogs.length >= 2, 'two system reports');
      await profiler.finish();
      expect(host.systemLogs.some((s) => Object.keys(s).some((k) => k.startsWith('gpu.')))).toBe(false);
      expect(host.warnings).toEqual([]);
    }
  });
});

describe('gpu.process.<i>.* (GPUs this process tree runs on)', () => {
  it('parses nvidia-smi compute apps and the uuid map', () => {
    expect(parseComputeApps('4242, GPU-aa, 8811\n77, GPU-bb, [N/A]\nNo running processes found\n')).toEqual([
      { pid: 4242, gpuUuid: 'GPU-aa', usedMemoryMb: 8811 },
      { pid: 77, gpuUuid: 'GPU-bb', usedMemoryMb: Number.NaN },
    ]);
    expect([...parseGpuUuids('0, GPU-aa\n1, GPU-bb\n')]).toEqual([
      ['GPU-aa', 0],
      ['GPU-bb', 1],
    ]);
  });

  it('parses the -q -d PIDS report (captured on an H200, driver 580) and the bus-id map', () => {
    const h200 = readFileSync(resolve(FIXTURES, 'nvidia-smi-q-d-pids.h200.txt'), 'utf8');
    expect(parsePidsReport(h200)).toEqual([{ busId: '00000000:00:06.0', pid: 474, type: 'C' }]);
    const twoGpus = [
      'Attached GPUs                                          : 2',
      'GPU 00000000:1a:00.0',
      '    Processes',
      '        Process ID                        : 12',
      '            Type                          : G',
      '        Process ID                        : 99',
      '            Type                          : C+G',
      '',
      'GPU 00000000:1B:00.0',
      '    Processes                             : None',
    ].join('\n');
    expect(parsePidsReport(twoGpus)).toEqual([
      { busId: '00000000:1A:00.0', pid: 12, type: 'G' },
      { busId: '00000000:1A:00.0', pid: 99, type: 'C+G' },
    ]);
    expect(parsePidsReport('No devices were found')).toBeNull();
    expect([...parseGpuBusIds('0, GPU-aa, 00000000:00:06.0\n1, GPU-bb, 00000000:1a:00.0\n')]).toEqual([
      ['00000000:00:06.0', 0],
      ['00000000:1A:00.0', 1],
    ]);
  });

  it('sees graphics processes too (as NVML does), by PCI bus id whatever its case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-gpupids-'));
    try {
      const calls = join(dir, 'calls.log');
      Object.assign(process.env, {
        FAKE_GPU_COUNT: '12',
        FAKE_GPU_APPS: `1:0:50 ${process.pid}:10:4:G ${process.pid}:11:7:C+G`,
        FAKE_NVIDIA_SMI_CALL_LOG: calls,
      });
      const usage = new GpuProcessUsage({ path: FAKE_SMI });
      await usage.refresh();
      expect(usage.gpus).toEqual([10, 11]);
      expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual([
        '--query-gpu=index,uuid,pci.bus_id --format=csv,noheader,nounits',
        '-q -d PIDS',
      ]);

      // An nvidia-smi whose report cannot be read: compute apps only, for good (the graphics-only GPU 10 is lost).
      process.env.FAKE_NVIDIA_SMI_NO_PIDS_REPORT = '1';
      const fallback = new GpuProcessUsage({ path: FAKE_SMI });
      await fallback.refresh();
      expect(fallback.gpus).toEqual([11]);
      await fallback.refresh();
      expect(readFileSync(calls, 'utf8').trim().split('\n').slice(2)).toEqual([
        '--query-gpu=index,uuid,pci.bus_id --format=csv,noheader,nounits',
        '-q -d PIDS',
        '--query-compute-apps=pid,gpu_uuid,used_memory --format=csv,noheader,nounits',
        '--query-compute-apps=pid,gpu_uuid,used_memory --format=csv,noheader,nounits',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts this pid and its descendants, not other processes', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      // GPU 0: a child of this process; GPU 1: pid 1 (init, not ours); GPU 2: nobody.
      process.env.FAKE_GPU_COUNT = '3';
      process.env.FAKE_GPU_APPS = `${child.pid}:0:100 1:1:50`;
      const usage = new GpuProcessUsage({ path: FAKE_SMI });
      await usage.refresh();
      expect(usage.gpus).toEqual([0]);
      process.env.FAKE_GPU_APPS = `${process.pid}:2:10 1:1:50`;
      await usage.refresh();
      expect(usage.gpus).toEqual([2]);
      process.env.FAKE_GPU_APPS = '';
      await usage.refresh();
      expect(usage.gpus).toEqual([]);
    } finally {
      child.kill();
    }
  });

  it('never waits on a hung nvidia-smi: the call is killed at its timeout and no GPU counts as used', async () => {
    process.env.FAKE_NVIDIA_SMI_HANG = '1';
    process.env.FAKE_GPU_APPS = `${process.pid}:0:10`;
    const usage = new GpuProcessUsage({ path: FAKE_SMI, timeoutMs: 300 });
    const started = Date.now();
    await usage.refresh();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(usage.gpus).toBeUndefined();
  });

  it("copies GPU i's report to gpu.process.<i>.* only for the GPU this process uses", async () => {
    useTwoFakeNvidiaGpus('37');
    const { report, wandb } = await wandbGpuReport({ nvidiaSmiPath: FAKE_SMI }, (s) =>
      Object.keys(s).some((k) => k.startsWith('gpu.process.')),
    );
    expect(Object.keys(wandb).sort()).toEqual(
      [...keysOf('0', NVIDIA_KEYS), ...keysOf('1', NVIDIA_KEYS), ...keysOf('process.1', NVIDIA_KEYS)].sort(),
    );
    for (const name of NVIDIA_KEYS) expect(wandb[`gpu.process.1.${name}`]).toBe(wandb[`gpu.1.${name}`]);
    expect(wandb['gpu.process.1.memoryAllocatedBytes']).toBe(2048 * 1024 * 1024);
    expect(wandb['gpu.process.1.powerPercent']).toBe(25);
    expect(report['gpu.process.1.memory_used_mb']).toBe(2048);
    expect(Object.keys(report).some((k) => k.startsWith('gpu.process.0.'))).toBe(false);
  });
});

describe('queryGpuTool', () => {
  it('answers "none" at its deadline even when the hung tool left a child holding its output open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ts-gputool-'));
    const wrapper = join(dir, 'wrapper-smi');
    // Not `exec`: the shell's `sleep` child keeps stdout open after the shell itself is killed.
    writeFileSync(wrapper, '#!/bin/sh\necho partial\nsleep 30\necho late\n', { mode: 0o755 });
    try {
      const started = Date.now();
      const answer = await queryGpuTool(wrapper, [], 200);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(answer).toEqual({ ok: false, reason: 'no answer within 200 ms' });
      expect(await queryGpuTool(join(dir, 'missing'), [], 200)).toEqual({ ok: false, reason: 'not found' });
      writeFileSync(wrapper, '#!/bin/sh\necho "$@"\n', { mode: 0o755 });
      expect(await queryGpuTool(wrapper, ['-a', '--json'], 2000)).toEqual({
        ok: true,
        stdout: '-a --json\n',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
