import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { init } from '../../../src/init.js';
import { FIXTURES } from '../../helpers/paths.js';
import { restoreEnvAfterEach } from '../../helpers/env-restore.js';

const ENV = [
  'NVIDIA_SMI_PATH',
  'ROCM_SMI_PATH',
  'AMDGPU_INITSTATE_PATH',
  'APPLE_GPU_STATS_PATH',
  'FAKE_GPU_COUNT',
  'FAKE_GPU_NAME',
  'FAKE_NVIDIA_SMI_HANG',
  'FAKE_NVIDIA_SMI_CALL_LOG',
  'FAKE_ROCM_SMI_CALL_LOG',
];
const dirs: string[] = [];
restoreEnvAfterEach(ENV);
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-gpuprobe-'));
  dirs.push(dir);
  return dir;
}

/**
 * Fresh copies of the fake tools in their own folder: the probe asks each set of tools once per process, so every
 * test gets tools of its own.
 */
function fakeTools(dir: string): { nvidiaSmi: string; rocmSmi: string; amdgpuInitstate: string } {
  const nvidiaSmi = join(dir, 'nvidia-smi');
  const rocmSmi = join(dir, 'rocm-smi');
  // The amdgpu driver's state, as /sys/module/amdgpu/initstate reads when the driver is up.
  const amdgpuInitstate = join(dir, 'amdgpu-initstate');
  writeFileSync(amdgpuInitstate, 'live\n');
  copyFileSync(resolve(FIXTURES, 'profiler', 'nvidia-smi'), nvidiaSmi);
  copyFileSync(resolve(FIXTURES, 'profiler', 'rocm-smi'), rocmSmi);
  copyFileSync(resolve(FIXTURES, 'profiler', 'rocm-smi-a.json'), join(dir, 'rocm-smi-a.json'));
  return { nvidiaSmi, rocmSmi, amdgpuInitstate };
}

function startRun(dir: string, gpu: 'auto' | 'off', runId: string) {
  return init({
    project: 'gpuprobe',
    tensorboard: false,
    profiling: { enabled: true, gpu, systemMetricsSecs: 0, reportEverySteps: 0, trace: false },
    logging: { thread: 'main' },
    handleExit: false,
    logLevel: 'silent',
    wandb: { mode: 'offline', dir, runId },
  });
}

function metadataPath(dir: string): string {
  const [name] = readdirSync(join(dir, 'wandb')).filter((d) => d.startsWith('offline-run-'));
  return join(dir, 'wandb', name as string, 'files', 'wandb-metadata.json');
}

