import { writeSync } from 'node:fs';
import type { Backend, BackendContext, RunOutcome } from '../backend.js';
import { BackendSet } from '../backend-set.js';
import { DrainLoop } from '../drain-loop.js';
import { ConsoleLogger } from '../logger.js';
import { MetricSummary } from '../metric-summary.js';
import { knownSecrets } from '../run-info.js';
import type { MetricValue } from '../values.js';
import { ForwardingLogger } from './forwarding-logger.js';
import { type ForwardedCall, RingReader } from './ring-reader.js';
import { RingSelfMetrics } from './ring-self-metrics.js';
import {
  DOORBELL,
  EXIT_ACK,
  EXIT_REASON,
  EXIT_REASONS,
  EXIT_REQUEST,
  FLUSH_ACK,
  FLUSH_REQUEST,
  SharedRing,
  SLEEPING,
  WAKE_BATCH,
} from './shared-ring.js';
import type { FinishReply, WriterReply, WriterRequest, WriterThreadData } from './writer-protocol.js';
import { errorMessage } from '../error-message.js';

/** The longest a few waiting entries wait for more before the writer reads them anyway (ms). */
const GATHER_MS = 2;

/**
 * Entries read in one pass before the writer yields a turn of its event loop (a few ms of work): during a burst
 * the backends' asynchronous writes then complete (their chunks are reused and their batches stay small instead
 * of growing to the back-pressure limit), and their timers and the training thread's requests are served.
 */
const PASS_ENTRIES = 1 << 14;

/** One turn of the event loop. */
const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Everything the writer thread runs: the real `BackendSet` over the backends it built, a `RingReader` feeding
 * a `DrainLoop` (rows, duplicate keys, `trainscope/*` rows — the same code as the in-thread drain), and the
 * requests of the training thread (start, flush, finish, forwarded calls, the synchronous exit flush).
 *
 * Its loop sleeps on the ring's doorbell with `Atomics.waitAsync` (so replies and requests keep flowing) for
 * at most `logging.drainIntervalMs`, then reads whatever arrived.
 */
export class WriterService {
  private readonly ring: SharedRing;
  private readonly logger: ForwardingLogger;
  private readonly summary = new MetricSummary();
  private readonly backends: BackendSet;
  private readonly drainLoop: DrainLoop;
  private readonly reader: RingReader;
  private closed = false;

  constructor(
    private readonly data: WriterThreadData,
    backends: readonly Backend[],
    private readonly post: (message: WriterReply) => void,
  ) {
    this.ring = new SharedRing(data.buffer);
    this.logger = new ForwardingLogger(post);
    this.backends = new BackendSet(backends, this.logger);
    // The drain takes its values straight from the ring (the reader is its source), in batches `pump` sizes.
    this.reader = new RingReader(
      this.ring,
      data.side,
      this.summary,
      () => this.drainLoop.drain(),
      this.runCall,
    );
    const self = new RingSelfMetrics(this.reader, this.backends, this.summary);
    const { logging, profiling } = data.options;
    this.drainLoop = new DrainLoop(this.reader, this.backends, self, this.summary, this.logger, {
      async: true,
      intervalMs: logging.drainIntervalMs,
      selfReports: profiling.enabled,
      selfReportEverySteps: profiling.reportEverySteps,
    });
    self.readFrom(this.ring);
  }

  /** Where the writer's diagnostics go (the training thread's run logger). */
  get log(): ForwardingLogger {
    return this.logger;
  }

  /** Handles one request of the training thread. */
  async handle(request: WriterRequest): Promise<void> {
    if (request.kind === 'start') {
      const context: BackendContext = { run: this.data.info, logger: this.logger, summary: this.summary };
      const resumePoint = await this.backends.start(context, request.timeoutMs);
      this.post({ kind: 'reply', id: request.id, resumePoint });
      void this.loop();
    } else if (request.kind === 'flush') {
      this.reader.pump();
      await this.backends.flush(request.timeoutMs);
      this.post({ kind: 'reply', id: request.id });
    } else {
      this.post({ kind: 'reply', id: request.id, finished: await this.finish(request) });
    }
  }

  private async finish(request: Extract<WriterRequest, { kind: 'finish' }>): Promise<FinishReply> {
    while (this.reader.pump(PASS_ENTRIES) >= PASS_ENTRIES) await nextTurn();
    this.drainLoop.drainFinal();
    for (const [key, value] of request.summary) this.summary.set(key, value);
    const outcome: RunOutcome = {
      exitCode: request.exitCode,
      reason: request.reason,
      summary: this.summary,
      endTime: request.endTime,
    };
    const states = await this.backends.finish(outcome, request.deadline, request.timeoutMs);
    this.close();
    // Everything is durable: a `process.exit` racing the reply need not wait for an exit flush.
    Atomics.store(this.ring.control, EXIT_ACK, 1);
    Atomics.notify(this.ring.control, EXIT_ACK);
    const selfValues: [string, MetricValue][] = [];
    for (const [key, value] of this.summary) if (key.startsWith('trainscope/')) selfValues.push([key, value]);
    return { states, reports: this.backends.reports(states), selfValues };
  }

