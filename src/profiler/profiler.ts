import { join } from 'node:path';
import type { ProfilingOptions } from '../core/options.js';
import type { ProfilerHost, RunProfiler } from '../core/run-handle.js';
import { type TableCell, table, text } from '../core/values.js';
import { BottleneckAnalyzer, type RankedOperation, formatPercent, round } from './bottleneck-analyzer.js';
import { ChromeTraceWriter } from './chrome-trace-writer.js';
import { detectGpuProviders, type GpuTools, gpuTools } from './gpu/gpu-tool-detection.js';
import {
  detectLoadedTensorflow,
  isMemorySource,
  type TensorflowMemorySource,
} from './gpu/tfjs-memory-provider.js';
import type { OperationStats } from './operation-stats.js';
import { OperationStatsTable } from './operation-stats-table.js';
import { formatProfileTable } from './profile-table-formatter.js';
import { type SpanConsumer, SpanRing } from './span-ring.js';
import type { HostCounters } from './system/host-counters.js';
import { SystemMetricsSampler } from './system-metrics-sampler.js';

/** Tuning knobs that are not user options (tests and benchmarks use them). */
export interface ProfilerSettings {
  /** Span ring slots (rounded up to a power of two). Default 65,536 (2.3 MiB). */
  readonly ringCapacity?: number;
  /** Background fold period in ms while the event loop is free. Default 250. */
  readonly foldIntervalMs?: number;
  /** System-metrics period in ms, overriding `systemMetricsSecs` (tests use short ones). */
  readonly systemMetricsIntervalMs?: number;
  /** System samples per report (W&B's `_stats_samples_to_average`, 1–30). Default 15. */
  readonly systemSamplesToAverage?: number;
  /** Where machine and process counters are read (tests give scripted ones). */
  readonly hostCounters?: HostCounters;
  /** nvidia-smi executable (default `$NVIDIA_SMI_PATH` or `nvidia-smi`). */
  readonly nvidiaSmiPath?: string;
  /** rocm-smi / apple_gpu_stats executables and whether this is Apple silicon (default: from the environment). */
  readonly gpuTools?: Partial<GpuTools>;
  /** nvidia-smi exits before giving up. Default 3. */
  readonly nvidiaSmiMaxFailures?: number;
  /** Base delay between nvidia-smi restarts in ms. Default 1000. */
  readonly nvidiaSmiRestartDelayMs?: number;
  /** Current time in ms since the epoch (for the trace file name). */
  readonly now?: () => number;
}

export const OPERATIONS_TABLE_COLUMNS = [
  'operation',
  'category',
  'calls',
  'errors',
  'total_ms',
  'mean_ms',
  'min_ms',
  'p50_ms',
  'p95_ms',
  'p99_ms',
  'max_ms',
  'mean_heap_delta_mb',
  'max_heap_delta_mb',
];

const LOG_PRIORITY = 'medium';
const MB = 1024 * 1024;

/**
 * The run's profiler. Spans arrive on the trainer's call stack through `spans` (a `SpanRing`: six typed-array
 * stores, nothing else) and are folded in the background — on a timer while the event loop is free, on `onStep`
 * when the ring is half full or a report is due, and at `finish` — into per-operation statistics and the Chrome
 * trace.
 *
 * Logged through the run (all at the current step with `commit: false`):
 * - every `reportEverySteps` steps and at finish, `profiling/timing/<op>` (mean ms of the window's calls) and
 *   `profiling/memory/<op>` (mean heap growth in MB of the window's sampled calls), priority `medium` so that
 *   logging level `medium` keeps them and `high` drops them;
 * - at finish, `profiling/bottlenecks` (table of the operations with share ≥ `bottleneckThreshold`),
 *   `profiling/bottlenecks/bottleneck_<i>` (one text line each, 1-based by rank) and `profiling/operations`
 *   (table of every operation with count, errors, min/p50/p95/p99/max and heap growth).
 * `<op>` is the operation's name, or `<category>/<name>` when two categories share that name.
 *
 * The Chrome trace goes to `options.trace.path`, or for `trace: true` to `traces/<run name>.<unix ms>.pt.trace.json`
 * (`traces/<run name>.rank<r>.<unix ms>.pt.trace.json` when `worldSize > 1`, so ranks never share a file).
 */
