import { readFile } from 'node:fs/promises';
import { NVIDIA_SMI_FORMAT, queryGpuTool } from './gpu-tool-query.js';
import { NVIDIA_SMI_PIDS_ARGS, parseGpuBusIds, parsePidsReport } from './nvidia-smi-pids-report.js';

/** `index, uuid, pci.bus_id`: the uuid maps the compute-apps answer, the bus id the `-q -d PIDS` report. */
export const NVIDIA_SMI_UUID_QUERY = '--query-gpu=index,uuid,pci.bus_id';
export const NVIDIA_SMI_APPS_QUERY = '--query-compute-apps=pid,gpu_uuid,used_memory';

/** One process nvidia-smi lists as running compute work on a GPU. */
export interface ComputeApp {
  readonly pid: number;
  readonly gpuUuid: string;
  /** MiB; NaN where nvidia-smi cannot tell (`[N/A]`, e.g. under MIG). */
  readonly usedMemoryMb: number;
}

/** Finds a process's parent pid (undefined when the process is gone or the platform cannot tell). */
export type ParentLookup = (pid: number) => Promise<number | undefined>;

/** `index, uuid[, …]` lines → uuid → index. */
export function parseGpuUuids(stdout: string): Map<string, number> {
  const uuids = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    const [index, uuid] = line.split(',').map((f) => f.trim());
    if (index === undefined || uuid === undefined || !/^\d+$/.test(index) || uuid === '') continue;
    uuids.set(uuid, Number(index));
  }
  return uuids;
}

/** `pid, gpu_uuid, used_memory` lines; anything else (a "No running processes found" line) is skipped. */
export function parseComputeApps(stdout: string): ComputeApp[] {
  const apps: ComputeApp[] = [];
  for (const line of stdout.split('\n')) {
    const [pid, gpuUuid, used] = line.split(',').map((f) => f.trim());
    if (pid === undefined || gpuUuid === undefined || !/^\d+$/.test(pid) || gpuUuid === '') continue;
    const usedMemoryMb = used !== undefined && /^\d+(\.\d+)?$/.test(used) ? Number(used) : Number.NaN;
    apps.push({ pid: Number(pid), gpuUuid, usedMemoryMb });
  }
  return apps;
}

/** The parent pid from `/proc/<pid>/stat` (Linux); the command name may hold spaces and `)`, so read after the last `)`. */
export const procParentOf: ParentLookup = async (pid) => {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) && ppid >= 0 ? ppid : undefined;
  } catch {
    return undefined;
  }
};

export interface GpuProcessUsageOptions {
  /** nvidia-smi executable. */
  readonly path: string;
  /** Root of the process tree (default this process). */
  readonly rootPid?: number;
  /** Per-call limit in ms (default 5000): a hung nvidia-smi is killed, and the GPUs count as unused. */
  readonly timeoutMs?: number;
  readonly parentOf?: ParentLookup;
}

/**
 * Which GPUs this process tree uses, for W&B's `gpu.process.<i>.*` keys: the official client copies GPU i's
 * values to `gpu.process.<i>.*` when NVML lists a process of the tree (the pid or any descendant) among GPU i's
 * compute or graphics processes. `refresh()` runs one `nvidia-smi -q -d PIDS` (compute and graphics processes,
 * see `parsePidsReport`; the `index, uuid, pci.bus_id` map is asked once) as an async child, one at a time;
 * `gpus` holds the latest answer. An nvidia-smi whose report cannot be read falls back, for good, to the CSV
 * `--query-compute-apps` (compute processes only). Descendants are found by walking each listed pid's parents
 * (`/proc`, Linux); elsewhere only this pid itself is recognised.
 */
export class GpuProcessUsage {
  /** Indices of the GPUs the tree used at the latest refresh, ascending; undefined when nvidia-smi did not answer. */
  gpus: readonly number[] | undefined;
  /** `Date.now()` when the latest refresh began (-Infinity before any). */
  lastRefreshAt = Number.NEGATIVE_INFINITY;
  private uuids: Map<string, number> | undefined;
  private busIds: Map<string, number> = new Map();
  /** False once nvidia-smi gave a `-q -d PIDS` report that could not be read: compute apps only from then on. */
  private pidsReport = true;
  private inFlight: Promise<void> | null = null;
  private readonly rootPid: number;
  private readonly timeoutMs: number;
  private readonly parentOf: ParentLookup;

  constructor(private readonly options: GpuProcessUsageOptions) {
    this.rootPid = options.rootPid ?? process.pid;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.parentOf = options.parentOf ?? procParentOf;
  }

  /** Starts one refresh unless one is running; resolves when it ends (never rejects). */
  refresh(): Promise<void> {
    if (this.inFlight !== null) return this.inFlight;
    this.lastRefreshAt = Date.now();
    this.inFlight = this.query()
      .then((gpus) => {
        this.gpus = gpus;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async query(): Promise<number[] | undefined> {
    if (this.uuids === undefined) {
      const answer = await queryGpuTool(
        this.options.path,
        [NVIDIA_SMI_UUID_QUERY, NVIDIA_SMI_FORMAT],
        this.timeoutMs,
      );
      if (!answer.ok) return undefined;
      this.uuids = parseGpuUuids(answer.stdout);
      this.busIds = parseGpuBusIds(answer.stdout);
    }
    const listed = await this.listProcesses(this.uuids);
    if (listed === undefined) return undefined;
    const used = new Set<number>();
    const ours = new Map<number, boolean>();
    for (const app of listed) {
      const index = app.gpu;
      if (index === undefined || used.has(index)) continue;
      let inTree = ours.get(app.pid);
      if (inTree === undefined) {
        inTree = await this.inTree(app.pid);
        ours.set(app.pid, inTree);
      }
      if (inTree) used.add(index);
    }
    return [...used].sort((a, b) => a - b);
  }

  /** Every (pid, GPU index) nvidia-smi lists; undefined when it did not answer. */
  private async listProcesses(
    uuids: Map<string, number>,
  ): Promise<{ pid: number; gpu: number | undefined }[] | undefined> {
    if (this.pidsReport) {
      const answer = await queryGpuTool(this.options.path, NVIDIA_SMI_PIDS_ARGS, this.timeoutMs);
      // A hung or vanished nvidia-smi says nothing either way; only a readable-but-different answer disables it.
      if (!answer.ok && (answer.reason.startsWith('no answer') || answer.reason === 'not found'))
        return undefined;
      const entries = answer.ok ? parsePidsReport(answer.stdout) : null;
      if (entries !== null) return entries.map((e) => ({ pid: e.pid, gpu: this.busIds.get(e.busId) }));
      this.pidsReport = false;
    }
    const answer = await queryGpuTool(
      this.options.path,
      [NVIDIA_SMI_APPS_QUERY, NVIDIA_SMI_FORMAT],
      this.timeoutMs,
    );
    if (!answer.ok) return undefined;
    return parseComputeApps(answer.stdout).map((app) => ({ pid: app.pid, gpu: uuids.get(app.gpuUuid) }));
  }

  /** Whether `pid` is the root or one of its descendants (at most 64 generations up). */
  private async inTree(pid: number): Promise<boolean> {
    let current: number | undefined = pid;
    for (let depth = 0; depth < 64 && current !== undefined && current > 0; depth++) {
      if (current === this.rootPid) return true;
      current = await this.parentOf(current);
    }
    return false;
  }
}
