import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  countNvidiaGpus,
  NvidiaSmiProvider,
  parseNvidiaSmiLine,
  resolveNvidiaSmiPath,
} from '../../src/profiler/gpu/nvidia-smi-provider.js';
import { detectLoadedTensorflow, TfjsMemoryProvider } from '../../src/profiler/gpu/tfjs-memory-provider.js';
import { Profiler } from '../../src/profiler/profiler.js';
import { FakeHost, waitFor } from '../helpers/fake-profiler-host.js';
import { restoreEnvAfterEach } from '../helpers/env-restore.js';
import { profilingOptions } from '../helpers/profiling-options.js';

const FAKE_SMI = resolve('test/fixtures/profiler/nvidia-smi');
const FAKE_ENV = [
  'NVIDIA_SMI_PATH',
  'FAKE_GPU_COUNT',
  'FAKE_GPU_MEMORY_USED',
  'FAKE_GPU_MEMORY_TOTAL',
  'FAKE_GPU_UTILIZATION',
  'FAKE_GPU_1_MEMORY_USED',
  'FAKE_NVIDIA_SMI_FAIL',
  'FAKE_NVIDIA_SMI_EXIT_AFTER',
  'FAKE_NVIDIA_SMI_START_LOG',
];

const options = profilingOptions({ systemMetricsSecs: 15, gpu: 'auto' });

restoreEnvAfterEach(FAKE_ENV);
afterEach(() => {
  delete (globalThis as { _tfengine?: unknown })._tfengine;
});

