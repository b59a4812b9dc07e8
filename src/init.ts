/**
 * The composition root: the one place that knows every part of trainscope. It reads the options, works out the
 * run's identity and rank, builds the configured backends and the profiler, and hands them to a core `Run`.
 * `core/` itself knows no tracker and no profiler (a test enforces that it imports nothing outside `core/`).
 */
import type { Backend } from './core/backend.js';
import { currentHandle, setCurrentHandle } from './core/current.js';
import { ConsoleLogger } from './core/logger.js';
import { distributedWarnings } from './core/distributed-warnings.js';
import { parseOptions, type ResolvedOptions, type TrainscopeOptions } from './core/options.js';
import { resolveRank } from './core/rank.js';
import { Run } from './core/run.js';
import type { RunProfiler } from './core/run-handle.js';
import { createRunInfo, knownSecrets } from './core/run-info.js';
import { unknownOptionKeys, unknownOptionsWarning } from './core/unknown-options.js';
import { createProfiler } from './profiler/index.js';
import { startWriterThread } from './writer-thread/start-writer-thread.js';
import { readResumeFileId } from './trackers/wandb/resume/resume-file.js';

/** What `init()` takes besides the options. */
export interface InitExtras {
  /** Backends to use besides the configured ones: custom exporters, or a recording backend in tests. */
  readonly backends?: readonly Backend[];
  /** A profiler to use instead of the built-in one (`profiling.enabled` still decides whether one is used). */
  readonly profiler?: RunProfiler;
}

/**
 * Starts a run and makes it the current run (as `wandb.init`). A run still active is finished first, with a
 * warning. Options are validated (`OptionsError` names each bad field); `extras.backends` adds custom backends
 * to the configured TensorBoard / W&B ones.
 */
export function init(options: TrainscopeOptions | ResolvedOptions, extras: InitExtras = {}): Promise<Run> {
  // Calls are serialized, so two `init()`s not awaited in between still finish one run before starting the next.
  const next = pendingInit.then(() => startRun(options, extras));
  pendingInit = next.catch(() => undefined);
  return next;
}

let pendingInit: Promise<unknown> = Promise.resolve();

/** The run started by the last `init()` and not yet finished, or `null`. */
export function currentRun(): Run | null {
  const handle = currentHandle();
  return handle instanceof Run ? handle : null;
}

async function startRun(options: TrainscopeOptions | ResolvedOptions, extras: InitExtras): Promise<Run> {
  const resolved = withAutoResumeId(parseOptions(options));
  const previous = currentRun();
  if (previous !== null) {
    previous.logger.warn(`init() was called while run ${previous.name} is active; finishing it first`);
    await previous.finish();
  }
  const rank = resolveRank(resolved);
  const info = createRunInfo(resolved, rank);
  const profiler = resolved.profiling.enabled
    ? (extras.profiler ?? createProfiler(resolved.profiling))
    : undefined;
  const writer = usesWriterThread(resolved, extras)
    ? await startWriterThread(
        resolved,
        info,
        new ConsoleLogger({ level: resolved.logLevel, secrets: knownSecrets(resolved) }),
      )
    : undefined;
  // The trackers' modules load only where they run: with a writer thread, on that thread alone (the training
  // thread then neither compiles them nor keeps what loading them leaves in its young generation).
  const backends = writer
    ? []
    : [...(await import('./create-backends.js')).createBackends(resolved, info), ...(extras.backends ?? [])];
  const run = new Run(resolved, info, backends, profiler, writer);
  const unknown = unknownOptionKeys(options);
  if (unknown.length > 0) run.logger.warn(unknownOptionsWarning(unknown, 'the options'));
  for (const warning of distributedWarnings(resolved, info, rank)) run.logger.warn(warning);
  await run.start();
  setCurrentHandle(run);
  return run;
}

/**
 * Whether the run's backends go to a writer thread: `logging.thread: 'worker'` (the default), unless
 * `logging.async: false` asks for writes inside each `log()` call, or `extras.backends` holds backends built
 * here (objects with functions cannot cross to another thread), which keep the run on the training thread.
 */
function usesWriterThread(resolved: ResolvedOptions, extras: InitExtras): boolean {
  const configured =
    resolved.tensorboard !== false || (resolved.wandb !== false && resolved.wandb.mode !== 'disabled');
  const { thread, async } = resolved.logging;
  return thread === 'worker' && async && configured && (extras.backends ?? []).length === 0;
}

/**
 * `resume: 'auto'` without an id: the id of the run that last started with `auto` in the W&B directory and did
 * not finish cleanly (W&B's `wandb-resume.json`), else a fresh run.
 */
function withAutoResumeId(resolved: ResolvedOptions): ResolvedOptions {
  const wandb = resolved.wandb;
  if (
    resolved.resume !== 'auto' ||
    resolved.id !== undefined ||
    (wandb !== false && wandb.runId !== undefined)
  )
    return resolved;
  const id = readResumeFileId(wandb === false ? '.' : wandb.dir);
  return id === undefined ? resolved : { ...resolved, id };
}
