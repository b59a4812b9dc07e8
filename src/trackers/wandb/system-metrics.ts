import type { MetricValue } from '../../core/values.js';
import { jsonObjectLine } from './history-value.js';
import type { WandbItem } from './offline/wandb-record.js';

/**
 * trainscope's system metric names → the names W&B's system charts use (0.15.12 `wandb/sdk/internal/system`),
 * without the `system.` prefix (the `.wandb` stats record has none; `wandb-events.jsonl` adds it).
 * Names W&B has no chart for keep their own name (and still appear under System).
 */
const RENAMES: Readonly<Record<string, string>> = {
  cpu_percent: 'cpu',
  memory_rss_mb: 'proc.memory.rssMB',
};

const GPU_KEY = /^gpu\.(\d+)\.(memory_used_mb|memory_total_mb|utilization_percent)$/;
const MB = 1024 * 1024;

export interface WandbSystemMetrics {
  readonly keys: string[];
  readonly values: number[];
}

/**
 * Maps one sample of system metrics (keys as the profiler logs them, optionally prefixed `system/` or
 * `system.`) to W&B's names. GPU memory in MB becomes `gpu.<i>.memoryAllocatedBytes`, and with the total also
 * `gpu.<i>.memoryAllocated` (percent); utilisation becomes `gpu.<i>.gpu`. Non-numeric values are skipped.
 */
export function wandbSystemMetrics(
  keys: readonly string[],
  values: readonly MetricValue[],
): WandbSystemMetrics {
  const out: WandbSystemMetrics = { keys: [], values: [] };
  const gpuUsed = new Map<string, number>();
  const gpuTotal = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const value = values[i];
    if (typeof value !== 'number') continue;
    let key = keys[i] as string;
    if (key.startsWith('system/') || key.startsWith('system.')) key = key.slice(7);
    const gpu = GPU_KEY.exec(key);
    if (gpu !== null) {
      const index = gpu[1] as string;
      if (gpu[2] === 'utilization_percent') {
        out.keys.push(`gpu.${index}.gpu`);
        out.values.push(value);
      } else if (gpu[2] === 'memory_used_mb') {
        gpuUsed.set(index, value);
        out.keys.push(`gpu.${index}.memoryAllocatedBytes`);
        out.values.push(value * MB);
      } else {
        gpuTotal.set(index, value);
      }
      continue;
    }
    out.keys.push(RENAMES[key] ?? key);
    out.values.push(value);
  }
  for (const [index, used] of gpuUsed) {
    const total = gpuTotal.get(index);
    if (total !== undefined && total > 0) {
      out.keys.push(`gpu.${index}.memoryAllocated`);
      out.values.push((used / total) * 100);
    }
  }
  return out;
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