describe('nvidia-smi provider', () => {
  it('parses nounits CSV lines and marks unsupported fields NaN', () => {
    expect(parseNvidiaSmiLine('0, 1234, 81559, 37')).toEqual({
      index: 0,
      memoryUsedMb: 1234,
      memoryTotalMb: 81559,
      utilizationPercent: 37,
    });
    const na = parseNvidiaSmiLine('3, 512, 16384, [N/A]');
    expect(na?.index).toBe(3);
    expect(Number.isNaN(na?.utilizationPercent)).toBe(true);
    expect(parseNvidiaSmiLine('index, memory.used, memory.total, utilization.gpu')).toBeNull();
    expect(parseNvidiaSmiLine('garbage')).toBeNull();
  });

  it('resolves the executable from NVIDIA_SMI_PATH, else PATH', () => {
    expect(resolveNvidiaSmiPath({ NVIDIA_SMI_PATH: '/opt/x/nvidia-smi' })).toBe('/opt/x/nvidia-smi');
    expect(resolveNvidiaSmiPath({})).toBe('nvidia-smi');
  });

  it('checks availability with -L', async () => {
    process.env.FAKE_GPU_COUNT = '2';
    expect(await countNvidiaGpus(FAKE_SMI)).toBe(2);
    process.env.FAKE_NVIDIA_SMI_FAIL = '1';
    expect(await countNvidiaGpus(FAKE_SMI)).toBe(0);
    expect(await countNvidiaGpus('/nonexistent/nvidia-smi')).toBe(0);
  });

  it('delivers the fake GPU values as performance/gpu_memory_* and gpu.<i>.* (found via NVIDIA_SMI_PATH)', async () => {
    process.env.NVIDIA_SMI_PATH = FAKE_SMI;
    process.env.FAKE_GPU_COUNT = '2';
    process.env.FAKE_GPU_MEMORY_USED = '2048';
    process.env.FAKE_GPU_1_MEMORY_USED = '1000';
    process.env.FAKE_GPU_MEMORY_TOTAL = '81920';
    process.env.FAKE_GPU_UTILIZATION = '37';
    const host = new FakeHost();
    const profiler = new Profiler(options, { systemMetricsIntervalMs: 100 });
    profiler.start(host);
    await profiler.gpuDetection;
    await waitFor(() => host.values('performance/gpu_memory_allocated_mb').length > 0, 'GPU metrics');
    await profiler.finish();
    const gpu = host.logs.find((l) => 'performance/gpu_memory_allocated_mb' in l.metrics);
    expect(gpu?.metrics).toEqual({
      'performance/gpu_memory_allocated_mb': 3048,
      'performance/gpu_memory_reserved_mb': 163840,
    });
    expect(gpu?.options).toEqual({ commit: false });
    const system = host.systemLogs.find((s) => 'gpu.0.memory_used_mb' in s);
    expect(system).toMatchObject({
      'gpu.0.memory_used_mb': 2048,
      'gpu.0.memory_total_mb': 81920,
      'gpu.0.utilization_percent': 37,
      'gpu.1.memory_used_mb': 1000,
      'gpu.1.memory_total_mb': 81920,
      'gpu.1.utilization_percent': 37,
    });
  });

  it('restarts the child when it exits, gives up after maxFailures with one warning, and kills it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trainscope-smi-'));
    const startLog = join(dir, 'starts.log');
    process.env.FAKE_NVIDIA_SMI_EXIT_AFTER = '1';
    process.env.FAKE_NVIDIA_SMI_START_LOG = startLog;
    process.env.FAKE_GPU_MEMORY_USED = '777';
    const warnings: string[] = [];
    const provider = new NvidiaSmiProvider({
      path: FAKE_SMI,
      intervalMs: 100,
      maxFailures: 3,
      restartDelayMs: 5,
      warn: (m) => warnings.push(m),
    });
    provider.start();
    await waitFor(() => provider.gaveUp, 'the provider to give up');
    expect(provider.starts).toBe(3);
    expect(provider.failures).toBe(3);
    expect(readFileSync(startLog, 'utf8').trim().split('\n')).toHaveLength(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('exited 3 times');
    expect(warnings[0]).toContain('exiting after 1 rounds');
    const sample = await provider.sample();
    expect(sample).toEqual({
      source: 'nvidia-smi',
      devices: [{ index: 0, memoryUsedMb: 777, memoryTotalMb: 81920, utilizationPercent: 0 }],
    });
    await provider.close();

    delete process.env.FAKE_NVIDIA_SMI_EXIT_AFTER;
    const longLived = new NvidiaSmiProvider({ path: FAKE_SMI, intervalMs: 100 });
    longLived.start();
    await waitFor(() => readFileSync(startLog, 'utf8').trim().split('\n').length === 4, 'the child to start');
    const pid = Number(readFileSync(startLog, 'utf8').trim().split('\n').at(-1)?.split(' ')[1]);
    expect(isAlive(pid)).toBe(true);
    await longLived.close();
    await waitFor(() => !isAlive(pid), 'the child to be killed');
    expect(longLived.failures).toBe(0);
  });

  it('logs no GPU metrics when nvidia-smi fails -L and tfjs is not loaded', async () => {
    process.env.FAKE_NVIDIA_SMI_FAIL = '1';
    const host = new FakeHost();
    const profiler = new Profiler(options, { systemMetricsIntervalMs: 30, nvidiaSmiPath: FAKE_SMI });
    profiler.start(host);
    await profiler.gpuDetection;
    await waitFor(() => host.systemLogs.length >= 2, 'two system samples');
    await profiler.finish();
    expect(host.logs.filter((l) => Object.keys(l.metrics).some((k) => k.includes('gpu')))).toEqual([]);
    expect(host.systemLogs.some((s) => Object.keys(s).some((k) => k.startsWith('gpu.')))).toBe(false);
  });

  it("starts no provider with gpu: 'off'", async () => {
    process.env.NVIDIA_SMI_PATH = FAKE_SMI;
    const host = new FakeHost();
    const profiler = new Profiler({ ...options, gpu: 'off' }, { systemMetricsIntervalMs: 30 });
    profiler.useTensorflow(fakeTf(1024, 1));
    profiler.start(host);
    await waitFor(() => host.systemLogs.length >= 2, 'two system samples');
    await profiler.finish();
    expect(host.logs).toEqual([]);
  });
});

function fakeTf(numBytes: number, numTensors: number, reasons?: string[]) {
  return {
    memory: () => ({
      numBytes,
      numTensors,
      numDataBuffers: numTensors,
      unreliable: reasons !== undefined,
      reasons,
    }),
  };
}