export class Profiler implements RunProfiler {
  readonly spans: SpanRing;
  /** Path of the Chrome trace being written, or undefined when tracing is off. */
  tracePath: string | undefined;
  private readonly table = new OperationStatsTable();
  private readonly analyzer: BottleneckAnalyzer;
  private readonly consumer: SpanConsumer;
  private host: ProfilerHost | null = null;
  private trace: ChromeTraceWriter | null = null;
  private sampler: SystemMetricsSampler | null = null;
  private tensorflow: TensorflowMemorySource | null = null;
  private foldTimer: NodeJS.Timeout | null = null;
  private nextReportStep = Number.POSITIVE_INFINITY;
  /** Step of the last periodic report (-1 before any). */
  private lastReportStep = -1;
  private finishing: Promise<void> | null = null;
  private finalRanking: RankedOperation[] | null = null;
  /** Resolves once GPU providers have been looked for (tests wait on it). */
  gpuDetection: Promise<void> = Promise.resolve();

  constructor(
    readonly options: ProfilingOptions,
    private readonly settings: ProfilerSettings = {},
  ) {
    this.analyzer = new BottleneckAnalyzer(options.bottleneckThreshold);
    this.spans = new SpanRing(settings.ringCapacity ?? 65_536, (op, durationNs, heapDelta, failed) =>
      this.table.record(op, Number(durationNs), heapDelta, failed),
    );
    this.spans.accepting = options.enabled;
    this.consumer = {
      consume: (op, startNs, durationNs, heapDelta, failed, step) => {
        const stats = this.table.get(op);
        if (stats === undefined) return;
        stats.record(durationNs, heapDelta, failed);
        this.trace?.span(stats.operation, startNs, durationNs, step, failed);
      },
    };
  }

  start(host: ProfilerHost): void {
    if (this.host !== null || !this.options.enabled) return;
    this.host = host;
    const originNs = process.hrtime.bigint();
    this.spans.step = host.step;
    const every = this.options.reportEverySteps;
    if (every > 0) this.nextReportStep = (Math.floor(host.step / every) + 1) * every;

    if (this.options.trace !== false) {
      const now = this.settings.now?.() ?? Date.now();
      this.tracePath =
        this.options.trace === true
          ? join(
              'traces',
              `${fileSafe(host.run.name)}${host.run.worldSize > 1 ? `.rank${host.run.rank}` : ''}.${now}.pt.trace.json`,
            )
          : this.options.trace.path;
      const rank = host.run.rank;
      this.trace = new ChromeTraceWriter(this.tracePath, {
        pid: rank,
        processName: host.run.worldSize > 1 ? `${host.run.name} (rank ${rank})` : host.run.name,
        originNs: Number(originNs),
        warn: (message) => host.logger.warn(message),
      });
      this.trace.open();
    }

    const intervalMs = this.settings.systemMetricsIntervalMs ?? this.options.systemMetricsSecs * 1000;
    if (intervalMs > 0) {
      const trace = this.trace;
      const sampler = new SystemMetricsSampler(
        host,
        intervalMs,
        trace === null ? undefined : (name, timeNs, values) => trace.counter(name, timeNs, values),
        this.options.gpu === 'auto' ? detectLoadedTensorflow : undefined,
        { samplesToAverage: this.settings.systemSamplesToAverage, hostCounters: this.settings.hostCounters },
      );
      this.sampler = sampler;
      if (this.options.gpu === 'auto') {
        const tf = this.tensorflow ?? detectLoadedTensorflow();
        if (tf !== null) sampler.useTensorflow(tf);
        this.gpuDetection = this.startGpuTool(sampler, intervalMs);
      }
      sampler.start();
    }

    this.foldTimer = setInterval(() => this.fold(), this.settings.foldIntervalMs ?? 250);
    this.foldTimer.unref();
  }

  /**
   * Uses `tf.memory()` of this tfjs module for `performance/gpu_memory_*` (any object with a tfjs-shaped `memory()`).
   * Not needed when tfjs is loaded before the run starts or before a sample: it is found through its engine global.
   */
  useTensorflow(tf: unknown): void {
    if (!isMemorySource(tf)) {
      this.host?.logger.warnOnce(
        'profiler.useTensorflow',
        'useTensorflow(tf): the argument has no memory() method',
      );
      return;
    }
    this.tensorflow = tf;
    if (this.options.gpu === 'auto') this.sampler?.useTensorflow(tf);
  }

