import { parseWandbJson } from '../wandb-json.js';

/**
 * Where an earlier run with this id left off, from W&B's `RunResumeStatus` (online) or from the last local
 * run directory of the id (offline). Plain data: what the model, the sinks and the run record continue from.
 */
export interface WandbResumeState {
  /** Where the facts come from: the server, or the local run directory named. */
  readonly source: 'server' | string;
  /** The step the next history row gets: the last `_step` + 1 (0 when the run has no history). */
  readonly startingStep: number;
  /** The earlier sessions' runtime in seconds: `_runtime` continues from it. */
  readonly runtimeSeconds: number;
  /** Lines the server holds of each streamed file (0 for a local run: a sync asks the server then). */
  readonly historyOffset: number;
  readonly eventsOffset: number;
  readonly outputOffset: number;
  /** The earlier config (plain values), merged under this session's. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The earlier summary, key → W&B JSON text (without `_wandb`). */
  readonly summary: ReadonlyMap<string, string>;
}

/** Nothing known of an earlier run (it continues at step 0). */
export function emptyResumeState(source: string): WandbResumeState {
  return {
    source,
    startingStep: 0,
    runtimeSeconds: 0,
    historyOffset: 0,
    eventsOffset: 0,
    outputOffset: 0,
    config: {},
    summary: new Map(),
  };
}

/** `RunResumeStatus`'s `bucket` (JSON strings as the server sends them). */
export interface ResumeBucket {
  readonly historyLineCount?: number | null;
  readonly eventsLineCount?: number | null;
  readonly logLineCount?: number | null;
  readonly historyTail?: string | null;
  readonly eventsTail?: string | null;
  readonly config?: string | null;
  readonly summaryMetrics?: string | null;
}

/**
 * The resume state of a run the server holds (protocol-2 §4): step = last tail `_step` + 1, runtime = the
 * largest of the last history/events `_runtime` and the summary's `_wandb.runtime`, offsets from the line counts
 * (the output too, unlike 0.15.12), config unwrapped from `{desc, value}`.
 */
export function resumeStateFromBucket(bucket: ResumeBucket): WandbResumeState {
  const history = tailRows(bucket.historyTail);
  const events = tailRows(bucket.eventsTail);
  const lastHistory = history[history.length - 1];
  const summary = jsonObject(bucket.summaryMetrics);
  const lastStep = numberField(lastHistory, '_step');
  const runtimes = [
    numberField(lastHistory, '_runtime'),
    numberField(events[events.length - 1], '_runtime'),
    numberField(jsonObject(JSON.stringify(summary._wandb ?? {})), 'runtime'),
  ].filter((n): n is number => n !== undefined);
  return {
    source: 'server',
    startingStep: lastStep === undefined ? 0 : Math.trunc(lastStep) + 1,
    runtimeSeconds: runtimes.length > 0 ? Math.max(...runtimes) : 0,
    historyOffset: count(bucket.historyLineCount),
    eventsOffset: count(bucket.eventsLineCount),
    outputOffset: count(bucket.logLineCount),
    config: unwrapConfig(jsonObject(bucket.config)),
    summary: summaryTexts(summary),
  };
}

/** The summary object as key → JSON text, without W&B's own `_wandb`. */
export function summaryTexts(summary: Readonly<Record<string, unknown>>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(summary)) {
    if (key !== '_wandb') texts.set(key, JSON.stringify(value));
  }
  return texts;
}

function unwrapConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, wrapped] of Object.entries(config)) {
    if (key === '_wandb') continue;
    const isWrapped = typeof wrapped === 'object' && wrapped !== null && 'value' in wrapped;
    out[key] = isWrapped ? (wrapped as { value: unknown }).value : wrapped;
  }
  return out;
}

function tailRows(tail: string | null | undefined): Record<string, unknown>[] {
  const lines = parse(tail);
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((line) => {
    const row = typeof line === 'string' ? parse(line) : line;
    return typeof row === 'object' && row !== null ? [row as Record<string, unknown>] : [];
  });
}

function jsonObject(text: string | null | undefined): Record<string, unknown> {
  const value = parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function parse(text: string | null | undefined): unknown {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return parseWandbJson(text);
  } catch {
    return undefined;
  }
}

function numberField(row: Record<string, unknown> | undefined, key: string): number | undefined {
  const value = row?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function count(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}
