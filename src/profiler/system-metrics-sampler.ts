import {
  type EventLoopUtilization,
  type IntervalHistogram,
  monitorEventLoopDelay,
  performance,
} from 'node:perf_hooks';
import { cpus } from 'node:os';
import type { ProfilerHost } from '../core/run-handle.js';
import { SYSTEM_SAMPLES_PER_REPORT } from '../core/system-samples.js';
import type { GpuMemoryProvider, GpuMemorySample } from './gpu/gpu-memory-provider.js';
import { type TensorflowMemorySource, TfjsMemoryProvider } from './gpu/tfjs-memory-provider.js';
import type { HostCounters } from './system/host-counters.js';
import { ProcHostCounters } from './system/proc-host-counters.js';
import { SampleAverager } from './system/sample-averager.js';
import { SystemStatsProbe } from './system/system-stats-probe.js';

const MB = 1024 * 1024;

/** Receives every memory sample as trace counters (`ph:"C"`). */
export type CounterSink = (name: string, timeNs: number, values: Readonly<Record<string, number>>) => void;

/** W&B's `_stats_samples_to_average`: one report per this many samples (15 × 2 s = 30 s). */
export const SAMPLES_TO_AVERAGE = SYSTEM_SAMPLES_PER_REPORT;

export interface SystemSamplerSettings {
  /** Samples per report, 1–30 (default `SAMPLES_TO_AVERAGE`). */
  readonly samplesToAverage?: number;
  /** Where machine and process counters are read (tests give scripted ones). */
  readonly hostCounters?: HostCounters;
}

/**
 * Samples process, machine and GPU metrics every `intervalMs` on an unref'd timer (never per call) and, as the
 * official W&B client does, reports the mean of every `samplesToAverage` samples (and of the samples left at
 * `close()`), at the time of the report:
 *
 * - through `host.logSystem` (TensorBoard `system/...`, W&B `stats` / `wandb-events.jsonl`):
 *   - W&B's own keys from `SystemStatsProbe` (`cpu`, `cpu.<i>.cpu_percent`, `proc.cpu.threads`, `disk.*`,
 *     `memory`, `proc.memory.*`, `network.*`), rounded to 2 decimals like W&B's `aggregate_mean`, the thread
 *     count as its last value;
 *   - Node's own figures: `cpu_percent` (process CPU time over wall time, 100 = one core), `memory_rss_mb`,
 *     `heap_used_mb`, `heap_total_mb`, `event_loop_delay_ms` (mean) and `event_loop_delay_p99_ms` from
 *     `monitorEventLoopDelay`, `event_loop_utilization` (0–1), and per GPU `gpu.<i>.memory_used_mb`,
 *     `memory_total_mb`, `utilization_percent`, and when the GPU tool reports them `memory_utilization_percent`,
 *     `memory_allocated_percent` (rocm-smi, apple_gpu_stats), `temperature_c`, `power_watts`, `power_limit_watts`
 *     (the W&B backend maps these to W&B's GPU names), copied to `gpu.process.<i>.*` when this process tree runs
 *     on GPU i at report time;
 * - through `host.log` at each report (history, current step, `commit: false`, once per step), the latest
 *   sample's `performance/gpu_memory_allocated_mb` = tfjs `numBytes` when tfjs is loaded, else nvidia-smi
 *   `memory.used` (summed over GPUs); `performance/gpu_memory_reserved_mb` = nvidia-smi `memory.total` (summed;
 *   the device memory the process can reserve) when nvidia-smi is available, else tfjs `numBytes` (tfjs keeps no
 *   separate pool); with tfjs also `performance/gpu_num_tensors` and `performance/gpu_memory_unreliable` (1 when
 *   tfjs flags its byte count as approximate).
 */
export class SystemMetricsSampler {
  private readonly providers: GpuMemoryProvider[] = [];
  private readonly loopDelay: IntervalHistogram;
  private timer: NodeJS.Timeout | null = null;
  private lastCpu: NodeJS.CpuUsage;
  private lastWallNs: bigint;
  private lastElu: EventLoopUtilization;
  private inFlight: Promise<void> | null = null;
  private closed = false;
  private warnedUnreliable = false;
  /** Step of the last `performance/gpu_*` history values (-1 before any). */
  private lastHistoryStep = -1;
  private readonly probe: SystemStatsProbe;
  private readonly samplesToAverage: number;
  private readonly officialAverage = new SampleAverager(2, new Set(['proc.cpu.threads']));
  private readonly nodeAverage = new SampleAverager();
  /** Samples since the last report. */
  private pending = 0;
  /** The latest sample's `performance/gpu_*` values. */
  private performance: Record<string, number> = {};
  /** GPUs this process tree ran on at the latest sample, as the GPU tool tells (for `gpu.process.<i>.*`). */
  private processGpus: readonly number[] = [];

