/** One GPU as a device-level source (nvidia-smi) reports it. Figures it cannot report are NaN. */
export interface GpuDeviceSample {
  readonly index: number;
  readonly memoryUsedMb: number;
  readonly memoryTotalMb: number;
  readonly utilizationPercent: number;
  /** Memory-controller utilisation (%), temperature (°C), power draw and enforced limit (W), when reported. */
  readonly memoryUtilizationPercent?: number;
  readonly temperatureC?: number;
  readonly powerWatts?: number;
  readonly powerLimitWatts?: number;
  /** Memory used (%) as the tool itself reports it (rocm-smi, apple_gpu_stats), when it reports no MiB figures. */
  readonly memoryAllocatedPercent?: number;
}

/** What one provider measured at one sampling tick. */
export type GpuMemorySample =
  | {
      /** Framework-side tensor accounting (`tf.memory()`): what live tensors hold, not what the device reserved. */
      readonly source: 'tfjs';
      readonly bytes: number;
      readonly numTensors: number;
      /** tfjs's own flag: the byte count is approximate (string tensors, some backends). */
      readonly unreliable: boolean;
      readonly reasons: readonly string[];
    }
  | {
      /** Device-level figures per GPU, from the driver's tool. */
      readonly source: 'nvidia-smi' | 'rocm-smi' | 'apple_gpu_stats';
      readonly devices: readonly GpuDeviceSample[];
      /**
       * Indices of the GPUs a process of this process tree (this pid or a descendant) runs on, as far as the
       * tool can tell (nvidia-smi's compute apps); absent when the tool cannot tell.
       */
      readonly processGpus?: readonly number[];
    };

/**
 * A source of GPU memory figures, sampled on the system-metrics timer (never on the trainer's call stack).
 * `sample()` resolves to `null` when the source has nothing (yet); it never rejects.
 */
export interface GpuMemoryProvider {
  readonly name: string;
  sample(): Promise<GpuMemorySample | null>;
  close(): Promise<void>;
}
