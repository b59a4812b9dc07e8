import type { GpuDeviceSample } from './gpu-memory-provider.js';

/** `apple_gpu_stats --json`: one JSON object on the first line. */
export const APPLE_GPU_STATS_ARGS = ['--json'] as const;

/**
 * The official client's fixed power ceiling for Apple GPUs (W): `powerPercent` is `power / 16.5 × 100`
 * (`gpu_apple.py`, which found the figure in the SMC list).
 */
export const APPLE_GPU_MAX_POWER_WATTS = 16.5;

/**
 * The apple_gpu_stats to run: `APPLE_GPU_STATS_PATH` when set, else `apple_gpu_stats` from PATH. The official
 * client runs the copy shipped inside its Python package (`wandb/bin/apple_gpu_stats`); trainscope ships none.
 */
export function resolveAppleGpuStatsPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.APPLE_GPU_STATS_PATH;
  return fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv : 'apple_gpu_stats';
}

/** Whether this machine is an Apple-silicon Mac, where the official client looks for Apple GPU figures. */
export function isAppleSilicon(platform: string = process.platform, arch: string = process.arch): boolean {
  return platform === 'darwin' && arch === 'arm64';
}

/**
 * GPU 0's figures from one answer, read as the official client (`gpu_apple.py`) reads them: `utilization` (%),
 * `mem_used` (memory allocated, %), `temperature` (°C) and `power` (W), with the fixed 16.5 W ceiling as the
 * limit. Null when the answer is not that JSON object or lacks a field.
 */
export function parseAppleGpuStats(stdout: string): GpuDeviceSample[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout.trim().split('\n')[0] ?? '');
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const stats = parsed as Record<string, unknown>;
  const utilization = stats.utilization;
  const memUsed = stats.mem_used;
  const temperature = stats.temperature;
  const power = stats.power;
  if (![utilization, memUsed, temperature, power].every((v) => typeof v === 'number' && Number.isFinite(v)))
    return null;
  return [
    {
      index: 0,
      memoryUsedMb: Number.NaN,
      memoryTotalMb: Number.NaN,
      utilizationPercent: utilization as number,
      memoryAllocatedPercent: memUsed as number,
      temperatureC: temperature as number,
      powerWatts: power as number,
      powerLimitWatts: APPLE_GPU_MAX_POWER_WATTS,
    },
  ];
}