  constructor(
    private readonly host: ProfilerHost,
    readonly intervalMs: number,
    private readonly counters?: CounterSink,
    /** Looked up before each sample until it finds tfjs, so tfjs loaded after the run started is picked up. */
    private readonly detectTensorflow?: () => TensorflowMemorySource | null,
    settings: SystemSamplerSettings = {},
  ) {
    this.samplesToAverage = Math.min(
      30,
      Math.max(1, Math.round(settings.samplesToAverage ?? SAMPLES_TO_AVERAGE)),
    );
    this.probe = new SystemStatsProbe(
      settings.hostCounters ?? new ProcHostCounters(),
      // psutil's `cpu_count()`: every logical core, as `/proc/stat` lists them.
      Math.max(1, cpus().length),
    );
    this.loopDelay = monitorEventLoopDelay({ resolution: 10 });
    this.lastCpu = process.cpuUsage();
    this.lastWallNs = process.hrtime.bigint();
    this.lastElu = performance.eventLoopUtilization();
  }

  addProvider(provider: GpuMemoryProvider): void {
    if (this.closed) {
      void provider.close();
      return;
    }
    this.providers.push(provider);
  }

  /** Adds `tf.memory()` as a provider unless one is already there. */
  useTensorflow(tf: TensorflowMemorySource): void {
    if (this.providers.some((p) => p.name === 'tfjs')) return;
    this.addProvider(
      new TfjsMemoryProvider(tf, (message) => this.host.logger.warnOnce('profiler.tfjs', message)),
    );
  }

  get isClosed(): boolean {
    return this.closed;
  }

  start(): void {
    if (this.timer !== null || this.closed) return;
    this.loopDelay.enable();
    this.timer = setInterval(() => {
      void this.sample();
    }, this.intervalMs);
    this.timer.unref();
  }

