import type { GpuMemoryProvider, GpuMemorySample } from './gpu-memory-provider.js';

/**
 * A device-level provider whose GPU indices start after another vendor's: on a machine with GPUs of two vendors
 * (NVIDIA and AMD), each tool numbers its own GPUs from 0. The official client runs both assets and both write
 * `gpu.<i>.*` from 0, so its merged stats keep only one vendor's value for a shared index; trainscope numbers
 * the second vendor's GPUs after the first's instead (NVIDIA 0…n-1, then AMD n…), so every GPU has its own keys.
 */
export class OffsetGpuProvider implements GpuMemoryProvider {
  constructor(
    private readonly inner: GpuMemoryProvider,
    /** How many GPUs the providers before this one report. */
    private readonly offset: number,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  async sample(): Promise<GpuMemorySample | null> {
    const sample = await this.inner.sample();
    if (sample === null || sample.source === 'tfjs' || this.offset === 0) return sample;
    return {
      ...sample,
      devices: sample.devices.map((d) => ({ ...d, index: d.index + this.offset })),
      ...(sample.processGpus !== undefined
        ? { processGpus: sample.processGpus.map((i) => i + this.offset) }
        : {}),
    };
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
