import {
  APPLE_GPU_STATS_ARGS,
  isAppleSilicon,
  parseAppleGpuStats,
  resolveAppleGpuStatsPath,
} from './apple-gpu-stats-output.js';
import type { GpuMemoryProvider } from './gpu-memory-provider.js';
import { queryGpuTool } from './gpu-tool-query.js';
import { countNvidiaGpus, NvidiaSmiProvider, resolveNvidiaSmiPath } from './nvidia-smi-provider.js';
import { OffsetGpuProvider } from './offset-gpu-provider.js';
import { PolledGpuToolProvider } from './polled-gpu-tool-provider.js';
import {
  isAmdgpuDriverLive,
  parseRocmSmi,
  ROCM_SMI_ARGS,
  resolveAmdgpuInitstatePath,
  resolveRocmSmiPath,
} from './rocm-smi-output.js';

/** The GPU tools to look for, in this order: nvidia-smi, rocm-smi, then (Apple silicon only) apple_gpu_stats. */
export interface GpuTools {
  readonly nvidiaSmi: string;
  readonly rocmSmi: string;
  /** The amdgpu module's `initstate` file: rocm-smi is only asked when it reads `live`. */
  readonly amdgpuInitstate: string;
  readonly appleGpuStats: string;
  /** Whether to look for apple_gpu_stats at all (the official client: macOS on arm). */
  readonly appleSilicon: boolean;
}

/**
 * The tools from the environment (`NVIDIA_SMI_PATH`, `ROCM_SMI_PATH`, `AMDGPU_INITSTATE_PATH`,
 * `APPLE_GPU_STATS_PATH`), each overridable.
 */
export function gpuTools(overrides: Partial<GpuTools> = {}, env: NodeJS.ProcessEnv = process.env): GpuTools {
  return {
    nvidiaSmi: overrides.nvidiaSmi ?? resolveNvidiaSmiPath(env),
    rocmSmi: overrides.rocmSmi ?? resolveRocmSmiPath(env),
    amdgpuInitstate: overrides.amdgpuInitstate ?? resolveAmdgpuInitstatePath(env),
    appleGpuStats: overrides.appleGpuStats ?? resolveAppleGpuStatsPath(env),
    appleSilicon: overrides.appleSilicon ?? isAppleSilicon(),
  };
}

export interface GpuDetectionSettings {
  readonly tools: GpuTools;
  /** Sampling period (ms): nvidia-smi's `-lms`. */
  readonly intervalMs: number;
  readonly nvidiaSmiMaxFailures?: number;
  readonly nvidiaSmiRestartDelayMs?: number;
  /** Per-call limit of the detecting calls and of rocm-smi / apple_gpu_stats calls (ms). Default 5000. */
  readonly timeoutMs?: number;
  /** One warning when a provider gives up. */
  readonly warn: (message: string) => void;
}

/**
 * Finds every GPU tool that answers with at least one GPU and returns their providers, started, as the official
 * client runs every available asset: nvidia-smi (a long-lived `-lms` child), rocm-smi when the amdgpu driver is
 * live, and (Apple silicon only) apple_gpu_stats (both called once per sample, as the official client does).
 * Each tool numbers its GPUs from 0; a later vendor's GPUs are numbered after the earlier ones' (see
 * `OffsetGpuProvider`). Empty when none answers; a missing tool or an unreadable answer is silent (no GPU is no
 * error).
 */
export async function detectGpuProviders(settings: GpuDetectionSettings): Promise<GpuMemoryProvider[]> {
  const { tools, warn } = settings;
  const timeoutMs = settings.timeoutMs ?? 5000;
  const providers: GpuMemoryProvider[] = [];
  let gpuCount = await countNvidiaGpus(tools.nvidiaSmi, timeoutMs);
  if (gpuCount > 0) {
    const provider = new NvidiaSmiProvider({
      path: tools.nvidiaSmi,
      intervalMs: settings.intervalMs,
      gpuCount,
      maxFailures: settings.nvidiaSmiMaxFailures,
      restartDelayMs: settings.nvidiaSmiRestartDelayMs,
      warn,
    });
    provider.start();
    providers.push(provider);
  }
  const candidates = [
    {
      source: 'rocm-smi',
      path: tools.rocmSmi,
      args: ROCM_SMI_ARGS,
      parse: parseRocmSmi,
      enabled: () => isAmdgpuDriverLive(tools.amdgpuInitstate),
    },
    {
      source: 'apple_gpu_stats',
      path: tools.appleGpuStats,
      args: APPLE_GPU_STATS_ARGS,
      parse: parseAppleGpuStats,
      enabled: async () => tools.appleSilicon,
    },
  ] as const;
  for (const { enabled, ...tool } of candidates) {
    if (!(await enabled())) continue;
    const answer = await queryGpuTool(tool.path, tool.args, timeoutMs);
    const devices = answer.ok ? tool.parse(answer.stdout) : null;
    if (devices === null || devices.length === 0) continue;
    const provider = new PolledGpuToolProvider({ ...tool, timeoutMs, warn });
    provider.seed(devices);
    providers.push(gpuCount === 0 ? provider : new OffsetGpuProvider(provider, gpuCount));
    gpuCount += devices.length;
  }
  return providers;
}
