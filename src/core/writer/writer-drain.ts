import type { SelfMetrics } from '../self-metrics.js';
import type { DrainControl } from '../value-queue.js';
import type { RingQueue } from './ring-queue.js';
import {
  LOG_CALLS,
  LOG_NS_P50,
  LOG_NS_P99,
  READ,
  SLEEPING,
  type SharedRing,
  WAKE_BATCH,
} from './shared-ring.js';

/** How often (in `log()` calls) the sampled `log()` quantiles are published for the writer's rows. */
const QUANTILES_EVERY = 1 << 16;
/**
 * The first calls publish the quantiles every time (a few samples: cheap), so that the whole path has run, with
 * type feedback, before `log()` is optimized: its first run 65,536 calls in deoptimized the trainer's loop that
 * inlines `log()` (a function's first few calls record no feedback in V8).
 */
const EARLY_PUBLICATIONS = 256;
/**
 * The `log()` call that rings the writer whatever it does, besides the first: V8 records type feedback only from
 * about a function's eighth call on, so the first call's ring left that path without any.
 */
const FEEDBACK_WAKE_CALL = 64;
/** One wait slice while the ring is full of high values. */
const WAIT_SLICE_MS = 20;

/**
 * The training thread's side of the drain when the writer thread does it (`DrainControl`): publishes the
 * ring's write index after each `log()`, wakes the writer when a batch is waiting (below that the writer reads
 * the ring every `logging.drainIntervalMs` on its own), and — the only place the training thread ever waits —
 * waits with `Atomics.wait` on the read index when the ring is full of high values. Every wait is counted and
 * timed for the end-of-run summary.
 *
 * A trainer that yields every step is not woken after each step as the in-thread drain is: a wake of the writer
 * (the futex, its event-loop turn, a drain and the backends' writes for a handful of values) cost ~250 µs of
 * CPU on the development machine, about 1 % of a 20 ms training step, while every value reaches the backends
 * within `drainIntervalMs` all the same.
 */
export class WriterDrain implements DrainControl {
  /** Waits for room (ring full of high values), and their total time. */
  waits = 0;
  waitNs = 0;
  /** Set when the writer thread is gone: nothing waits for it any more. */
  dead = false;
  private callsSincePublish = 0;

  constructor(
    private readonly ring: SharedRing,
    private readonly queue: RingQueue,
    private readonly waitBudgetMs: number,
  ) {}

  /** The run's `SelfMetrics`, whose `log()` figures are published for the writer's `trainscope/*` rows. */
  private self: SelfMetrics | undefined;

  measure(self: SelfMetrics): void {
    this.self = self;
    self.waitSource = this;
  }

  start(): void {}

  stop(): void {}

  afterLog(): void {
    this.queue.publish();
    const calls = this.self?.calls ?? 0;
    this.ring.figures[LOG_CALLS] = calls;
    if (++this.callsSincePublish >= QUANTILES_EVERY || calls <= EARLY_PUBLICATIONS) this.publishQuantiles();
    // One call site for every reason to ring. The first `log()` rings whether or not the writer sleeps (otherwise it
    // stayed pending and woke the writer at a later, arbitrary call). Call `FEEDBACK_WAKE_CALL` takes the whole
    // test, batch included, and rings, so that every part of it has type feedback before `log()` is optimized:
    // without it, the first wake of a writer that went to sleep during a burst deoptimized `log()` (and the
    // trainer's loop that inlines it) in about half of the writer-thread bench's processes. Other calls read the
    // batch (the writer's read index) only while the writer sleeps.
    const feedbackCall = calls === FEEDBACK_WAKE_CALL;
    const sleeping = Atomics.load(this.ring.control, SLEEPING) !== 0;
    if (((sleeping || feedbackCall) && this.queue.size >= WAKE_BATCH) || calls === 1 || feedbackCall) {
      this.ring.ring();
    }
  }

  drain(): void {
    this.queue.publish();
    this.publishQuantiles();
    this.ring.ring();
    if (this.queue.free < 2) this.waitForRoom(2);
  }

  drainFinal(): void {
    this.drain();
  }

  /** Waits (bounded by the finish timeout) until `entries` are free; false when they did not free up. */
  waitForRoom(entries: number): boolean {
    if (this.dead) return false;
    const started = process.hrtime.bigint();
    const deadline = Date.now() + this.waitBudgetMs;
    const control = this.ring.control;
    this.waits++;
    while (this.queue.free < entries && !this.dead && Date.now() < deadline) {
      this.ring.ring();
      Atomics.wait(control, READ, Atomics.load(control, READ), WAIT_SLICE_MS);
    }
    this.waitNs += Number(process.hrtime.bigint() - started);
    return this.queue.free >= entries;
  }

  private publishQuantiles(): void {
    this.callsSincePublish = 0;
    const self = this.self;
    if (self === undefined) return;
    const figures = this.ring.figures;
    figures[LOG_CALLS] = self.calls;
    const [p50, p99] = self.callQuantiles();
    figures[LOG_NS_P50] = p50 as number;
    figures[LOG_NS_P99] = p99 as number;
  }
}
