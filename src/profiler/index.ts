export { createProfiler, Profiler, type ProfilerSettings, OPERATIONS_TABLE_COLUMNS } from './profiler.js';
export { OperationStats, type OperationWindow } from './operation-stats.js';
export { LogLinearHistogram, QUANTILE_RELATIVE_ERROR } from './log-linear-histogram.js';
export { BottleneckAnalyzer, BOTTLENECK_COLUMNS, type RankedOperation } from './bottleneck-analyzer.js';
export { ChromeTraceWriter, type ChromeTraceWriterOptions } from './chrome-trace-writer.js';
export { SpanRing } from './span-ring.js';
export { SystemMetricsSampler } from './system-metrics-sampler.js';
export type { GpuMemoryProvider, GpuMemorySample, GpuDeviceSample } from './gpu/gpu-memory-provider.js';
export {
  TfjsMemoryProvider,
  detectLoadedTensorflow,
  type TensorflowMemorySource,
} from './gpu/tfjs-memory-provider.js';
export { NvidiaSmiProvider, parseNvidiaSmiLine, resolveNvidiaSmiPath } from './gpu/nvidia-smi-provider.js';
export { registerOperation, operationById, operationCount, type Operation } from './operations.js';
