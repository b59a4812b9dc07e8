import {
  APPLE_GPU_STATS_ARGS,
  isAppleSilicon,
  parseAppleGpuStats,
  resolveAppleGpuStatsPath,
} from './apple-gpu-stats-output.js';
import type { GpuMemoryProvider } from './gpu-memory-provider.js';
import { queryGpuTool } from './gpu-tool-query.js';
import { countNvidiaGpus, NvidiaSmiProvider, resolveNvidiaSmiPath } from './nvidia-smi-provider.js';
import { PolledGpuToolProvider } from './polled-gpu-tool-provider.js';
import { parseRocmSmi, ROCM_SMI_ARGS, resolveRocmSmiPath } from './rocm-smi-output.js';

/** The GPU tools to look for, in this order: nvidia-smi, rocm-smi, then (Apple silicon only) apple_gpu_stats. */
export interface GpuTools {
  readonly nvidiaSmi: string;
  readonly rocmSmi: string;
  readonly appleGpuStats: string;
  /** Whether to look for apple_gpu_stats at all (the official client: macOS on arm). */
  readonly appleSilicon: boolean;
}

/** The tools from the environment (`NVIDIA_SMI_PATH`, `ROCM_SMI_PATH`, `APPLE_GPU_STATS_PATH`), each overridable. */
export function gpuTools(overrides: Partial<GpuTools> = {}, env: NodeJS.ProcessEnv = process.env): GpuTools {
  return {
    nvidiaSmi: overrides.nvidiaSmi ?? resolveNvidiaSmiPath(env),
    rocmSmi: overrides.rocmSmi ?? resolveRocmSmiPath(env),
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
 * Finds the first GPU tool that answers with at least one GPU and returns its provider, started: nvidia-smi
 * (a long-lived `-lms` child), else rocm-smi, else apple_gpu_stats (both called once per sample, as the official
 * client does). Null when none answers; a missing tool or an unreadable answer is silent (no GPU is no error).
 */
export async function detectGpuProvider(settings: GpuDetectionSettings): Promise<GpuMemoryProvider | null> {
  const { tools, warn } = settings;
  const timeoutMs = settings.timeoutMs ?? 5000;
  const gpus = await countNvidiaGpus(tools.nvidiaSmi, timeoutMs);
  if (gpus > 0) {
    const provider = new NvidiaSmiProvider({
      path: tools.nvidiaSmi,
      intervalMs: settings.intervalMs,
      gpuCount: gpus,
      maxFailures: settings.nvidiaSmiMaxFailures,
      restartDelayMs: settings.nvidiaSmiRestartDelayMs,
      warn,
    });
    provider.start();
    return provider;
  }
  const candidates = [
    { source: 'rocm-smi', path: tools.rocmSmi, args: ROCM_SMI_ARGS, parse: parseRocmSmi, enabled: true },
    {
      source: 'apple_gpu_stats',
      path: tools.appleGpuStats,
      args: APPLE_GPU_STATS_ARGS,
      parse: parseAppleGpuStats,
      enabled: tools.appleSilicon,
    },
  ] as const;
  for (const { enabled, ...tool } of candidates) {
    if (!enabled) continue;
    const answer = await queryGpuTool(tool.path, tool.args, timeoutMs);
    const devices = answer.ok ? tool.parse(answer.stdout) : null;
    if (devices === null || devices.length === 0) continue;
    const provider = new PolledGpuToolProvider({ ...tool, timeoutMs, warn });
    provider.seed(devices);
    return provider;
  }
  return null;
}
