import { describe, expect, it } from 'vitest';
import { detectLoadedTensorflow } from '../../src/profiler/gpu/tfjs-memory-provider.js';
import { Profiler } from '../../src/profiler/profiler.js';
import { FakeHost } from '../helpers/fake-profiler-host.js';
import { profilingOptions } from '../helpers/profiling-options.js';

const options = profilingOptions({ systemMetricsSecs: 15, gpu: 'auto' });

describe('tfjs detection with the real @tensorflow/tfjs', () => {
  it('finds tfjs only once the user loaded it, and logs its tensor bytes', async () => {
    expect(detectLoadedTensorflow()).toBeNull();
    const tf = await import('@tensorflow/tfjs');
    const ones = tf.ones([128, 256]); // 128 × 256 float32 = 128 KiB
    expect(detectLoadedTensorflow()?.memory().numBytes).toBe(tf.memory().numBytes);

    const host = new FakeHost();
    const profiler = new Profiler(options, { nvidiaSmiPath: '/nonexistent/nvidia-smi' });
    profiler.start(host);
    await profiler.finish(); // takes the last system sample
    const row = host.logs.find((l) => 'performance/gpu_memory_allocated_mb' in l.metrics)?.metrics;
    expect(row?.['performance/gpu_memory_allocated_mb']).toBeCloseTo(tf.memory().numBytes / 1024 / 1024, 9);
    expect(row?.['performance/gpu_memory_allocated_mb']).toBeGreaterThanOrEqual(0.125);
    expect(row?.['performance/gpu_num_tensors']).toBe(tf.memory().numTensors);
    // tfjs flags its byte count as an upper bound in Node (garbage collection), and the profiler passes that on.
    expect(row?.['performance/gpu_memory_unreliable']).toBe(tf.memory().unreliable ? 1 : 0);
    ones.dispose();
  });
});
