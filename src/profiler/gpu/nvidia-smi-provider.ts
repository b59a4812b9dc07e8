import { type ChildProcess, execFile, spawn } from 'node:child_process';
import type { GpuDeviceSample, GpuMemoryProvider, GpuMemorySample } from './gpu-memory-provider.js';
import { GpuProcessUsage } from './gpu-process-usage.js';
import { NVIDIA_SMI_FORMAT } from './gpu-tool-query.js';

export const NVIDIA_SMI_QUERY =
  '--query-gpu=index,memory.used,memory.total,utilization.gpu,utilization.memory,temperature.gpu,power.draw,enforced.power.limit';

export interface NvidiaSmiProviderOptions {
  /** Executable; default `$NVIDIA_SMI_PATH`, else `nvidia-smi` on PATH. */
  readonly path?: string;
  /** `-lms` period of the long-lived child in milliseconds (at least 100). */
  readonly intervalMs: number;
  /** Unexpected exits (or failed starts) after which the provider gives up. Default 3. */
  readonly maxFailures?: number;
  /** Delay before restart number n is `n × restartDelayMs`. Default 1000. */
  readonly restartDelayMs?: number;
  /** GPUs `nvidia-smi -L` listed: a round of that many lines is published at once (never a partial round). */
  readonly gpuCount?: number;
  /** Called once, when the provider gives up. */
  readonly warn?: (message: string) => void;
  /**
   * How often to ask nvidia-smi which GPUs this process tree runs on (`gpu.process.<i>.*`), in ms; 0 = never.
   * Default 15,000: each 30 s report sees an answer at most 15 s old, for one short nvidia-smi call per period.
   */
  readonly processQueryMs?: number;
}

/** The nvidia-smi to run: `NVIDIA_SMI_PATH` when set, else `nvidia-smi` from PATH. */
export function resolveNvidiaSmiPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.NVIDIA_SMI_PATH;
  return fromEnv !== undefined && fromEnv.trim() !== '' ? fromEnv : 'nvidia-smi';
}

/** Runs `nvidia-smi -L` once, asynchronously; resolves to the number of GPUs listed (0 when unavailable). */
export function countNvidiaGpus(path: string, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve) => {
    try {
      execFile(path, ['-L'], { timeout: timeoutMs, windowsHide: true }, (error, stdout) => {
        if (error) {
          resolve(0);
          return;
        }
        resolve(
          String(stdout)
            .split('\n')
            .filter((line) => /^GPU \d+:/.test(line.trim())).length,
        );
      });
    } catch {
      resolve(0);
    }
  });
}

/**
 * Parses one `index, memory.used, memory.total, utilization.gpu` line (MiB, MiB, %), optionally followed by
 * `utilization.memory, temperature.gpu, power.draw, enforced.power.limit` (%, °C, W, W). Of the first four,
 * fields nvidia-smi cannot report (`[N/A]`, `[Not Supported]`) become NaN; of the optional ones they are left
 * out. A line without a numeric index is rejected (null).
 */
export function parseNvidiaSmiLine(line: string): GpuDeviceSample | null {
  const fields = line.split(',').map((f) => f.trim());
  if (fields.length < 4) return null;
  const index = Number(fields[0]);
  if (fields[0] === '' || !Number.isInteger(index) || index < 0) return null;
  const device: { -readonly [K in keyof GpuDeviceSample]: GpuDeviceSample[K] } = {
    index,
    memoryUsedMb: numberOrNaN(fields[1] as string),
    memoryTotalMb: numberOrNaN(fields[2] as string),
    utilizationPercent: numberOrNaN(fields[3] as string),
  };
  const optional = ['memoryUtilizationPercent', 'temperatureC', 'powerWatts', 'powerLimitWatts'] as const;
  for (let i = 0; i < optional.length; i++) {
    const value = numberOrNaN(fields[4 + i] ?? '');
    if (Number.isFinite(value)) device[optional[i] as (typeof optional)[number]] = value;
  }
  return device;
}

function numberOrNaN(field: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(field)) return Number.NaN;
  return Number(field);
}

/**
 * Device memory and utilisation from one long-lived `nvidia-smi --query-gpu=... -lms <ms>` child, which prints one
 * CSV line per GPU per period (no spawn per sample). `sample()` returns the latest line of every GPU. The child is
 * restarted when it exits unexpectedly, with a growing delay; after `maxFailures` exits the provider gives up with
 * one warning. `close()` kills it. The child and its pipes are unref'd: they never keep the process alive.
 * Every `processQueryMs` a short `-q -d PIDS` call (`GpuProcessUsage`) tells which GPUs this process
 * tree runs on; `sample()` reports them as `processGpus` (W&B's `gpu.process.<i>.*`).
 */
