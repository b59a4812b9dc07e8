import { readFile } from 'node:fs/promises';
import type { GpuDeviceSample } from './gpu-memory-provider.js';

/** `rocm-smi -a --json`: every figure of every card, one JSON object on the first line. */
export const ROCM_SMI_ARGS = ['-a', '--json'] as const;

/** The rocm-smi to run: `ROCM_SMI_PATH` when set, else `rocm-smi` from PATH (the official client's lookup). */
export function resolveRocmSmiPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.ROCM_SMI_PATH;
  return fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv : 'rocm-smi';
}

/** Where the amdgpu kernel module says whether it is up (`AMDGPU_INITSTATE_PATH` overrides it, for tests). */
export function resolveAmdgpuInitstatePath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.AMDGPU_INITSTATE_PATH;
  return fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv : '/sys/module/amdgpu/initstate';
}

/**
 * Whether the amdgpu driver is loaded: its `initstate` holds `live`. The official client's `GPUAMD.is_available`
 * asks this before it runs rocm-smi (as rocm_smi.py's own driver check does), so a machine with rocm-smi
 * installed but no AMD driver up gets no AMD asset. A missing or unreadable file is `false`, never an error.
 */
export async function isAmdgpuDriverLive(initstatePath: string): Promise<boolean> {
  try {
    return (await readFile(initstatePath, 'utf8')).includes('live');
  } catch {
    return false;
  }
}

type Card = Readonly<Record<string, unknown>>;

/**
 * The cards of one answer (`card0`, `card1`…, in the order the official client sorts them: by name), or null
 * when the answer is not rocm-smi's JSON. "No AMD GPUs specified" is an empty answer, as in the official client.
 */
export function rocmSmiCards(stdout: string): Card[] | null {
  const text = stdout.trim();
  if (text.includes('No AMD GPUs specified')) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.split('\n')[0] ?? '');
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const all = parsed as Record<string, unknown>;
  return Object.keys(all)
    .filter((key) => key.startsWith('card'))
    .sort()
    .map((key) => all[key])
    .filter((card): card is Card => typeof card === 'object' && card !== null);
}

/**
 * Per-GPU figures from one answer, read from the fields the official client (`gpu_amd.py`) reads: `GPU use (%)`
 * → utilisation, `GPU memory use (%)` → memory allocated (%), `Temperature (Sensor memory) (C)`, `Average Graphics
 * Package Power (W)` and `Max Graphics Package Power (W)` (→ W&B's `powerPercent`). A field that is not a number is
 * left out; a card with none is skipped, and the index is the position among the remaining cards (as W&B numbers
 * them). Null when the answer is unreadable.
 */
export function parseRocmSmi(stdout: string): GpuDeviceSample[] | null {
  const cards = rocmSmiCards(stdout);
  if (cards === null) return null;
  const devices: GpuDeviceSample[] = [];
  for (const card of cards) {
    const figures = {
      utilizationPercent: numberField(card, 'GPU use (%)'),
      memoryAllocatedPercent: numberField(card, 'GPU memory use (%)'),
      temperatureC: numberField(card, 'Temperature (Sensor memory) (C)'),
      powerWatts: numberField(card, 'Average Graphics Package Power (W)'),
      powerLimitWatts: numberField(card, 'Max Graphics Package Power (W)'),
    };
    const present = Object.entries(figures).filter(([, v]) => v !== undefined);
    if (present.length === 0) continue;
    devices.push({
      index: devices.length,
      memoryUsedMb: Number.NaN,
      memoryTotalMb: Number.NaN,
      ...(Object.fromEntries(present) as Partial<GpuDeviceSample>),
      utilizationPercent: figures.utilizationPercent ?? Number.NaN,
    });
  }
  return devices;
}

/** rocm-smi writes numbers as strings (`"41.0"`); Python's `float()` accepts both. */
function numberField(card: Card, name: string): number | undefined {
  const value = card[name];
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** The official client's `gpu_devices` fields of an AMD card (`gpu_amd.py` `probe`), from rocm-smi's names. */
const AMD_DEVICE_FIELDS: Readonly<Record<string, string>> = {
  id: 'GPU ID',
  unique_id: 'Unique ID',
  vbios_version: 'VBIOS version',
  performance_level: 'Performance Level',
  gpu_overdrive: 'GPU OverDrive value (%)',
  gpu_memory_overdrive: 'GPU Memory OverDrive value (%)',
  max_power: 'Max Graphics Package Power (W)',
  series: 'Card series',
  model: 'Card model',
  vendor: 'Card vendor',
  sku: 'Card SKU',
  sclk_range: 'Valid sclk range',
  mclk_range: 'Valid mclk range',
};

/** `wandb-metadata.json`'s `gpu_count` and `gpu_devices` for AMD cards; empty when there are none. */
export function rocmSmiInventory(stdout: string): Record<string, unknown> {
  const cards = rocmSmiCards(stdout);
  if (cards === null || cards.length === 0) return {};
  const devices = cards.map((card) => {
    const device: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(AMD_DEVICE_FIELDS)) {
      const value = card[field];
      // The official probe keeps a field only when it is truthy.
      if (value !== undefined && value !== null && value !== '' && value !== 0) device[name] = value;
    }
    return device;
  });
  return { gpu_count: cards.length, gpu_devices: devices };
}
