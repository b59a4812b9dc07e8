import { type GpuTools, gpuTools } from './gpu-tool-detection.js';
import { NVIDIA_SMI_FORMAT, queryGpuTool } from './gpu-tool-query.js';
import { isAmdgpuDriverLive, ROCM_SMI_ARGS, rocmSmiInventory } from './rocm-smi-output.js';

/** One GPU as W&B's `wandb-metadata.json` lists it (`gpu_devices`): its name and memory in bytes. */
export interface GpuDevice {
  readonly name: string;
  readonly memory_total: number;
}

const MIB = 1024 * 1024;
const inventories = new Map<string, Promise<Record<string, unknown>>>();

/**
 * The GPU fields of W&B's `wandb-metadata.json`, as the official client's asset probes give them, from every tool
 * that lists a GPU (the official client merges every available asset's probe):
 * - nvidia-smi (`--query-gpu=name,memory.total`): `gpu` (the first GPU's name), `gpu_count`, `gpu_devices
 *   [{name, memory_total}]` (bytes);
 * - rocm-smi (`-a --json`, when the amdgpu driver is live): `gpu_count`, `gpu_devices` with the official AMD
 *   field names;
 * - Apple silicon: `gpuapple: {type: "arm", vendor: "Apple"}` (the official probe asks no tool).
 * With NVIDIA and AMD GPUs on one machine the official client's merge keeps only AMD's `gpu_count` and
 * `gpu_devices` (the later asset's keys replace the earlier's); trainscope counts both and lists NVIDIA's devices
 * then AMD's, the order of their `gpu.<i>.*` indices (see `OffsetGpuProvider`).
 *
 * Every call is an async child killed at the deadline (`timeoutMs` for the whole probe), so nothing waits on a
 * hung tool; empty when no tool answers in time. Asked at most once per process for the same tools. Never rejects.
 */
export function probeGpuInventory(
  tools: GpuTools = gpuTools(),
  timeoutMs = 2000,
): Promise<Record<string, unknown>> {
  const key = JSON.stringify(tools);
  let inventory = inventories.get(key);
  if (inventory === undefined) {
    inventory = probe(tools, Date.now() + timeoutMs).catch(() => ({}));
    inventories.set(key, inventory);
  }
  return inventory;
}

async function probe(tools: GpuTools, deadline: number): Promise<Record<string, unknown>> {
  const left = (): number => Math.max(1, deadline - Date.now());
  const [nvidia, amd] = await Promise.all([
    queryGpuTool(tools.nvidiaSmi, ['--query-gpu=name,memory.total', NVIDIA_SMI_FORMAT], left()),
    isAmdgpuDriverLive(tools.amdgpuInitstate).then((live) =>
      live && Date.now() < deadline ? queryGpuTool(tools.rocmSmi, ROCM_SMI_ARGS, left()) : null,
    ),
  ]);
  const devices = nvidia.ok ? parseInventory(nvidia.stdout) : [];
  const amdInventory = amd?.ok === true ? rocmSmiInventory(amd.stdout) : {};
  const amdDevices = Array.isArray(amdInventory.gpu_devices) ? (amdInventory.gpu_devices as unknown[]) : [];
  const inventory: Record<string, unknown> =
    devices.length === 0
      ? amdInventory
      : {
          gpu: devices[0]?.name,
          gpu_count: devices.length + amdDevices.length,
          gpu_devices: [...devices, ...amdDevices],
        };
  if (tools.appleSilicon) inventory.gpuapple = { type: 'arm', vendor: 'Apple' };
  return inventory;
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