  onStep(step: number): void {
    this.spans.step = step;
    if (this.host === null || this.finishing !== null) return;
    const every = this.options.reportEverySteps;
    if (every > 0 && step < this.nextReportStep - every) {
      // The step went back (`setStep`, a resumed run): report at the next multiple of `every` from here.
      this.nextReportStep = (Math.floor(step / every) + 1) * every;
    }
    if (step >= this.nextReportStep) {
      this.nextReportStep = (Math.floor(step / every) + 1) * every;
      this.report();
    } else if (this.spans.pending * 2 >= this.spans.capacity) {
      this.fold();
    }
  }

  /** Folds pending spans into statistics and the trace now. Returns how many were folded. */
  fold(): number {
    let n = 0;
    try {
      n = this.spans.fold(this.consumer);
      this.trace?.flush();
    } catch (error) {
      this.host?.logger.warnOnce(
        'profiler.fold',
        `profiler: folding spans failed: ${(error as Error).message}`,
      );
    }
    return n;
  }

  /** Statistics of every operation with at least one span, folded up to now. */
  statistics(): readonly OperationStats[] {
    this.fold();
    return this.table.all();
  }

  /** Operations ranked by share of total profiled time (see `BottleneckAnalyzer` on nested spans). */
  ranking(): RankedOperation[] {
    return this.finalRanking ?? this.analyzer.rank(this.statistics());
  }

  finish(): Promise<void> {
    if (this.finishing === null) this.finishing = this.finishOnce();
    return this.finishing;
  }

  describe(): readonly string[] {
    const ranked = this.ranking();
    const lines: string[] = [];
    if (ranked.length === 0) {
      lines.push('Profiler: no profiled operations recorded.');
    } else {
      const spans = ranked.reduce((sum, r) => sum + r.calls, 0);
      lines.push(
        `Profiler: ${ranked.length} operations, ${spans.toLocaleString('en-US')} calls; ` +
          `* = bottleneck (share ≥ ${formatPercent(this.options.bottleneckThreshold)}; nested spans count in their parents too)`,
      );
      for (const line of formatProfileTable(ranked, this.options.bottleneckThreshold))
        lines.push(`  ${line}`);
    }
    if (this.spans.bypassed > 0) {
      lines.push(
        `  ${this.spans.bypassed.toLocaleString('en-US')} spans arrived while the span ring was full: in the statistics, not in the trace.`,
      );
    }
    if (this.tracePath !== undefined) {
      const dropped =
        this.trace !== null && this.trace.dropped > 0 ? ` (${this.trace.dropped} events dropped)` : '';
      lines.push(
        `Chrome trace: ${this.tracePath}${dropped} — open in https://ui.perfetto.dev or chrome://tracing`,
      );
    }
    return lines;
  }

  /** Starts every GPU tool that answers (nvidia-smi, rocm-smi, apple_gpu_stats) as a provider of the sampler. */
  private async startGpuTool(sampler: SystemMetricsSampler, intervalMs: number): Promise<void> {
    const host = this.host;
    const providers = await detectGpuProviders({
      tools: gpuTools({
        ...(this.settings.nvidiaSmiPath !== undefined ? { nvidiaSmi: this.settings.nvidiaSmiPath } : {}),
        ...this.settings.gpuTools,
      }),
      intervalMs,
      nvidiaSmiMaxFailures: this.settings.nvidiaSmiMaxFailures,
      nvidiaSmiRestartDelayMs: this.settings.nvidiaSmiRestartDelayMs,
      warn: (message) => host?.logger.warnOnce('profiler.gpu-tool', message),
    });
    for (const provider of providers) sampler.addProvider(provider);
  }

