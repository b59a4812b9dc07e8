import { round } from '../bottleneck-analyzer.js';
import type { CoreTimes, HostCounters } from './host-counters.js';

const MB = 1024 * 1024;
const GB = 1024 ** 3;

/** What the sampler already measured of this process for its own figures (read once, used twice). */
export interface ProcessFigures {
  /** Process CPU time over wall time since the previous sample, in percent of one core. */
  readonly cpuPercent: number;
  readonly rssBytes: number;
}

/**
 * One sample of the system metrics the official W&B client (0.15.12, `wandb/sdk/internal/system/assets`)
 * sends, under its key names and in its order: `cpu` (process CPU ÷ logical cores), `cpu.<i>.cpu_percent`,
 * `proc.cpu.threads`, `disk.<path>.usagePercent|usageGB` (`/` written `\`), `disk.in|out` (MB since the first
 * sample), `proc.memory.availableMB` (system), `memory` (system %), `proc.memory.rssMB|percent`,
 * `network.sent|recv` (bytes since the first sample). Rates are measured between consecutive samples, as
 * psutil's `cpu_percent(interval=None)` does; a figure the platform cannot read is left out.
 */
export class SystemStatsProbe {
  private lastCores: readonly CoreTimes[] | undefined;
  private readonly diskIoStart: { readonly readBytes: number; readonly writeBytes: number } | undefined;
  private readonly networkStart: { readonly sentBytes: number; readonly receivedBytes: number } | undefined;

  constructor(
    private readonly counters: HostCounters,
    private readonly logicalCores: number,
    private readonly diskPaths: readonly string[] = ['/'],
  ) {
    this.lastCores = counters.coreTimes();
    this.diskIoStart = counters.diskIo();
    this.networkStart = counters.network();
  }

  sample(process: ProcessFigures): Record<string, number> {
    const out: Record<string, number> = {};
    out.cpu = round(process.cpuPercent, 1) / Math.max(1, this.logicalCores);
    this.cores(out);
    const threads = this.counters.threads();
    if (threads !== undefined) out['proc.cpu.threads'] = threads;
    this.disks(out);
    const memory = this.counters.memory();
    if (memory.totalBytes > 0) {
      out['proc.memory.availableMB'] = memory.availableBytes / MB;
      out.memory = round(((memory.totalBytes - memory.availableBytes) / memory.totalBytes) * 100, 1);
      out['proc.memory.rssMB'] = process.rssBytes / MB;
      out['proc.memory.percent'] = (process.rssBytes / memory.totalBytes) * 100;
    }
    const network = this.counters.network();
    if (network !== undefined && this.networkStart !== undefined) {
      out['network.sent'] = network.sentBytes - this.networkStart.sentBytes;
      out['network.recv'] = network.receivedBytes - this.networkStart.receivedBytes;
    }
    return out;
  }

  /** `cpu.<i>.cpu_percent`: busy share of each core since the previous sample (psutil's 1 decimal). */
  private cores(out: Record<string, number>): void {
    const now = this.counters.coreTimes();
    const before = this.lastCores;
    this.lastCores = now;
    if (now === undefined) return;
    for (let i = 0; i < now.length; i++) {
      const a = before?.[i];
      const b = now[i] as CoreTimes;
      const total = a === undefined ? 0 : b.total - a.total;
      const busy = a === undefined ? 0 : b.busy - a.busy;
      out[`cpu.${i}.cpu_percent`] =
        total > 0 ? round(Math.min(100, Math.max(0, (busy / total) * 100)), 1) : 0;
    }
  }

  private disks(out: Record<string, number>): void {
    for (const path of this.diskPaths) {
      const space = this.counters.diskSpace(path);
      if (space === undefined) continue;
      const name = path.replaceAll('/', '\\');
      const userTotal = space.usedBytes + space.availableBytes;
      out[`disk.${name}.usagePercent`] = userTotal > 0 ? round((space.usedBytes / userTotal) * 100, 1) : 0;
      out[`disk.${name}.usageGB`] = space.usedBytes / GB;
    }
    const io = this.counters.diskIo();
    if (io !== undefined && this.diskIoStart !== undefined) {
      out['disk.in'] = (io.readBytes - this.diskIoStart.readBytes) / MB;
      out['disk.out'] = (io.writeBytes - this.diskIoStart.writeBytes) / MB;
    }
  }
}