  /** Reads the ring until the run closes; answers the synchronous exit request. */
  private async loop(): Promise<void> {
    const control = this.ring.control;
    const waitMs = this.data.options.logging.drainIntervalMs;
    while (!this.closed) {
      const seen = Atomics.load(control, DOORBELL);
      try {
        this.reader.pump(PASS_ENTRIES);
      } catch (error) {
        this.logger.error(`the writer thread failed to read the ring: ${errorMessage(error)}`);
      }
      if (Atomics.load(control, EXIT_REQUEST) !== 0) {
        this.exitNow(Atomics.load(control, EXIT_REQUEST) - 1);
        return;
      }
      const flushRequest = Atomics.load(control, FLUSH_REQUEST);
      if (flushRequest !== Atomics.load(control, FLUSH_ACK)) this.flushNow(flushRequest);
      Atomics.store(control, SLEEPING, 1);
      // Below a batch the writer gathers: woken by a full batch, a request, or at the latest after GATHER_MS (entries
      // left) or `drainIntervalMs` (none): reading a few entries per pass cost more than the encoding, and the
      // control words bounced between the two cores on every log().
      const fill = this.ring.fill();
      if (fill < WAKE_BATCH) {
        const waited = waitAsync(control, DOORBELL, seen, fill === 0 ? waitMs : Math.min(waitMs, GATHER_MS));
        if (waited.async) await waited.value;
      } else await nextTurn();
      Atomics.store(control, SLEEPING, 0);
    }
  }

  /** `process.exit` on the training thread: everything logged is handed over and flushed synchronously. */
  private exitNow(exitCode: number): void {
    try {
      this.reader.pump();
      const reason = EXIT_REASONS[Atomics.load(this.ring.control, EXIT_REASON)] ?? 'exit';
      this.backends.finishSync({ exitCode, reason, summary: this.summary, endTime: Date.now() });
      this.printClosingLines(reason);
    } catch (error) {
      this.logger.error(`the writer thread failed in its exit flush: ${errorMessage(error)}`);
    } finally {
      this.close();
      Atomics.store(this.ring.control, EXIT_ACK, 1);
      Atomics.notify(this.ring.control, EXIT_ACK);
    }
  }

  /**
   * Where each backend's data is (and, after a crash, how to upload what the network did not get), written to
   * stderr synchronously — with the run's level and secrets — since the process exits right after the ack.
   */
  private printClosingLines(reason: RunOutcome['reason']): void {
    const options = this.data.options;
    const console = new ConsoleLogger({
      level: options.logLevel,
      secrets: knownSecrets(options),
      write: (line) => writeSync(2, line),
    });
    const say = reason === 'exit' ? console.info.bind(console) : console.warn.bind(console);
    for (const report of this.backends.reports([])) for (const line of report.lines) say(line);
  }

  /** A signal the program handles itself: everything logged is on disk, the run stays open. */
  private flushNow(request: number): void {
    try {
      this.reader.pump();
      this.backends.flushSync();
    } catch (error) {
      this.logger.error(`the writer thread failed in a synchronous flush: ${errorMessage(error)}`);
    } finally {
      Atomics.store(this.ring.control, FLUSH_ACK, request);
      Atomics.notify(this.ring.control, FLUSH_ACK);
    }
  }

  private close(): void {
    this.closed = true;
    this.ring.ring();
  }

  private readonly runCall = (call: ForwardedCall): void => {
    const backends = this.backends as unknown as Record<string, unknown>;
    const method = backends[call.method];
    let result: unknown;
    try {
      if (typeof method !== 'function') throw new Error(`BackendSet has no method ${call.method}()`);
      result = (method as (...args: readonly unknown[]) => unknown).apply(this.backends, [...call.args]);
    } catch (error) {
      this.post({ kind: 'result', id: call.id, error: errorMessage(error) });
      return;
    }
    Promise.resolve(result).then(
      (value) => this.reply(call.id, value),
      (error: unknown) => this.post({ kind: 'result', id: call.id, error: errorMessage(error) }),
    );
  };

  private reply(id: number, value: unknown): void {
    try {
      this.post({ kind: 'result', id, value });
    } catch {
      this.post({ kind: 'result', id });
    }
  }
}

/** `Atomics.waitAsync` (V8 ≥ 8.7, so every Node 20), typed here: the project's `lib` (ES2023) predates it. */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(
      array: Int32Array,
      index: number,
      value: number,
      timeoutMs: number,
    ): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;
