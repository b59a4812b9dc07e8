/**
 * `--workers N`: N data-parallel worker processes on this machine, each training its own shard of the corpus
 * with no gradient exchange (the point is logging from several ranks, not a home-made parallel engine).
 *
 * The parent is a tiny launcher: it starts this same script N times with the variables torchrun sets (`RANK`,
 * `WORLD_SIZE`, `LOCAL_RANK`, `LOCAL_WORLD_SIZE`, `MASTER_ADDR`, `MASTER_PORT`, one shared `TORCHELASTIC_RUN_ID`),
 * prefixes their output with their rank, waits, and reports each exit code. Each worker is an ordinary run of
 * the trainer that trainscope sees as one rank: training/validation metrics from rank 0, profiling and system
 * metrics from every rank (TensorBoard `runs/<run>/rank_<r>/`, one W&B run per rank in the job's group).
 * A real launcher does the same: `torchrun --nproc_per_node=4 --no-python npx tsx main.ts` or `srun -n 4 ...`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_PATH } from './corpus/corpus-file.js';
import { timestamp } from './run-training.js';
import { SeoTrainer } from './trainer.js';
import { type ResolvedOptions, rankZeroOnly, resolveRank } from './trainscope.js';

/** Set by the parent in each worker: the run name all ranks share (their TensorBoard runs sit under it). */
const RUN_NAME_ENV = 'SEO_TRAINER_RUN_NAME';

/** Where the launcher writes its own lines and the workers' prefixed output. */
export interface WorkerOutput {
  readonly stdout: Pick<NodeJS.WritableStream, 'write'>;
  readonly stderr: Pick<NodeJS.WritableStream, 'write'>;
}

export interface WorkerExit {
  readonly rank: number;
  readonly pid: number | undefined;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Removes `--workers N` / `--workers=N` from the command line the workers get. */
export function withoutWorkersFlag(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--workers') i++;
    else if (!arg.startsWith('--workers=')) out.push(arg);
  }
  return out;
}

/** The environment of one worker, as torchrun sets it for a single-node job. */
export function workerEnvironment(
  rank: number,
  count: number,
  runId: string,
  runName: string,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return {
    ...base,
    RANK: String(rank),
    WORLD_SIZE: String(count),
    LOCAL_RANK: String(rank),
    LOCAL_WORLD_SIZE: String(count),
    GROUP_RANK: '0',
    MASTER_ADDR: '127.0.0.1',
    MASTER_PORT: '29500',
    TORCHELASTIC_RUN_ID: runId,
    [RUN_NAME_ENV]: runName,
  };
}

/**
 * Starts `count` workers running `script` with `args` (under the same Node flags, so `tsx` carries over), waits
 * for all of them, prints each one's exit code, and resolves with 0 when every worker exited 0, else 1.
 */
export async function launchWorkers(
  count: number,
  script: string,
  args: readonly string[],
  runName: string,
  io: WorkerOutput = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const runId = `${runName}-${randomBytes(3).toString('hex')}`;
  io.stdout.write(`seo-llm-trainer: launching ${count} workers (job ${runId})\n`);
  const processes: ChildProcess[] = [];
  const children = Array.from({ length: count }, (_, rank) => {
    const child = spawn(process.execPath, [...process.execArgv, script, ...withoutWorkersFlag(args)], {
      env: workerEnvironment(rank, count, runId, runName),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.push(child);
    prefixLines(child.stdout, io.stdout, `[rank ${rank}] `);
    prefixLines(child.stderr, io.stderr, `[rank ${rank}] `);
    return new Promise<WorkerExit>((resolve) => {
      child.on('error', (error) => {
        io.stderr.write(`[rank ${rank}] could not start: ${error.message}\n`);
        resolve({ rank, pid: child.pid, code: 1, signal: null });
      });
      child.on('close', (code, signal) => resolve({ rank, pid: child.pid, code, signal }));
    });
  });
  // Ctrl-C reaches the workers through the terminal's process group; a `kill` of the parent is passed on.
  const onTerm = () => {
    io.stderr.write('seo-llm-trainer: SIGTERM, stopping the workers\n');
    for (const child of processes) child.kill('SIGTERM');
  };
  process.once('SIGTERM', onTerm);
  const exits = await Promise.all(children);
  process.off('SIGTERM', onTerm);
  for (const exit of exits) {
    const how = exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    io.stdout.write(`seo-llm-trainer: worker rank ${exit.rank} (pid ${exit.pid ?? '?'}) ${how}\n`);
  }
  return exits.every((e) => e.code === 0) ? 0 : 1;
}

function prefixLines(
  from: NodeJS.ReadableStream,
  to: Pick<NodeJS.WritableStream, 'write'>,
  prefix: string,
): void {
  let pending = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const lines = (pending + chunk).split(/\r?\n|\r/);
    pending = lines.pop() ?? '';
    for (const line of lines) to.write(`${prefix}${line}\n`);
  });
  from.on('end', () => {
    if (pending !== '') to.write(`${prefix}${pending}\n`);
  });
}