  /**
   * Takes one sample now (skipped while the previous one is still waiting for a GPU provider); every
   * `samplesToAverage`-th sample reports.
   */
  sample(): Promise<void> {
    if (this.inFlight !== null) return this.inFlight;
    this.inFlight = this.collect()
      .catch((error: unknown) => {
        this.host.logger.warnOnce(
          'profiler.system',
          `system metrics sampling failed: ${(error as Error).message}`,
        );
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** Takes a last sample, reports what is pending (as W&B's final `FLUSH_STATS`), stops the timer and closes the GPU providers. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
      await this.sample();
      if (this.pending > 0) this.report();
    }
    this.closed = true;
    this.loopDelay.disable();
    await Promise.all(this.providers.map((p) => p.close().catch(() => undefined)));
  }

  private async collect(): Promise<void> {
    if (this.detectTensorflow !== undefined && !this.providers.some((p) => p.name === 'tfjs')) {
      const tf = this.detectTensorflow();
      if (tf !== null) this.useTensorflow(tf);
    }
    const nowNs = process.hrtime.bigint();
    const cpu = process.cpuUsage(this.lastCpu);
    const wallUs = Number(nowNs - this.lastWallNs) / 1000;
    this.lastCpu = process.cpuUsage();
    this.lastWallNs = nowNs;
    const elu = performance.eventLoopUtilization(this.lastElu);
    this.lastElu = performance.eventLoopUtilization();
    const memory = process.memoryUsage();

    const system: Record<string, number> = {
      memory_rss_mb: memory.rss / MB,
      heap_used_mb: memory.heapUsed / MB,
      heap_total_mb: memory.heapTotal / MB,
    };
    if (wallUs > 0) system.cpu_percent = ((cpu.user + cpu.system) / wallUs) * 100;
    if (this.loopDelay.count > 0) {
      system.event_loop_delay_ms = this.loopDelay.mean / 1e6;
      system.event_loop_delay_p99_ms = this.loopDelay.percentile(99) / 1e6;
    }
    this.loopDelay.reset();
    if (Number.isFinite(elu.utilization)) system.event_loop_utilization = elu.utilization;
    this.counters?.('memory', Number(nowNs), {
      heap_used_mb: system.heap_used_mb as number,
      heap_total_mb: system.heap_total_mb as number,
      rss_mb: system.memory_rss_mb as number,
    });

    const official = this.probe.sample({ cpuPercent: system.cpu_percent ?? 0, rssBytes: memory.rss });
    const gpuSamples = await Promise.all(this.providers.map((p) => p.sample().catch(() => null)));
    this.performance = this.gpuMetrics(gpuSamples, system, nowNs);
    this.officialAverage.add(official);
    this.nodeAverage.add(system);
    if (++this.pending >= this.samplesToAverage) this.report();
  }

  /** Logs the mean of the pending samples, and the latest GPU memory values to the history. */
  private report(): void {
    this.pending = 0;
    this.host.logSystem({
      ...this.officialAverage.take(),
      ...this.withProcessCopies(this.nodeAverage.take()),
    });
    // History keeps one point per step: a second report before the trainer's step moves (slow steps, the final
    // report at finish) would replace the first, so only system metrics, stepped by time, carry it.
    const step = this.host.step;
    if (Object.keys(this.performance).length > 0 && step !== this.lastHistoryStep) {
      this.lastHistoryStep = step;
      this.host.log(this.performance, { commit: false });
    }
  }

  /**
   * W&B's `gpu.process.<i>.*`: a copy of GPU i's report when a process of this process tree runs on GPU i at report
   * time, as the official client checks it at each aggregation.
   */
  private withProcessCopies(report: Record<string, number>): Record<string, number> {
    for (const gpu of this.processGpus) {
      const prefix = `gpu.${gpu}.`;
      for (const key of Object.keys(report)) {
        if (key.startsWith(prefix))
          report[`gpu.process.${gpu}.${key.slice(prefix.length)}`] = report[key] as number;
      }
    }
    return report;
  }

  private gpuMetrics(
    samples: readonly (GpuMemorySample | null)[],
    system: Record<string, number>,
    nowNs: bigint,
  ): Record<string, number> {
    let tfjsMb = Number.NaN;
    let usedMb = Number.NaN;
    let totalMb = Number.NaN;
    const out: Record<string, number> = {};
    const gpuCounters: Record<string, number> = {};
    this.processGpus = [];
    for (const sample of samples) {
      if (sample === null) continue;
      if (sample.source === 'tfjs') {
        tfjsMb = sample.bytes / MB;
        if (Number.isFinite(sample.numTensors)) out['performance/gpu_num_tensors'] = sample.numTensors;
        out['performance/gpu_memory_unreliable'] = sample.unreliable ? 1 : 0;
        if (sample.unreliable && !this.warnedUnreliable) {
          this.warnedUnreliable = true;
          const why = sample.reasons.length > 0 ? `: ${sample.reasons.join('; ')}` : '';
          this.host.logger.warnOnce(
            'profiler.tfjs.unreliable',
            `tf.memory() reports its byte count as unreliable${why}; performance/gpu_memory_* from tfjs are approximate`,
          );
        }
        gpuCounters.tfjs_mb = tfjsMb;
        continue;
      }
      if (sample.processGpus !== undefined) this.processGpus = sample.processGpus;
      for (const device of sample.devices) {
        const prefix = `gpu.${device.index}.`;
        if (device.memoryAllocatedPercent !== undefined)
          system[`${prefix}memory_allocated_percent`] = device.memoryAllocatedPercent;
        if (Number.isFinite(device.memoryUsedMb)) {
          system[`${prefix}memory_used_mb`] = device.memoryUsedMb;
          usedMb = (Number.isNaN(usedMb) ? 0 : usedMb) + device.memoryUsedMb;
          gpuCounters[`gpu${device.index}_used_mb`] = device.memoryUsedMb;
        }
        if (Number.isFinite(device.memoryTotalMb)) {
          system[`${prefix}memory_total_mb`] = device.memoryTotalMb;
          totalMb = (Number.isNaN(totalMb) ? 0 : totalMb) + device.memoryTotalMb;
        }
        if (Number.isFinite(device.utilizationPercent)) {
          system[`${prefix}utilization_percent`] = device.utilizationPercent;
        }
        if (device.memoryUtilizationPercent !== undefined) {
          system[`${prefix}memory_utilization_percent`] = device.memoryUtilizationPercent;
        }
        if (device.temperatureC !== undefined) system[`${prefix}temperature_c`] = device.temperatureC;
        if (device.powerWatts !== undefined) system[`${prefix}power_watts`] = device.powerWatts;
        if (device.powerLimitWatts !== undefined)
          system[`${prefix}power_limit_watts`] = device.powerLimitWatts;
      }
    }
    const allocated = Number.isFinite(tfjsMb) ? tfjsMb : usedMb;
    const reserved = Number.isFinite(totalMb) ? totalMb : tfjsMb;
    if (Number.isFinite(allocated)) out['performance/gpu_memory_allocated_mb'] = allocated;
    if (Number.isFinite(reserved)) out['performance/gpu_memory_reserved_mb'] = reserved;
    if (Object.keys(gpuCounters).length > 0) this.counters?.('gpu_memory', Number(nowNs), gpuCounters);
    return out;
  }
}