describe('tfjs provider', () => {
  it('reads tf.memory() and passes the unreliable flag through', async () => {
    const provider = new TfjsMemoryProvider(fakeTf(3 * 1024 * 1024, 12, ['string tensors']));
    expect(await provider.sample()).toEqual({
      source: 'tfjs',
      bytes: 3 * 1024 * 1024,
      numTensors: 12,
      unreliable: true,
      reasons: ['string tensors'],
    });
    const broken = new TfjsMemoryProvider({
      memory: () => {
        throw new Error('disposed backend');
      },
    });
    expect(await broken.sample()).toBeNull();
  });

  it('detects a loaded tfjs through its engine global only', () => {
    expect(detectLoadedTensorflow()).toBeNull();
    const engine = fakeTf(1, 1);
    (globalThis as { _tfengine?: unknown })._tfengine = engine;
    expect(detectLoadedTensorflow()).toBe(engine);
  });

  it('logs tfjs bytes as allocated and nvidia-smi total as reserved, plus tensors and the unreliable flag', async () => {
    process.env.FAKE_GPU_MEMORY_USED = '4096';
    process.env.FAKE_GPU_MEMORY_TOTAL = '16384';
    const host = new FakeHost();
    const profiler = new Profiler(options, { systemMetricsIntervalMs: 100, nvidiaSmiPath: FAKE_SMI });
    profiler.useTensorflow(fakeTf(512 * 1024 * 1024, 42, ['string tensors are approximate']));
    profiler.start(host);
    await profiler.gpuDetection;
    // History takes one gpu sample per step: move the step as training would, or a first sample taken before
    // nvidia-smi answered (a slow spawn) would be the only one.
    await waitFor(() => {
      host.step++;
      return host.values('performance/gpu_memory_reserved_mb').includes(16384);
    }, 'nvidia-smi values next to tfjs');
    await profiler.finish();
    const row = host.logs.find((l) => l.metrics['performance/gpu_memory_reserved_mb'] === 16384);
    expect(row?.metrics).toEqual({
      'performance/gpu_memory_allocated_mb': 512,
      'performance/gpu_memory_reserved_mb': 16384,
      'performance/gpu_num_tensors': 42,
      'performance/gpu_memory_unreliable': 1,
    });
    expect(host.warnings.filter((w) => w.includes('unreliable'))).toEqual([
      'tf.memory() reports its byte count as unreliable: string tensors are approximate; performance/gpu_memory_* from tfjs are approximate',
    ]);
  });

  it('logs performance/gpu_* once per trainer step (system samples keep the rest)', async () => {
    const host = new FakeHost();
    const profiler = new Profiler(options, {
      systemMetricsIntervalMs: 20,
      nvidiaSmiPath: '/nonexistent/smi',
    });
    profiler.useTensorflow(fakeTf(1024 * 1024, 3));
    host.step = 7;
    profiler.start(host);
    await waitFor(() => host.systemLogs.length >= 3, 'three system samples');
    expect(host.logs.filter((l) => 'performance/gpu_num_tensors' in l.metrics).map((l) => l.step)).toEqual([
      7,
    ]);
    host.step = 8;
    const before = host.systemLogs.length;
    await waitFor(() => host.systemLogs.length >= before + 2, 'two more system samples');
    await profiler.finish();
    expect(host.logs.filter((l) => 'performance/gpu_num_tensors' in l.metrics).map((l) => l.step)).toEqual([
      7, 8,
    ]);
  });

  it('picks up tfjs loaded after the run started, without nvidia-smi', async () => {
    const host = new FakeHost();
    const profiler = new Profiler(options, {
      systemMetricsIntervalMs: 30,
      nvidiaSmiPath: '/nonexistent/smi',
    });
    profiler.start(host);
    await waitFor(() => host.systemLogs.length >= 1, 'a system sample');
    (globalThis as { _tfengine?: unknown })._tfengine = fakeTf(2 * 1024 * 1024, 5);
    await waitFor(() => host.values('performance/gpu_memory_allocated_mb').length > 0, 'tfjs metrics');
    await profiler.finish();
    expect(host.logs.find((l) => 'performance/gpu_memory_allocated_mb' in l.metrics)?.metrics).toEqual({
      'performance/gpu_memory_allocated_mb': 2,
      'performance/gpu_memory_reserved_mb': 2,
      'performance/gpu_num_tensors': 5,
      'performance/gpu_memory_unreliable': 0,
    });
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
