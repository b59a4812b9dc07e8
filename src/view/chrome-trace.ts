import { readFileSync } from 'node:fs';

export interface FlameSpan {
  readonly name: string;
  /** Microseconds from the first span. */
  readonly start: number;
  readonly duration: number;
  /** Row in the flame chart: lanes of the trace stacked, nested spans one row deeper. */
  readonly row: number;
}

export interface FlameChart {
  readonly spans: FlameSpan[];
  readonly rows: number;
  /** Lane labels by first row (`pid/tid` or the trace's thread name). */
  readonly lanes: { row: number; label: string }[];
  readonly totalSpans: number;
  readonly truncated: boolean;
}

interface TraceEvent {
  ph?: string;
  name?: unknown;
  ts?: unknown;
  dur?: unknown;
  pid?: unknown;
  tid?: unknown;
  args?: { name?: unknown };
}

/** Parses a Chrome trace; a trace still being written (no closing `]}`) is closed first. */
export function parseChromeTrace(text: string): TraceEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const body = text.trimEnd().replace(/,\s*$/, '');
    parsed = JSON.parse(body.trimStart().startsWith('[') ? `${body}]` : `${body}]}`);
  }
  if (Array.isArray(parsed)) return parsed as TraceEvent[];
  const events = (parsed as { traceEvents?: unknown }).traceEvents;
  return Array.isArray(events) ? (events as TraceEvent[]) : [];
}

/**
 * The complete (`ph:"X"`) events of a trace laid out for a flame chart: one block of rows per lane (pid, tid),
 * nesting by time containment within a lane. At most `limit` spans (the longest first when cut).
 */
export function flameChartOf(path: string, limit = 200_000): FlameChart {
  const events = parseChromeTrace(readFileSync(path, 'utf8'));
  const names = new Map<string, string>();
  const byLane = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const lane = `${String(e.pid ?? 0)}/${String(e.tid ?? 0)}`;
    if (e.ph === 'M' && e.name === 'thread_name') names.set(lane, String(e.args?.name ?? lane));
    if (e.ph !== 'X' || typeof e.ts !== 'number' || typeof e.dur !== 'number') continue;
    const list = byLane.get(lane) ?? [];
    if (list.length === 0) byLane.set(lane, list);
    list.push(e);
  }
  let all = [...byLane.values()].flat();
  const totalSpans = all.length;
  const truncated = totalSpans > limit;
  if (truncated) {
    const keep = new Set(all.sort((a, b) => (b.dur as number) - (a.dur as number)).slice(0, limit));
    for (const [lane, list] of byLane)
      byLane.set(
        lane,
        list.filter((e) => keep.has(e)),
      );
    all = [...keep];
  }
  const origin = all.reduce((m, e) => Math.min(m, e.ts as number), Number.POSITIVE_INFINITY);
  const spans: FlameSpan[] = [];
  const lanes: FlameChart['lanes'] = [];
  let nextRow = 0;
  for (const [lane, list] of [...byLane].sort(([a], [b]) => (a < b ? -1 : 1))) {
    list.sort((a, b) => (a.ts as number) - (b.ts as number) || (b.dur as number) - (a.dur as number));
    const stack: number[] = [];
    let depthMax = 0;
    for (const e of list) {
      const start = e.ts as number;
      const end = start + (e.dur as number);
      while (stack.length > 0 && stack[stack.length - 1]! <= start) stack.pop();
      spans.push({
        name: String(e.name ?? ''),
        start: start - origin,
        duration: e.dur as number,
        row: nextRow + stack.length,
      });
      depthMax = Math.max(depthMax, stack.length + 1);
      stack.push(end);
    }
    lanes.push({ row: nextRow, label: names.get(lane) ?? lane });
    nextRow += depthMax;
  }
  return { spans, rows: nextRow, lanes, totalSpans, truncated };
}
