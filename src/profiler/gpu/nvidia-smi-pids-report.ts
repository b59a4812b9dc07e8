/**
 * `nvidia-smi -q -d PIDS`: every process on every GPU, compute and graphics, which is what the official client
 * reads through NVML (`nvmlDeviceGetComputeRunningProcesses` and `...GraphicsRunningProcesses`) for
 * `gpu.process.<i>.*`; the CSV `--query-compute-apps` lists compute processes only. The text report is used, not
 * XML: nvidia-smi 580 refuses `-q -x -d PIDS` ("--display/-d flags can not be combined with -x/--xml-format
 * flags"), and the full `-q -x` is ~27 KB per GPU. Format as captured on an H200 with driver 580.159.04
 * (test/fixtures/profiler/nvidia-smi-q-d-pids.h200.txt): a `GPU <PCI bus id>` line per GPU, then per process
 * `Process ID : <pid>` and `Type : C|G|C+G|M|M+C` lines (the same fields as `<process_info><pid>`/`<type>` in
 * the XML report, e.g. GuanceCloud/datakit's captured `nvidia-smi -q -x` test outputs).
 */
export const NVIDIA_SMI_PIDS_ARGS = ['-q', '-d', 'PIDS'] as const;

/** One process the report lists on one GPU. */
export interface GpuProcessEntry {
  /** The GPU's PCI bus id, upper-cased (nvidia-smi writes it in either case depending on the report). */
  readonly busId: string;
  readonly pid: number;
  /** `C` (compute), `G` (graphics), `C+G`, `M` (MPS)…; empty when the report gives none. */
  readonly type: string;
}

const GPU_LINE = /^GPU\s+([0-9A-Fa-f]+:[0-9A-Fa-f]+:[0-9A-Fa-f]+\.[0-9A-Fa-f]+)\s*$/;
const PID_LINE = /^\s*Process ID\s*:\s*(\d+)\s*$/;
const TYPE_LINE = /^\s*Type\s*:\s*(\S+)\s*$/;

/** The processes of a `-q -d PIDS` report; null when it names no GPU (not such a report). */
export function parsePidsReport(stdout: string): GpuProcessEntry[] | null {
  const entries: { busId: string; pid: number; type: string }[] = [];
  let busId: string | undefined;
  for (const line of stdout.split('\n')) {
    const gpu = GPU_LINE.exec(line);
    if (gpu !== null) {
      busId = (gpu[1] as string).toUpperCase();
      continue;
    }
    if (busId === undefined) continue;
    const pid = PID_LINE.exec(line);
    if (pid !== null) {
      entries.push({ busId, pid: Number(pid[1]), type: '' });
      continue;
    }
    const type = TYPE_LINE.exec(line);
    const last = entries.at(-1);
    if (type !== null && last !== undefined && last.busId === busId && last.type === '')
      last.type = type[1] as string;
  }
  return busId === undefined ? null : entries;
}

/** `index, uuid, pci.bus_id` lines → upper-cased bus id → index. */
export function parseGpuBusIds(stdout: string): Map<string, number> {
  const busIds = new Map<string, number>();
  for (const line of stdout.split('\n')) {
    const [index, , busId] = line.split(',').map((f) => f.trim());
    if (index === undefined || busId === undefined || !/^\d+$/.test(index) || busId === '') continue;
    busIds.set(busId.toUpperCase(), Number(index));
  }
  return busIds;
}