export interface WorkerSetup {
  readonly options: ResolvedOptions;
  /** Progress bar on rank 0 only. */
  readonly progress: false | undefined;
  /** Removes the worker's shard file. */
  cleanup(): void;
}

/**
 * In a worker (a launcher's environment with a world size above 1): the run name all ranks share, this rank's
 * shard of the training records (every `world size`-th record from `rank`; validation is whole on every rank),
 * a per-rank trace file, checkpoints saved by rank 0 only, and the progress bar on rank 0 only.
 * Outside a worker: the options unchanged.
 */
export function prepareWorker(options: ResolvedOptions): WorkerSetup {
  const { rank, worldSize } = resolveRank(options);
  if (worldSize <= 1) return { options, progress: undefined, cleanup: () => undefined };
  const config = options.config;
  const source = typeof config.data_path === 'string' ? config.data_path : CORPUS_PATH;
  const shardPath = join(tmpdir(), `seo-llm-shard-${process.pid}-rank${rank}.jsonl`);
  writeFileSync(shardPath, shardLines(readFileSync(source, 'utf8'), rank, worldSize));
  // Every rank trains its own copy of the model; like DDP, only rank 0 writes the checkpoint.
  SeoTrainer.prototype.saveCheckpoint = rankZeroOnly(
    SeoTrainer.prototype.saveCheckpoint,
  ) as () => Promise<string>;
  const name = options.name ?? process.env[RUN_NAME_ENV];
  const trace =
    options.profiling.trace === true
      ? { path: join('traces', `${name ?? 'seo-llm'}.rank${rank}.pt.trace.json`) }
      : options.profiling.trace;
  return {
    options: {
      ...options,
      ...(name !== undefined ? { name } : {}),
      config: { ...config, data_path: shardPath },
      profiling: { ...options.profiling, trace },
    },
    progress: rank === 0 ? undefined : false,
    cleanup: () => rmSync(shardPath, { force: true }),
  };
}

/** The JSONL lines of `text` this rank trains on: its share of the train split, all of the validation split. */
export function shardLines(text: string, rank: number, worldSize: number): string {
  const out: string[] = [];
  let trainIndex = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (splitOf(line) === 'validation') {
      out.push(line);
      continue;
    }
    if (trainIndex++ % worldSize === rank) out.push(line);
  }
  return `${out.join('\n')}\n`;
}

function splitOf(line: string): unknown {
  try {
    return (JSON.parse(line) as { split?: unknown }).split;
  } catch {
    return undefined; // kept in the train shard: the corpus loader reports the bad line with its number
  }
}

/** The run name the parent gives every worker: `name`, else `<model_name>-<UTC timestamp>` as a single run. */
export function sharedRunName(options: ResolvedOptions, now = new Date()): string {
  if (options.name !== undefined) return options.name;
  const model = typeof options.config.model_name === 'string' ? options.config.model_name : 'seo-gpt-mini';
  return `${model}-${timestamp(now)}`;
}
