import type { MetricValue } from '../../core/values.js';
import { jsonObjectLine } from './history-value.js';
import type { WandbItem } from './offline/wandb-record.js';

/**
 * trainscope's older names for two of W&B's system charts (0.15.12 `wandb/sdk/internal/system`), used only when
 * a sample lacks the official key: the profiler's samples carry both (`cpu_percent` is 100 per busy core, W&B's
 * `cpu` is divided by the core count), and TensorBoard keeps the older names.
 */
const ALIASES: Readonly<Record<string, string>> = {
  cpu_percent: 'cpu',
  memory_rss_mb: 'proc.memory.rssMB',
};

// `<i>` or `process.<i>`: the profiler copies GPU i's figures to `gpu.process.<i>.*` when this process tree uses it.
const GPU_KEY =
  /^gpu\.((?:process\.)?\d+)\.(memory_used_mb|memory_total_mb|utilization_percent|memory_utilization_percent|memory_allocated_percent|temperature_c|power_watts|power_limit_watts)$/;
/** The profiler's per-GPU names → W&B's `gpu.<i>.<name>`, for the values that map one to one. */
const GPU_NAMES: Readonly<Record<string, string>> = {
  utilization_percent: 'gpu',
  memory_utilization_percent: 'memory',
  // rocm-smi and apple_gpu_stats report memory used as a percentage only.
  memory_allocated_percent: 'memoryAllocated',
  temperature_c: 'temp',
  power_watts: 'powerWatts',
};
const MB = 1024 * 1024;

export interface WandbSystemMetrics {
  readonly keys: string[];
  readonly values: number[];
}

/**
 * Maps one sample of system metrics (keys as the profiler logs them, optionally prefixed `system/` or
 * `system.`) to W&B's names, without the `system.` prefix (the `.wandb` stats record has none;
 * `wandb-events.jsonl` adds it). Official names pass through; per GPU, memory in MB becomes
 * `memoryAllocatedBytes` and with the total `memoryAllocated` (%), utilisation `gpu`, memory-controller
 * utilisation `memory`, temperature `temp`, power `powerWatts` and with the limit `powerPercent`, as W&B's
 * NVML asset names them. Non-numeric values are skipped; names W&B has no chart for keep their own name.
 */
export function wandbSystemMetrics(
  keys: readonly string[],
  values: readonly MetricValue[],
): WandbSystemMetrics {
  const out: WandbSystemMetrics = { keys: [], values: [] };
  const present = new Set<string>();
  for (const key of keys) present.add(bare(key));
  const gpus = new Map<string, Map<string, number>>();
  for (let i = 0; i < keys.length; i++) {
    const value = values[i];
    if (typeof value !== 'number') continue;
    const key = bare(keys[i] as string);
    const gpu = GPU_KEY.exec(key);
    if (gpu !== null) {
      const index = gpu[1] as string;
      const field = gpu[2] as string;
      const fields = gpus.get(index) ?? new Map<string, number>();
      gpus.set(index, fields.set(field, value));
      const name = GPU_NAMES[field];
      // Two decimals, as W&B's `aggregate_mean` rounds every GPU figure.
      if (name !== undefined) push(out, `gpu.${index}.${name}`, round2(value));
      else if (field === 'memory_used_mb') push(out, `gpu.${index}.memoryAllocatedBytes`, round2(value * MB));
      continue;
    }
    const alias = ALIASES[key];
    if (alias === undefined) push(out, key, value);
    else if (!present.has(alias)) push(out, alias, value);
  }
  for (const [index, fields] of gpus) {
    const used = fields.get('memory_used_mb');
    const total = fields.get('memory_total_mb');
    if (used !== undefined && total !== undefined && total > 0) {
      push(out, `gpu.${index}.memoryAllocated`, round2((used / total) * 100));
    }
    const watts = fields.get('power_watts');
    const limit = fields.get('power_limit_watts');
    if (watts !== undefined && limit !== undefined && limit > 0) {
      push(out, `gpu.${index}.powerPercent`, round2((watts / limit) * 100));
    }
  }
  return out;
}

function bare(key: string): string {
  return key.startsWith('system/') || key.startsWith('system.') ? key.slice(7) : key;
}

function push(out: WandbSystemMetrics, key: string, value: number): void {
  out.keys.push(key);
  out.values.push(value);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The `wandb-events.jsonl` line of one `stats` record's items (W&B names, JSON values): `system.`-prefixed keys,
 * then `_wandb: true`, `_timestamp` and `_runtime` in seconds, whole microseconds as the Python client rounds
 * them. The live stream and `trainscope sync` send the same line for the same sample.
 */
export function systemEventsLine(items: readonly WandbItem[], timeMs: number, startTimeMs: number): string {
  const keys: string[] = [];
  const values: string[] = [];
  for (const item of items) {
    if (item.key === undefined || item.value_json === undefined) continue;
    keys.push(`system.${item.key}`);
    values.push(item.value_json);
  }
  const atUs = Math.round(timeMs * 1000);
  const startUs = Math.round(startTimeMs * 1000);
  keys.push('_wandb', '_timestamp', '_runtime');
  values.push('true', String(atUs / 1e6), String(Math.max(0, atUs - startUs) / 1e6));
  return jsonObjectLine(keys, values);
}
