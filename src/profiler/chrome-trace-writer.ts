import { mkdirSync } from 'node:fs';
import { createWriteStream, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import type { Operation } from './operations.js';
import { TraceLaneAssigner } from './trace-lanes.js';

export interface ChromeTraceWriterOptions {
  /** `pid` of every event: the run's rank. */
  readonly pid: number;
  /** Shown by chrome://tracing / Perfetto as the process name. */
  readonly processName: string;
  /** `process.hrtime.bigint()` of the run start (as a number); `ts` is microseconds since then. */
  readonly originNs: number;
  /** Encoded bytes waiting for the file beyond which new events are dropped (counted) instead of queued. */
  readonly maxPendingBytes?: number;
  /** Called once when the file cannot be written or events start being dropped. */
  readonly warn?: (message: string) => void;
}

const HEADER = '{"traceEvents":[\n';
const FOOTER = '\n],"displayTimeUnit":"ms"}\n';

/**
 * Writes a Chrome trace event file (chrome://tracing, Perfetto, `{"traceEvents":[...],"displayTimeUnit":"ms"}`)
 * incrementally: spans become `ph:"X"` complete events on non-overlapping lanes, memory samples `ph:"C"` counters,
 * lanes and the process get `ph:"M"` names. Events are encoded into one chunk per fold and appended through a
 * write stream; when the file falls more than `maxPendingBytes` behind, events are dropped and counted rather than
 * held in memory. `close()` terminates the JSON, so the file is valid once the run finishes.
 */
export class ChromeTraceWriter {
  /** Events handed to the file. */
  events = 0;
  /** Events dropped because the file fell behind or could not be written. */
  dropped = 0;
  private readonly lanes = new TraceLaneAssigner();
  private readonly namedLanes = new Set<number>();
  private readonly prefixes: (string | undefined)[] = [];
  private readonly maxPendingBytes: number;
  private stream: WriteStream | null = null;
  private chunk: string[] = [];
  /** Metadata events: small and needed to read the rest, so they are written even when events are dropped. */
  private metadata: string[] = [];
  private first = true;
  private failed = false;
  private warned = false;
  /** The file was more than `maxPendingBytes` behind at the last flush: spans are dropped before encoding. */
  private behind = false;
  private closing: Promise<void> | null = null;

  constructor(
    readonly path: string,
    private readonly options: ChromeTraceWriterOptions,
  ) {
    this.maxPendingBytes = options.maxPendingBytes ?? 16 * 1024 * 1024;
  }

  /** Creates the directory and the file and writes the header and process metadata. */
  open(): void {
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      const stream = createWriteStream(this.path, { encoding: 'utf8' });
      stream.on('error', (error) => {
        this.failed = true;
        this.warnOnce(`cannot write the Chrome trace ${this.path}: ${error.message}`);
      });
      this.stream = stream;
    } catch (error) {
      this.failed = true;
      this.warnOnce(`cannot create the Chrome trace ${this.path}: ${(error as Error).message}`);
      return;
    }
    this.stream.write(HEADER);
    this.metadata.push(
      `{"name":"process_name","ph":"M","pid":${this.options.pid},"tid":0,"args":{"name":${JSON.stringify(this.options.processName)}}}`,
    );
    this.metadata.push(
      `{"name":"process_sort_index","ph":"M","pid":${this.options.pid},"tid":0,"args":{"sort_index":${this.options.pid}}}`,
    );
  }

  /** Adds one span as a complete event; the lane is chosen so spans on a lane nest. */
  span(operation: Operation, startNs: number, durationNs: number, step: number, failed: boolean): void {
    if (this.failed || this.closing !== null) return;
    if (this.behind) {
      this.dropped++;
      this.warnBehind();
      return;
    }
    const startRel = startNs - this.options.originNs;
    const lane = this.lanes.assign(startRel, startRel + durationNs);
    if (!this.namedLanes.has(lane)) {
      this.namedLanes.add(lane);
      const laneName = lane === 0 ? 'main' : `async ${lane}`;
      this.metadata.push(
        `{"name":"thread_name","ph":"M","pid":${this.options.pid},"tid":${lane},"args":{"name":"${laneName}"}}`,
      );
    }
    let prefix = this.prefixes[operation.id];
    if (prefix === undefined) {
      prefix = `{"name":${JSON.stringify(operation.name)},"cat":${JSON.stringify(operation.category)},"ph":"X"`;
      this.prefixes[operation.id] = prefix;
    }
    const args = failed ? `{"step":${step},"failed":true}` : `{"step":${step}}`;
    this.push(
      `${prefix},"ts":${micros(startRel)},"dur":${micros(durationNs)},"pid":${this.options.pid},"tid":${lane},"args":${args}}`,
    );
  }

  /** Adds a counter sample (`ph:"C"`): one track per `name`, one series per key of `values`. */
  counter(name: string, timeNs: number, values: Readonly<Record<string, number>>): void {
    if (this.failed || this.closing !== null) return;
    const series: string[] = [];
    for (const [key, value] of Object.entries(values)) {
      if (Number.isFinite(value)) series.push(`${JSON.stringify(key)}:${value}`);
    }
    if (series.length === 0) return;
    this.push(
      `{"name":${JSON.stringify(name)},"ph":"C","ts":${micros(timeNs - this.options.originNs)},"pid":${this.options.pid},"tid":0,"args":{${series.join(',')}}}`,
    );
  }

  /** Appends the events encoded since the last flush to the file (or drops them if it is too far behind). */
  flush(): void {
    if (this.chunk.length === 0 && this.metadata.length === 0) return;
    let events = this.chunk;
    this.chunk = [];
    const metadata = this.metadata;
    this.metadata = [];
    const stream = this.stream;
    if (stream === null || this.failed) {
      this.dropped += events.length + metadata.length;
      return;
    }
    this.behind = stream.writableLength > this.maxPendingBytes;
    if (events.length > 0 && this.behind) {
      this.dropped += events.length;
      events = [];
      this.warnBehind();
    }
    const all = metadata.length === 0 ? events : events.length === 0 ? metadata : [...metadata, ...events];
    if (all.length === 0) return;
    let text = all.join(',\n');
    if (!this.first) text = `,\n${text}`;
    this.first = false;
    this.events += all.length;
    stream.write(text);
  }

  /** Flushes, terminates the JSON and closes the file. Idempotent. */
  close(): Promise<void> {
    if (this.closing !== null) return this.closing;
    this.flush();
    const stream = this.stream;
    this.closing =
      stream === null
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            if (this.failed || stream.destroyed) {
              resolve();
              return;
            }
            stream.once('error', () => resolve());
            stream.end(FOOTER, () => resolve());
          });
    return this.closing;
  }

  /** Lanes in use (1 for a purely synchronous trainer). */
  get laneCount(): number {
    return this.lanes.laneCount;
  }

  private push(event: string): void {
    this.chunk.push(event);
  }

  private warnBehind(): void {
    this.warnOnce(
      `the Chrome trace ${this.path} is more than ${this.maxPendingBytes} bytes behind; dropping trace events (statistics are unaffected)`,
    );
  }

  private warnOnce(message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.options.warn?.(message);
  }
}

/** `.001` … `.999` without trailing zeros, index 0 = no fraction. */
const FRACTIONS = Array.from({ length: 1000 }, (_, i) =>
  i === 0 ? '' : `.${String(i).padStart(3, '0')}`.replace(/0+$/, ''),
);

/**
 * Nanoseconds as microseconds with at most three decimals, as a JSON number. Integer formatting only: converting a
 * fractional double to a string is several times slower, and this runs once per event.
 */
function micros(ns: number): string {
  const n = Math.round(ns);
  const abs = n < 0 ? -n : n;
  const whole = Math.floor(abs / 1000);
  const text = `${whole}${FRACTIONS[abs - whole * 1000]}`;
  return n < 0 ? `-${text}` : text;
}
