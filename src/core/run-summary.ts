import type { BackendStats, RunInfo } from './backend.js';
import type { MetricValue } from './values.js';

export interface RunSummaryInput {
  readonly info: RunInfo;
  readonly exitCode: number;
  readonly reason: string;
  readonly steps: number;
  readonly durationMs: number;
  readonly summary: ReadonlyMap<string, MetricValue>;
  readonly logCalls: number;
  readonly logNsP50: number;
  readonly logNsP99: number;
  /** How many calls the quantiles come from (1 in `CALL_SAMPLE_EVERY` is timed). */
  readonly logSamples?: number;
  /** What one `log()` call costs the trainer on average (ns), its share of the drains included. */
  readonly logNsMean: number;
  /** Total time spent draining on the trainer's thread (ns). */
  readonly drainNs: number;
  readonly queuePeak: number;
  readonly queueCapacity: number;
  readonly dropped: number;
  readonly droppedByPriority: readonly number[];
  /** Writer-thread mode: how often and how long `log()` waited for room in the full ring (high values only). */
  readonly callerWaits?: { readonly count: number; readonly ms: number };
  readonly backends: readonly {
    name: string;
    stats: BackendStats;
    lines: readonly string[];
    state: string;
  }[];
  readonly profilerLines: readonly string[];
}

const MAX_SUMMARY_KEYS = 12;
const INSTRUMENTATION_PREFIXES = ['profiling/', 'performance/'];

/** The end-of-run report: what was logged, what trainscope cost the trainer, where each backend wrote. */
export function formatRunSummary(input: RunSummaryInput): string[] {
  const lines: string[] = [];
  const seconds = (input.durationMs / 1000).toFixed(1);
  lines.push(
    `run ${input.info.name} (${input.info.id}) finished: exit code ${input.exitCode}` +
      `${input.reason === 'finish' ? '' : ` (${input.reason})`}, step ${input.steps}, ${seconds} s`,
  );
  // The trainer's own metrics first; what trainscope's profiler logs is reported by its own lines below.
  const scalars: string[] = [];
  const instrumentation: string[] = [];
  for (const [key, value] of input.summary) {
    if (typeof value !== 'number' || key.startsWith('trainscope/')) continue;
    const target = INSTRUMENTATION_PREFIXES.some((p) => key.startsWith(p)) ? instrumentation : scalars;
    target.push(`${shortKey(key)}=${formatNumber(value)}`);
  }
  scalars.push(...instrumentation);
  if (scalars.length > 0) {
    const shown = scalars.slice(0, MAX_SUMMARY_KEYS).join('  ');
    const more = scalars.length > MAX_SUMMARY_KEYS ? `  (+${scalars.length - MAX_SUMMARY_KEYS} more)` : '';
    lines.push(`summary: ${shown}${more}`);
  }
  const cost = Number.isNaN(input.logNsP50)
    ? `${input.logCalls} log() calls`
    : `${input.logCalls} log() calls, p50 ${formatNs(input.logNsP50)}, p99 ${formatNs(input.logNsP99)} on the caller's thread (${input.logSamples === undefined ? 'sampled' : `${input.logSamples} timed`}); ` +
      `mean ${formatNs(input.logNsMean)} per call with draining (${(input.drainNs / 1e6).toFixed(1)} ms drained on this thread)`;
  lines.push(`${cost}; queue peak ${input.queuePeak}/${input.queueCapacity}`);
  if (input.callerWaits !== undefined) {
    const { count, ms } = input.callerWaits;
    lines.push(
      `encoding and I/O ran on the writer thread; log() waited for it ${count} time${count === 1 ? '' : 's'} (${ms.toFixed(1)} ms, included in the figures above)`,
    );
  }
  if (input.dropped > 0) {
    lines.push(
      `dropped ${input.dropped} values because the queue was full (low ${input.droppedByPriority[2] ?? 0}, medium ${input.droppedByPriority[1] ?? 0}); raise logging.queueCapacity or log less often`,
    );
  }
  for (const backend of input.backends) {
    const s = backend.stats;
    const parts = [`${formatBytes(s.bytesWritten)} written`];
    if (s.requests > 0)
      parts.push(
        `${s.requests} requests`,
        `${s.retries} retries`,
        `${s.sendLatencyMs.toFixed(1)} ms mean latency`,
      );
    if (s.errors > 0) parts.push(`${s.errors} errors`);
    if (s.dropped > 0) parts.push(`${s.dropped} dropped`);
    lines.push(`${backend.name}: ${parts.join(', ')}${backend.state === 'ok' ? '' : ` [${backend.state}]`}`);
    for (const line of backend.lines) lines.push(`${backend.name}: ${line}`);
  }
  for (const line of input.profilerLines) lines.push(`profiler: ${line}`);
  return lines;
}

/** Keys longer than this are cut with `…` in the summary line (a 1,024-character key would fill the screen). */
const MAX_SUMMARY_KEY_LENGTH = 48;

function shortKey(key: string): string {
  return key.length > MAX_SUMMARY_KEY_LENGTH ? `${key.slice(0, MAX_SUMMARY_KEY_LENGTH - 1)}…` : key;
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3 ? value.toExponential(3) : value.toPrecision(4);
}

function formatNs(ns: number): string {
  return ns >= 1000 ? `${(ns / 1000).toFixed(1)} µs` : `${Math.round(ns)} ns`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
