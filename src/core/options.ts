import { z } from 'zod';
import { DistributedOptionsSchema } from './distributed-options.js';
import { describeIssues, formatIssues } from './options-issues.js';

/** Priority of one metric for selective logging. */
export const PrioritySchema = z.enum(['high', 'medium', 'low']);
export type Priority = z.infer<typeof PrioritySchema>;

/** `high` logs only high-priority metrics, `medium` high + medium, `all` everything. */
export const LoggingLevelSchema = z.enum(['high', 'medium', 'all']);
export type LoggingLevel = z.infer<typeof LoggingLevelSchema>;

export const LoggingThreadSchema = z.enum(['worker', 'main']);
export type LoggingThread = z.infer<typeof LoggingThreadSchema>;

function defaultLoggingThread(): LoggingThread {
  return process.env.TRAINSCOPE_LOGGING_THREAD === 'main' ? 'main' : 'worker';
}

const name = z
  .string()
  .min(1, 'must not be empty')
  .max(256, 'must be at most 256 characters')
  .refine((s) => !/[\u0000-\u001f]/.test(s), 'must not contain control characters');

export const LoggingOptionsSchema = z.object({
  /** Metrics under the prefixes in `intervalPrefixes` go out every `interval` steps. */
  interval: z.number().int('must be an integer').min(1, 'must be at least 1').default(1),
  intervalPrefixes: z.array(z.string()).default(['training']),
  level: LoggingLevelSchema.default('all'),
  /** Per-metric priorities, by bare name (`loss`) or full tag (`training/loss`); override the defaults. */
  priorities: z.record(z.string(), PrioritySchema).default({}),
  /** Priority of metrics with none of their own (not in `priorities`, no decorator, no `log` option). */
  defaultPriority: PrioritySchema.default('medium'),
  /** Encode and write in the background (default). `false` drains synchronously on every `log`. */
  async: z.boolean().default(true),
  /** Values the in-memory queue holds before it drops low-priority values (`thread: 'main'`). */
  queueCapacity: z.number().int().min(16, 'must be at least 16').default(100_000),
  /**
   * The writer thread's ring (`thread: 'worker'`): the most shared memory it may take, in MiB. It holds as many
   * 16-byte entries (one per value, one per `log()` call) as fit, rounded down to a power of two, so that a
   * trainer's burst is absorbed while the writer catches up; memory pages are only committed as the ring is used.
   */
  ringMiB: z.number().min(1, 'must be at least 1').max(4096, 'must be at most 4096').default(64),
  /**
   * How long logged values may wait before they reach the backends (ms): the in-thread drain runs at the trainer's
   * next event-loop turn or, when it does not yield, this often; the writer thread reads the ring this often, or
   * at once when a batch (256 entries) is waiting and on `flush()`/`finish()`.
   */
  drainIntervalMs: z.number().int().min(1).default(100),
  /**
   * Where rows are built, encoded and written: `worker` (default) on a writer thread, so `log()` only copies
   * values into a shared ring; `main` on the training thread, between its event-loop turns. The environment
   * variable `TRAINSCOPE_LOGGING_THREAD` changes the default.
   */
  thread: LoggingThreadSchema.default(defaultLoggingThread),
});

export const ProfilingOptionsSchema = z.object({
  enabled: z.boolean().default(true),
  /**
   * System metrics (CPU, memory, disk, network, event-loop delay, GPU) sampling period in seconds, W&B's
   * `_stats_sample_rate_seconds`; each report is the mean of 15 samples. 0 turns them off.
   */
  systemMetricsSecs: z.number().min(0).default(2),
  gpu: z.enum(['auto', 'off']).default('auto'),
  /** Heap is sampled on every Nth call of a profiled method (1 = every call). */
  memorySampleEvery: z.number().int().min(1).default(16),
  /** Operations whose share of total profiled time is at least this are reported as bottlenecks. */
  bottleneckThreshold: z.number().min(0).max(1).default(0.1),
  /** Log `profiling/timing/<op>` and `profiling/memory/<op>` every N steps (0 = only at finish). */
  reportEverySteps: z.number().int().min(0).default(100),
  /** Write a Chrome trace (chrome://tracing, Perfetto) of every span; `true` uses `traces/<run>.pt.trace.json`. */
  trace: z.union([z.boolean(), z.object({ path: z.string().min(1) })]).default(false),
});