export class NvidiaSmiProvider implements GpuMemoryProvider {
  readonly name = 'nvidia-smi';
  readonly path: string;
  /** Children started (1 + restarts). */
  starts = 0;
  failures = 0;
  gaveUp = false;
  private readonly intervalMs: number;
  private readonly maxFailures: number;
  private readonly restartDelayMs: number;
  private latest: readonly GpuDeviceSample[] = [];
  private round = new Map<number, GpuDeviceSample>();
  private child: ChildProcess | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private lastError = '';
  private readonly processUsage: GpuProcessUsage | undefined;
  private readonly processQueryMs: number;

  constructor(private readonly options: NvidiaSmiProviderOptions) {
    this.path = options.path ?? resolveNvidiaSmiPath();
    this.intervalMs = Math.max(100, Math.round(options.intervalMs));
    this.maxFailures = options.maxFailures ?? 3;
    this.restartDelayMs = options.restartDelayMs ?? 1000;
    this.processQueryMs = options.processQueryMs ?? 15_000;
    if (this.processQueryMs > 0) this.processUsage = new GpuProcessUsage({ path: this.path });
  }

  /** Starts the child (call once, after `countNvidiaGpus` found at least one GPU). */
  start(): void {
    if (this.closed || this.gaveUp || this.child !== null) return;
    if (this.starts === 0) void this.processUsage?.refresh();
    this.starts++;
    let child: ChildProcess;
    try {
      child = spawn(this.path, [NVIDIA_SMI_QUERY, NVIDIA_SMI_FORMAT, '-lms', String(this.intervalMs)], {
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (error) {
      this.lastError = (error as Error).message;
      this.onChildEnded();
      return;
    }
    this.child = child;
    this.round = new Map();
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      if (this.child === child) this.child = null;
      if (this.round.size > 0) this.publishRound();
      this.onChildEnded();
    };
    let pending = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (data: string) => {
      pending += data;
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        this.onLine(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      if (pending.length > 4096) pending = '';
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (data: string) => {
      const text = data.trim();
      if (text !== '') this.lastError = text.split('\n').pop()?.slice(0, 200) ?? text;
    });
    child.on('error', (error) => {
      this.lastError = error.message;
      end();
    });
    child.on('close', (code, signal) => {
      if (this.lastError === '') this.lastError = signal !== null ? `signal ${signal}` : `exit code ${code}`;
      end();
    });
    child.unref();
    (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
    (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
  }

  /** The latest round; asks for the process tree's GPUs again (in the background) when that answer is due. */
  async sample(): Promise<GpuMemorySample | null> {
    const usage = this.processUsage;
    if (usage !== undefined && !this.closed && Date.now() - usage.lastRefreshAt >= this.processQueryMs) {
      void usage.refresh();
    }
    if (this.latest.length === 0) return null;
    const processGpus = usage?.gpus;
    return processGpus === undefined
      ? { source: 'nvidia-smi', devices: this.latest }
      : { source: 'nvidia-smi', devices: this.latest, processGpus };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 1000);
      // Ref'd on purpose: the child and its pipes are unref'd, so this timer is what keeps `finish()` alive until it ends.
      child.ref();
      child.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  private onLine(line: string): void {
    const sample = parseNvidiaSmiLine(line);
    if (sample === null) return;
    // A GPU seen twice means a new round began (the GPU count was unknown or shrank): publish the previous one.
    if (this.round.has(sample.index)) this.publishRound();
    this.round.set(sample.index, sample);
    if (this.round.size >= (this.options.gpuCount ?? Number.POSITIVE_INFINITY)) this.publishRound();
  }

  private publishRound(): void {
    this.latest = [...this.round.values()].sort((a, b) => a.index - b.index);
    this.round = new Map();
  }

  private onChildEnded(): void {
    if (this.closed) return;
    this.failures++;
    if (this.failures >= this.maxFailures) {
      this.gaveUp = true;
      this.options.warn?.(
        `${this.path} exited ${this.failures} times (last: ${this.lastError || 'unknown'}); GPU device metrics are off for this run`,
      );
      return;
    }
    this.lastError = '';
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
    }, this.restartDelayMs * this.failures);
    this.restartTimer.unref();
  }
}
