/** `trainscope/profiler`: the built-in profiler's parts, for custom profilers and offline analysis. */
export { createProfiler, Profiler, type ProfilerSettings } from '../profiler/profiler.js';
export { OperationStats, type OperationWindow } from '../profiler/operation-stats.js';
export { QUANTILE_RELATIVE_ERROR } from '../profiler/log-linear-histogram.js';
export { BottleneckAnalyzer, type RankedOperation } from '../profiler/bottleneck-analyzer.js';
export { ChromeTraceWriter, type ChromeTraceWriterOptions } from '../profiler/chrome-trace-writer.js';
export type {
  GpuMemoryProvider,
  GpuMemorySample,
  GpuDeviceSample,
} from '../profiler/gpu/gpu-memory-provider.js';
export { NvidiaSmiProvider } from '../profiler/gpu/nvidia-smi-provider.js';
export { TfjsMemoryProvider, type TensorflowMemorySource } from '../profiler/gpu/tfjs-memory-provider.js';
