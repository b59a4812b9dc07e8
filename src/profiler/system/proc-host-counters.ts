import { readdirSync, readFileSync, statfsSync } from 'node:fs';
import * as os from 'node:os';
import type { CoreTimes, DiskSpace, HostCounters } from './host-counters.js';

/** `/proc/diskstats` counts 512-byte sectors whatever the device's sector size. */
const SECTOR_BYTES = 512;

/**
 * `HostCounters` read as psutil (the official client's source) reads them: on Linux from `/proc` (per-core times
 * with iowait as idle and guest time left out, `MemAvailable`, storage devices only in disk I/O, every interface
 * in network totals), elsewhere from `node:os` where it can (core times, memory) and nothing where it cannot.
 * Every read is synchronous and small; a failed read answers `undefined`.
 */
export class ProcHostCounters implements HostCounters {
  /** Block devices that are whole disks (`/sys/block`), listed once: partitions would count twice. */
  private storageDevices: ReadonlySet<string> | undefined;

  constructor(private readonly proc: string = '/proc') {}

  coreTimes(): readonly CoreTimes[] | undefined {
    const stat = this.read('stat');
    if (stat === undefined) return nodeCoreTimes();
    const cores: CoreTimes[] = [];
    for (const line of stat.split('\n')) {
      if (!/^cpu\d+ /.test(line)) continue;
      const fields = line.trim().split(/\s+/).slice(1).map(Number);
      const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
      const busy = user + nice + system + irq + softirq + steal;
      cores.push({ busy, total: busy + idle + iowait });
    }
    return cores.length > 0 ? cores : nodeCoreTimes();
  }

  memory(): { totalBytes: number; availableBytes: number } {
    const info = this.read('meminfo');
    const total = info === undefined ? undefined : meminfoBytes(info, MEM_TOTAL);
    const available = info === undefined ? undefined : meminfoBytes(info, MEM_AVAILABLE);
    if (total !== undefined && available !== undefined)
      return { totalBytes: total, availableBytes: available };
    return { totalBytes: os.totalmem(), availableBytes: os.freemem() };
  }

  diskSpace(path: string): DiskSpace | undefined {
    try {
      const fs = statfsSync(path);
      const used = (fs.blocks - fs.bfree) * fs.bsize;
      return { totalBytes: fs.blocks * fs.bsize, usedBytes: used, availableBytes: fs.bavail * fs.bsize };
    } catch {
      return undefined;
    }
  }

  diskIo(): { readBytes: number; writeBytes: number } | undefined {
    const stats = this.read('diskstats');
    if (stats === undefined) return undefined;
    const devices = this.devices();
    let readSectors = 0;
    let writeSectors = 0;
    for (const line of stats.split('\n')) {
      const fields = line.trim().split(/\s+/);
      const name = fields[2];
      if (name === undefined || fields.length < 10 || !devices.has(name.replaceAll('/', '!'))) continue;
      readSectors += Number(fields[5]) || 0;
      writeSectors += Number(fields[9]) || 0;
    }
    return { readBytes: readSectors * SECTOR_BYTES, writeBytes: writeSectors * SECTOR_BYTES };
  }

  network(): { sentBytes: number; receivedBytes: number } | undefined {
    const dev = this.read('net/dev');
    if (dev === undefined) return undefined;
    let sent = 0;
    let received = 0;
    for (const line of dev.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const fields = line
        .slice(colon + 1)
        .trim()
        .split(/\s+/);
      received += Number(fields[0]) || 0;
      sent += Number(fields[8]) || 0;
    }
    return { sentBytes: sent, receivedBytes: received };
  }

  threads(): number | undefined {
    const status = this.read('self/status');
    const match = status === undefined ? null : /^Threads:\s+(\d+)/m.exec(status);
    return match === null ? undefined : Number(match[1]);
  }

  private devices(): ReadonlySet<string> {
    if (this.storageDevices === undefined) {
      try {
        this.storageDevices = new Set(readdirSync('/sys/block'));
      } catch {
        this.storageDevices = new Set();
      }
    }
    return this.storageDevices;
  }

  private read(name: string): string | undefined {
    try {
      return readFileSync(`${this.proc}/${name}`, 'latin1');
    } catch {
      return undefined;
    }
  }
}

const MEM_TOTAL = /^MemTotal:\s+(\d+)\s*kB/m;
const MEM_AVAILABLE = /^MemAvailable:\s+(\d+)\s*kB/m;

function meminfoBytes(info: string, field: RegExp): number | undefined {
  const match = field.exec(info);
  return match === null ? undefined : Number(match[1]) * 1024;
}

/** Core times from libuv (macOS, Windows): no iowait or steal to tell apart. */
function nodeCoreTimes(): CoreTimes[] | undefined {
  const cpus = os.cpus();
  if (cpus.length === 0) return undefined;
  return cpus.map(({ times }) => {
    const busy = times.user + times.nice + times.sys + times.irq;
    return { busy, total: busy + times.idle };
  });
}