  /**
   * Logs `profiling/timing|memory/<op>` for the window since the last report; `final` (at finish) as part of the
   * end-of-run report, which adds no step of its own.
   */
  private report(final = false): void {
    const host = this.host;
    if (host === null) return;
    this.fold();
    this.lastReportStep = host.step;
    const all = this.table.all();
    const tags = operationTags(all);
    const metrics: Record<string, number> = {};
    for (const [i, stats] of all.entries()) {
      const window = stats.takeWindow();
      if (window.calls === 0) continue;
      metrics[`profiling/timing/${tags[i]}`] = window.meanMs;
      if (window.heapSamples > 0) metrics[`profiling/memory/${tags[i]}`] = window.meanHeapDeltaMb;
    }
    if (Object.keys(metrics).length === 0) return;
    this.safeLog(metrics, final);
  }

  private async finishOnce(): Promise<void> {
    if (this.foldTimer !== null) clearInterval(this.foldTimer);
    this.foldTimer = null;
    const host = this.host;
    if (host === null) {
      this.spans.accepting = false;
      return;
    }
    // No wait for a pending `nvidia-smi -L`: once the sampler is closed, a late provider is never started.
    await this.sampler?.close();
    // A report at the step a periodic one already used would replace it (TensorBoard keeps one point per step);
    // calls since then are in the final statistics and the bottleneck table.
    if (host.step !== this.lastReportStep) this.report(true);
    else this.fold();
    this.spans.accepting = false;
    const all = this.table.all();
    const ranked = this.analyzer.rank(all);
    this.finalRanking = ranked;
    if (all.length > 0) {
      const bottlenecks = this.analyzer.bottlenecks(ranked);
      const final: Record<string, unknown> = {};
      if (bottlenecks.length > 0) {
        final['profiling/bottlenecks'] = this.analyzer.table(bottlenecks);
        for (const [i, r] of bottlenecks.entries()) {
          final[`profiling/bottlenecks/bottleneck_${i + 1}`] = text(this.analyzer.describe(r, i + 1));
        }
      }
      final['profiling/operations'] = operationsTable(all, ranked);
      this.safeLog(final, true);
    }
    await this.trace?.close();
  }

  /** `final`: the end-of-run report, through `logReport` when the host has it (W&B: the summary, no history row). */
  private safeLog(metrics: Readonly<Record<string, unknown>>, final = false): void {
    try {
      const host = this.host;
      if (final && host?.logReport !== undefined) host.logReport(metrics, { priority: LOG_PRIORITY });
      else host?.log(metrics, { commit: false, priority: LOG_PRIORITY });
    } catch (error) {
      this.host?.logger.warnOnce('profiler.log', `profiler: logging failed: ${(error as Error).message}`);
    }
  }
}

export function createProfiler(options: ProfilingOptions, settings?: ProfilerSettings): Profiler {
  return new Profiler(options, settings);
}

/** `<name>`, or `<category>/<name>` where several categories use the same name. */
function operationTags(all: readonly OperationStats[]): string[] {
  const categoriesByName = new Map<string, Set<string>>();
  for (const s of all) {
    const set = categoriesByName.get(s.operation.name) ?? new Set<string>();
    set.add(s.operation.category);
    categoriesByName.set(s.operation.name, set);
  }
  return all.map((s) =>
    (categoriesByName.get(s.operation.name)?.size ?? 1) > 1
      ? `${s.operation.category}/${s.operation.name}`
      : s.operation.name,
  );
}

function operationsTable(all: readonly OperationStats[], ranked: readonly RankedOperation[]) {
  const order = new Map(ranked.map((r, i) => [`${r.category}\u0000${r.name}`, i]));
  const sorted = [...all].sort(
    (a, b) =>
      (order.get(`${a.operation.category}\u0000${a.operation.name}`) ?? 0) -
      (order.get(`${b.operation.category}\u0000${b.operation.name}`) ?? 0),
  );
  const rows: TableCell[][] = sorted.map((s) => [
    s.operation.name,
    s.operation.category,
    s.count,
    s.errors,
    round(s.totalMs, 3),
    round(s.meanMs, 3),
    round(s.minMs, 3),
    round(s.p50Ms, 3),
    round(s.p95Ms, 3),
    round(s.p99Ms, 3),
    round(s.maxMs, 3),
    nullIfNaN(round(s.meanHeapDelta / MB, 4)),
    nullIfNaN(round(s.maxHeapDelta / MB, 4)),
  ]);
  return table(OPERATIONS_TABLE_COLUMNS, rows);
}

function nullIfNaN(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

function fileSafe(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '');
  return safe === '' ? 'run' : safe;
}
