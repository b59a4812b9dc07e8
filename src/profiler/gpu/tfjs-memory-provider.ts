import type { GpuMemoryProvider, GpuMemorySample } from './gpu-memory-provider.js';

/** The part of tfjs this provider uses: `tf.memory()` (or the engine's `memory()`). */
export interface TensorflowMemorySource {
  memory(): { numBytes: number; numTensors: number; unreliable?: boolean; reasons?: string[] };
}

/**
 * Finds tfjs if — and only if — the user has already loaded it, without importing it: every tfjs flavour
 * (`@tensorflow/tfjs`, `-node`, `-node-gpu`, ESM or CommonJS) creates its engine as `globalThis._tfengine`, whose
 * `memory()` is what `tf.memory()` returns. Returns null when tfjs is not loaded. `Profiler.useTensorflow(tf)`
 * passes the module explicitly instead (e.g. when tfjs is loaded after the run starts).
 */
export function detectLoadedTensorflow(): TensorflowMemorySource | null {
  const engine = (globalThis as { _tfengine?: unknown })._tfengine;
  if (isMemorySource(engine)) return engine;
  const tf = (globalThis as { tf?: unknown }).tf;
  if (isMemorySource(tf)) return tf;
  return null;
}

export function isMemorySource(value: unknown): value is TensorflowMemorySource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { memory?: unknown }).memory === 'function'
  );
}

/** `tf.memory()`: bytes and count of live tensors as tfjs accounts them (JS side, ≈ 0.6 µs). */
export class TfjsMemoryProvider implements GpuMemoryProvider {
  readonly name = 'tfjs';

  constructor(
    private readonly tf: TensorflowMemorySource,
    private readonly onError: (message: string) => void = () => {},
  ) {}

  async sample(): Promise<GpuMemorySample | null> {
    try {
      const info = this.tf.memory();
      const bytes = Number(info.numBytes);
      const numTensors = Number(info.numTensors);
      if (!Number.isFinite(bytes)) return null;
      return {
        source: 'tfjs',
        bytes,
        numTensors: Number.isFinite(numTensors) ? numTensors : Number.NaN,
        unreliable: info.unreliable === true,
        reasons: Array.isArray(info.reasons) ? info.reasons.map(String) : [],
      };
    } catch (error) {
      this.onError(`tf.memory() failed: ${(error as Error).message}`);
      return null;
    }
  }

  async close(): Promise<void> {}
}