export const TensorBoardOptionsSchema = z.object({
  logDir: z.string().min(1).default('runs'),
  /** Sub-directory of `logDir` for this run; default `<run name>`. */
  runName: name.optional(),
  /** Appended to the run directory name, as `SummaryWriter(comment=...)`. */
  comment: z.string().default(''),
  flushSecs: z.number().positive('must be positive').default(30),
  /** Pending records that force a flush. */
  maxQueue: z.number().int().min(1).default(10),
  filenameSuffix: z.string().default(''),
  /** Steps at or above this are marked purged (TensorBoard's `SessionLog.START`), as after a restart. */
  purgeStep: z.number().int().min(0).optional(),
});

export const WandbModeSchema = z.enum(['auto', 'online', 'offline', 'disabled']);
export type WandbMode = z.infer<typeof WandbModeSchema>;

export const WandbOptionsSchema = z.object({
  mode: WandbModeSchema.default('auto'),
  /** Directory under which `wandb/` is created. */
  dir: z.string().min(1).default('.'),
  entity: name.optional(),
  /** Overrides the run's project for W&B. */
  project: name.optional(),
  baseUrl: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  apiKey: z.string().min(1, 'must not be empty').optional(),
  /** Run id to use (8 characters `[a-z0-9]` by default, generated). */
  runId: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'must be 1-64 characters of a-z, A-Z, 0-9, _ or -')
    .optional(),
  /** Keep the run in a local offline file when the server cannot be reached, instead of losing it. */
  spool: z.boolean().default(true),
  /** Per-request timeout in milliseconds. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** How long to keep retrying a failing request before spooling (ms). */
  retryBudgetMs: z.number().int().positive().default(120_000),
  /** Console capture for W&B's Logs tab: `wrap` tees stdout/stderr writes (the terminal is unchanged); `off`. */
  console: z.enum(['wrap', 'off']).default('wrap'),
});

export const ResumeModeSchema = z.enum(['allow', 'must', 'never', 'auto']);

export const TrainscopeOptionsSchema = z.object({
  project: name,
  name: name.optional(),
  /** The run's id (as `wandb.init(id=)`); `wandb.runId` wins for W&B. Reuse it with `resume` to continue a run. */
  id: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'must be 1-64 characters of a-z, A-Z, 0-9, _ or -')
    .optional(),
  /** Continue earlier data of this id (W&B's `resume`): `allow`, `must`, `never`, or `auto` (the last crashed run). */
  resume: ResumeModeSchema.optional(),
  /** With `resume`: continue from this step (a checkpoint's) even if earlier data goes further (rewind). */
  resumeStep: z.number().int('must be an integer').min(0, 'must be at least 0').optional(),
  config: z.record(z.string(), z.unknown()).default({}),
  tags: z.array(name).default([]),
  notes: z.string().optional(),
  group: name.optional(),
  jobType: name.optional(),
  rank: z.number().int().min(0).optional(),
  worldSize: z.number().int().min(1).optional(),
  /** Which ranks log what in a multi-process job (see `DistributedOptionsSchema`). */
  distributed: DistributedOptionsSchema.prefault({}),
  logging: LoggingOptionsSchema.prefault({}),
  profiling: ProfilingOptionsSchema.prefault({}),
  tensorboard: z.union([z.literal(false), TensorBoardOptionsSchema]).prefault({}),
  wandb: z.union([z.literal(false), WandbOptionsSchema]).prefault({}),
  /** Finish the run on SIGINT, SIGTERM, uncaught exceptions and process exit. */
  handleExit: z.boolean().default(true),
  /** Default timeout of `finish()` (ms). */
  finishTimeoutMs: z.number().int().positive().default(30_000),
  /** trainscope's own console output. */
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

/** What `init()` accepts: everything but `project` is optional. */
export type TrainscopeOptions = z.input<typeof TrainscopeOptionsSchema>;
/** Options after validation, with every default filled in. */
export type ResolvedOptions = z.output<typeof TrainscopeOptionsSchema>;
export type LoggingOptions = z.output<typeof LoggingOptionsSchema>;
export type ProfilingOptions = z.output<typeof ProfilingOptionsSchema>;
export type TensorBoardOptions = z.output<typeof TensorBoardOptionsSchema>;
export type WandbOptions = z.output<typeof WandbOptionsSchema>;

/** An option failed validation. `issues` name each field by its path (`logging.interval`) and why. */
export class OptionsError extends Error {
  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(`invalid trainscope options:\n${formatIssues(issues)}`);
    this.name = 'OptionsError';
  }
}

/** Validates options and fills in defaults. Throws `OptionsError` naming every bad field. */
export function parseOptions(input: unknown): ResolvedOptions {
  const result = TrainscopeOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  throw new OptionsError(describeIssues(result.error.issues));
}