describe('wandb-metadata.json GPU probe', () => {
  it("runs no GPU tool with profiling.gpu 'off'", async () => {
    const dir = tempDir();
    const tools = fakeTools(dir);
    const calls = join(dir, 'calls.log');
    Object.assign(process.env, {
      NVIDIA_SMI_PATH: tools.nvidiaSmi,
      ROCM_SMI_PATH: tools.rocmSmi,
      FAKE_NVIDIA_SMI_CALL_LOG: calls,
      FAKE_ROCM_SMI_CALL_LOG: calls,
    });
    const run = await startRun(dir, 'off', 'gpuoff01');
    run.log({ loss: 1 });
    await run.finish();
    const metadata = JSON.parse(readFileSync(metadataPath(dir), 'utf8'));
    expect(metadata.program).toBeDefined();
    expect(Object.keys(metadata).filter((k) => k.startsWith('gpu'))).toEqual([]);
    expect(existsSync(calls)).toBe(false);

    // The same tools with 'auto' are asked (the check above can fail).
    const auto = await startRun(dir, 'auto', 'gpuaut01');
    await auto.finish();
    expect(readFileSync(calls, 'utf8')).toContain('--query-gpu=name,memory.total');
  });

  it('lists AMD cards from rocm-smi when nvidia-smi is missing', async () => {
    const dir = tempDir();
    const tools = fakeTools(dir);
    Object.assign(process.env, {
      NVIDIA_SMI_PATH: join(dir, 'no-nvidia-smi'),
      ROCM_SMI_PATH: tools.rocmSmi,
      AMDGPU_INITSTATE_PATH: tools.amdgpuInitstate,
    });
    const run = await startRun(dir, 'auto', 'gpuamd01');
    await run.finish();
    const metadata = JSON.parse(readFileSync(metadataPath(dir), 'utf8'));
    expect(metadata.gpu_count).toBe(2);
    expect(
      metadata.gpu_devices.map((d: { model: string; max_power: string }) => [d.model, d.max_power]),
    ).toEqual([
      ['0x0c34', '300.0'],
      ['0x0c35', '300.0'],
    ]);
    expect(metadata.gpu).toBeUndefined();
  });

  it('asks no rocm-smi when the amdgpu driver is not live (file missing, or another state)', async () => {
    for (const [i, state] of [undefined, 'coming\n'].entries()) {
      const dir = tempDir();
      const tools = fakeTools(dir);
      const calls = join(dir, 'calls.log');
      if (state === undefined) rmSync(tools.amdgpuInitstate);
      else writeFileSync(tools.amdgpuInitstate, state);
      Object.assign(process.env, {
        NVIDIA_SMI_PATH: join(dir, 'no-nvidia-smi'),
        ROCM_SMI_PATH: tools.rocmSmi,
        AMDGPU_INITSTATE_PATH: tools.amdgpuInitstate,
        FAKE_ROCM_SMI_CALL_LOG: calls,
      });
      const run = await startRun(dir, 'auto', `gpunoam${i}`);
      await run.finish();
      const metadata = JSON.parse(readFileSync(metadataPath(dir), 'utf8'));
      expect(Object.keys(metadata).filter((k) => k.startsWith('gpu'))).toEqual([]);
      expect(existsSync(calls)).toBe(false);
    }
  });

  it('NVIDIA and AMD on one machine: gpu_count counts both, gpu_devices lists NVIDIA then AMD', async () => {
    const dir = tempDir();
    const tools = fakeTools(dir);
    Object.assign(process.env, {
      NVIDIA_SMI_PATH: tools.nvidiaSmi,
      ROCM_SMI_PATH: tools.rocmSmi,
      AMDGPU_INITSTATE_PATH: tools.amdgpuInitstate,
      FAKE_GPU_COUNT: '2',
      FAKE_GPU_NAME: 'NVIDIA H100 80GB HBM3',
    });
    const run = await startRun(dir, 'auto', 'gpuboth1');
    await run.finish();
    const metadata = JSON.parse(readFileSync(metadataPath(dir), 'utf8'));
    expect(metadata.gpu).toBe('NVIDIA H100 80GB HBM3');
    expect(metadata.gpu_count).toBe(4);
    expect(metadata.gpu_devices.map((d: { name?: string; model?: string }) => d.name ?? d.model)).toEqual([
      'NVIDIA H100 80GB HBM3',
      'NVIDIA H100 80GB HBM3',
      '0x0c34',
      '0x0c35',
    ]);
  });

  it('never holds init on a hung nvidia-smi: the file is written without GPU fields after the 2 s deadline', async () => {
    const dir = tempDir();
    const tools = fakeTools(dir);
    Object.assign(process.env, {
      NVIDIA_SMI_PATH: tools.nvidiaSmi,
      ROCM_SMI_PATH: join(dir, 'no-rocm-smi'),
      FAKE_NVIDIA_SMI_HANG: '1',
      FAKE_GPU_COUNT: '2',
    });
    const started = Date.now();
    const run = await startRun(dir, 'auto', 'gpuhang1');
    const initMs = Date.now() - started;
    expect(initMs).toBeLessThan(1500);
    expect(existsSync(metadataPath(dir))).toBe(false);
    run.log({ loss: 1 });
    const deadline = Date.now() + 10_000;
    while (!existsSync(metadataPath(dir)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const writtenMs = Date.now() - started;
    expect(writtenMs).toBeGreaterThanOrEqual(1900);
    expect(writtenMs).toBeLessThan(5000);
    await run.finish();
    const metadata = JSON.parse(readFileSync(metadataPath(dir), 'utf8'));
    expect(metadata.program).toBeDefined();
    expect(Object.keys(metadata).filter((k) => k.startsWith('gpu'))).toEqual([]);
  });
});
