import type { GpuDeviceSample, GpuMemoryProvider, GpuMemorySample } from './gpu-memory-provider.js';
import { queryGpuTool } from './gpu-tool-query.js';

/** Turns one answer of the tool into per-GPU figures; null when the answer cannot be read. */
export type GpuToolParser = (stdout: string) => GpuDeviceSample[] | null;

export interface PolledGpuToolProviderOptions {
  readonly source: 'rocm-smi' | 'apple_gpu_stats';
  readonly path: string;
  readonly args: readonly string[];
  readonly parse: GpuToolParser;
  /** Per-call limit in ms (default 5000). */
  readonly timeoutMs?: number;
  /** Failed or unreadable answers in a row after which the provider gives up. Default 3. */
  readonly maxFailures?: number;
  /** Called once, when the provider gives up. */
  readonly warn?: (message: string) => void;
}

/**
 * GPU figures from a tool that answers once per call (`rocm-smi -a --json`, `apple_gpu_stats --json`), run as the
 * official W&B client runs it: once per sample. `sample()` starts the next call (unless one is still running) and
 * returns the latest answer at once, so a slow or hung tool delays nothing. After `maxFailures` failed or
 * unreadable answers in a row the provider gives up with one warning; a good answer resets the count.
 */
export class PolledGpuToolProvider implements GpuMemoryProvider {
  readonly name: string;
  gaveUp = false;
  private latest: readonly GpuDeviceSample[] = [];
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private closed = false;

  constructor(private readonly options: PolledGpuToolProviderOptions) {
    this.name = options.source;
  }

  /** Seeds the provider with the answer that detected the tool (no second call for the first sample). */
  seed(devices: readonly GpuDeviceSample[]): void {
    this.latest = devices;
  }

  async sample(): Promise<GpuMemorySample | null> {
    if (!this.closed && !this.gaveUp && this.inFlight === null) {
      this.inFlight = this.query().finally(() => {
        this.inFlight = null;
      });
    }
    if (this.latest.length === 0) return null;
    return { source: this.options.source, devices: this.latest };
  }

  /** Resolves when the call in progress (if any) ended. */
  settled(): Promise<void> {
    return this.inFlight ?? Promise.resolve();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private async query(): Promise<void> {
    const { path, args, parse } = this.options;
    const answer = await queryGpuTool(path, args, this.options.timeoutMs ?? 5000);
    const devices = answer.ok ? parse(answer.stdout) : null;
    if (devices !== null && devices.length > 0) {
      this.failures = 0;
      this.latest = devices;
      return;
    }
    this.latest = [];
    if (++this.failures < (this.options.maxFailures ?? 3) || this.gaveUp) return;
    this.gaveUp = true;
    const why = answer.ok ? 'an answer it could not read' : answer.reason;
    this.options.warn?.(
      `${path} failed ${this.failures} times (last: ${why}); GPU metrics are off for this run`,
    );
  }
}
