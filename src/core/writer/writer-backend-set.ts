import type { Worker } from 'node:worker_threads';
import type { BackendContext, Logger, MetricRow, RunOutcome } from '../backend.js';
import { type BackendFinishState, type BackendReport, BackendSet, type ResumePoint } from '../backend-set.js';
import type { MetricSummary } from '../metric-summary.js';
import { withDeadline } from '../with-deadline.js';
import type { RingQueue } from './ring-queue.js';
import {
  EXIT_ACK,
  EXIT_REASON,
  EXIT_REASONS,
  EXIT_REQUEST,
  FLUSH_ACK,
  FLUSH_REQUEST,
  type SharedRing,
} from './shared-ring.js';
import type { FinishReply, WriterReply, WriterRequest } from './writer-protocol.js';
import type { WriterDrain } from './writer-drain.js';

/** What the training thread holds of a started writer thread. */
export interface WriterThread {
  readonly worker: Worker;
  readonly ring: SharedRing;
  readonly side: import('node:worker_threads').MessagePort;
}

type Request = WriterRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The training thread's `BackendSet` when the backends live on the writer thread. `start`, `flush`, `finish`,
 * `flushSync` and `finishSync` are requests to the writer (the last two synchronous: they wait with
 * `Atomics.wait`, bounded);
 * `reports` answers from what `finish` sent back.
 *
 * Every other `BackendSet` method — `write` (the profiler's system rows) and any method added later
 * (`logModel`, summary updates, …), whose arguments are structured-cloneable by contract — is forwarded
 * generically by {@link WriterBackendSet.create}'s proxy: a marker in the ring keeps it in order with the
 * values logged before it, and the returned promise settles with the writer's result.
 */
export class WriterBackendSet extends BackendSet {
  private readonly pending = new Map<number, (reply: WriterReply | undefined) => void>();
  private nextId = 0;
  private finished: FinishReply | undefined;

  private constructor(
    private readonly thread: WriterThread,
    private readonly queue: RingQueue,
    private readonly drainer: WriterDrain,
    private readonly latest: MetricSummary,
    private readonly log: Logger,
    private readonly exitBudgetMs: number,
  ) {
    super([], log);
    thread.worker.on('message', (message: WriterReply) => this.onMessage(message));
    thread.worker.on('error', (error: Error) => this.onGone(`failed: ${error.message}`));
    thread.worker.on('exit', (code: number) => this.onGone(`exited (code ${code})`));
    thread.worker.unref();
  }

  /** The set, behind a proxy that forwards every `BackendSet` method this class does not implement. */
  static create(
    thread: WriterThread,
    queue: RingQueue,
    drainer: WriterDrain,
    latest: MetricSummary,
    logger: Logger,
    exitBudgetMs: number,
  ): WriterBackendSet {
    const set = new WriterBackendSet(thread, queue, drainer, latest, logger, exitBudgetMs);
    return new Proxy(set, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof property !== 'string' || typeof value !== 'function' || property === 'constructor')
          return value;
        if (Object.hasOwn(WriterBackendSet.prototype, property)) return value;
        if (!Object.hasOwn(BackendSet.prototype, property)) return value;
        return (...args: unknown[]) => target.forward(property, args);
      },
    });
  }

  override async start(_context: BackendContext, timeoutMs: number): Promise<ResumePoint> {
    const reply = await this.request({ kind: 'start', timeoutMs }, timeoutMs + 30_000);
    if (reply?.kind === 'reply' && reply.resumePoint !== undefined) return reply.resumePoint;
    return { resumeStep: undefined, refusals: [] };
  }

  /** The profiler's system rows: forwarded in order with the ring's values. */
  override write(rows: readonly MetricRow[]): void {
    void this.forward('write', [rows]);
  }

  override async flush(timeoutMs: number): Promise<void> {
    this.drainer.drain();
    await this.request({ kind: 'flush', timeoutMs }, timeoutMs + 5_000);
  }

  override async finish(
    outcome: RunOutcome,
    deadline: number,
    timeoutMs: number,
  ): Promise<BackendFinishState[]> {
    this.drainer.drainFinal();
    const { exitCode, reason, endTime } = outcome;
    const summary = [...outcome.summary].filter(([key]) => !key.startsWith('trainscope/'));
    const finish = { kind: 'finish', exitCode, reason, endTime, summary, deadline, timeoutMs } as const;
    const reply = await this.request(finish, Math.max(0, deadline - Date.now()) + 5_000);
    // The writer has read everything (or given up). Marked before terminating, so the worker's exit that
    // terminate() causes is not reported as a writer lost mid-run.
    this.drainer.dead = true;
    // Awaited: when finish() resolves, the writer's heap and its view of the ring are gone too.
    await this.thread.worker.terminate();
    // The run, which the program may hold on to, keeps no ring.
    this.thread.ring.retire();
    if (reply?.kind !== 'reply' || reply.finished === undefined) {
      this.log.error(
        'the writer thread did not report how the backends finished; their last data may be incomplete',
      );
      return [];
    }
    this.finished = reply.finished;
    for (const [key, value] of reply.finished.selfValues) this.latest.set(key, value);
    return reply.finished.states;
  }

  /**
   * `process.exit` or a fatal error: asks the writer to hand everything to the backends and flush synchronously,
   * and waits. The writer prints the backends' closing lines itself (the process ends before a message could
   * cross back).
   */
  override finishSync(outcome: RunOutcome): void {
    if (this.drainer.dead) return;
    const control = this.thread.ring.control;
    this.drainer.drain();
    Atomics.store(control, EXIT_REASON, Math.max(0, EXIT_REASONS.indexOf(outcome.reason)));
    Atomics.store(control, EXIT_REQUEST, outcome.exitCode + 1);
    this.thread.ring.ring();
    const answer = Atomics.wait(control, EXIT_ACK, 0, this.exitBudgetMs);
    if (answer === 'timed-out')
      this.log.error(`the writer thread did not confirm its exit flush within ${this.exitBudgetMs} ms`);
  }

  /**
   * A signal the program handles itself: asks the writer to make everything logged durable synchronously and
   * waits (bounded); the run stays open.
   */
  override flushSync(): void {
    if (this.drainer.dead) return;
    const control = this.thread.ring.control;
    this.drainer.drain();
    const request = Atomics.add(control, FLUSH_REQUEST, 1) + 1;
    this.thread.ring.ring();
    const deadline = Date.now() + this.exitBudgetMs;
    let acknowledged = Atomics.load(control, FLUSH_ACK);
    while (acknowledged !== request && Date.now() < deadline) {
      Atomics.wait(control, FLUSH_ACK, acknowledged, Math.max(1, deadline - Date.now()));
      acknowledged = Atomics.load(control, FLUSH_ACK);
    }
    if (acknowledged !== request)
      this.log.error(`the writer thread did not confirm a synchronous flush within ${this.exitBudgetMs} ms`);
  }

  override forEachStats(visit: Parameters<BackendSet['forEachStats']>[0]): void {
    for (const report of this.finished?.reports ?? []) visit(report.name, report.stats);
  }

  override reports(_states: readonly string[]): BackendReport[] {
    return this.finished?.reports ?? [];
  }

  /** Runs `method(...args)` on the writer's real `BackendSet`, after everything logged so far. */
  forward(method: string, args: readonly unknown[]): Promise<unknown> {
    if (this.drainer.dead) return Promise.resolve(undefined);
    let id = this.queue.mark(method, args);
    if (id === false && this.drainer.waitForRoom(1)) id = this.queue.mark(method, args);
    if (id === false || id === 0) return Promise.resolve(undefined);
    this.drainer.drain();
    return this.await(-id).then((reply) => {
      if (reply?.kind === 'result' && reply.error !== undefined)
        this.log.warnOnce(`writer-call-${method}`, `${method}() failed on the writer thread: ${reply.error}`);
      return reply?.kind === 'result' ? reply.value : undefined;
    });
  }

  private request(request: Request, timeoutMs: number): Promise<WriterReply | undefined> {
    if (this.drainer.dead) return Promise.resolve(undefined);
    const id = ++this.nextId;
    const answer = this.await(id);
    this.thread.worker.postMessage({ ...request, id });
    return withDeadline(answer, timeoutMs).then((settled) => (settled === 'ok' ? answer : undefined));
  }

  /** Holds the process open while the writer owes an answer (the thread itself is unref'd). */
  private await(id: number): Promise<WriterReply | undefined> {
    this.thread.worker.ref();
    return new Promise((resolve) => this.pending.set(id, resolve)).finally(() => {
      this.pending.delete(id);
      if (this.pending.size === 0) this.thread.worker.unref();
    }) as Promise<WriterReply | undefined>;
  }

  private onMessage(message: WriterReply): void {
    if (message.kind === 'log') this.log[message.level](message.message);
    else if (message.kind !== 'loaded')
      this.pending.get(message.kind === 'result' ? -message.id : message.id)?.(message);
  }

  private onGone(why: string): void {
    if (this.drainer.dead) return;
    this.drainer.dead = true;
    if (this.finished === undefined)
      this.log.error(`the writer thread ${why}; values logged from now on are lost`);
    for (const resolve of [...this.pending.values()]) resolve(undefined);
  }
}
