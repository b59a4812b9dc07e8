import { execFileSync } from 'node:child_process';
import { resolveNvidiaSmiPath } from './nvidia-smi-provider.js';

/** One GPU as W&B's `wandb-metadata.json` lists it (`gpu_devices`): its name and memory in bytes. */
export interface GpuDevice {
  readonly name: string;
  readonly memory_total: number;
}

const MIB = 1024 * 1024;
const inventories = new Map<string, readonly GpuDevice[]>();

/**
 * The machine's NVIDIA GPUs from one `nvidia-smi --query-gpu=name,memory.total` call (at most once per
 * executable and process, with a short timeout), for the run's metadata; empty when nvidia-smi is missing,
 * fails or times out. Never throws.
 */
export function gpuInventory(path: string = resolveNvidiaSmiPath(), timeoutMs = 2000): readonly GpuDevice[] {
  const known = inventories.get(path);
  if (known !== undefined) return known;
  let devices: GpuDevice[] = [];
  try {
    const stdout = execFileSync(path, ['--query-gpu=name,memory.total', '--format=csv,noheader,nounits'], {
      timeout: timeoutMs,
      stdio: ['ignore', 'pipe', 'ignore'],
      encoding: 'utf8',
      windowsHide: true,
    });
    devices = parseInventory(stdout);
  } catch {
    devices = [];
  }
  inventories.set(path, devices);
  return devices;
}

/** `name, memory.total` lines (MiB); the name may itself hold commas, the memory is the last field. */
export function parseInventory(stdout: string): GpuDevice[] {
  const devices: GpuDevice[] = [];
  for (const line of stdout.split('\n')) {
    const comma = line.lastIndexOf(',');
    if (comma < 0) continue;
    const name = line.slice(0, comma).trim();
    const mib = Number(line.slice(comma + 1).trim());
    if (name === '' || !Number.isFinite(mib)) continue;
    devices.push({ name, memory_total: mib * MIB });
  }
  return devices;
}
