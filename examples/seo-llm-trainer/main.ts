/**
 * The SEO LLM trainer example: `npm run example -- [options]`.
 * This file only reads the command line and the config file; the training is `runTraining` in run-training.ts.
 */
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runTraining } from './run-training.js';
import { type ConfigFileOptions, loadOptions } from './trainscope.js';
import { launchWorkers, prepareWorker, sharedRunName } from './workers.js';

const DEFAULT_CONFIG = fileURLToPath(new URL('./trainscope.config.json', import.meta.url));

function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a non-negative integer');
  return n;
}

interface CliFlags {
  config: string;
  steps?: number;
  logDir?: string;
  wandbDir?: string;
  wandbMode?: 'auto' | 'online' | 'offline' | 'disabled';
  level?: 'high' | 'medium' | 'all';
  seed?: number;
  workers?: number;
  resume?: boolean;
}

const program = new Command()
  .name('seo-llm-trainer')
  .description('Train a small transformer to write SEO meta descriptions, instrumented with trainscope.')
  .option('-c, --config <path>', 'trainscope config file', DEFAULT_CONFIG)
  .option('--steps <n>', 'optimizer steps (config.steps)', nonNegativeInteger)
  .option('--log-dir <dir>', 'TensorBoard log directory (tensorboard.logDir)')
  .option('--wandb-dir <dir>', 'directory in which wandb/ is created (wandb.dir)')
  .addOption(
    new Option('--wandb-mode <mode>', 'W&B mode (wandb.mode)').choices([
      'auto',
      'online',
      'offline',
      'disabled',
    ]),
  )
  .addOption(
    new Option('--level <level>', 'logging level (logging.level)').choices(['high', 'medium', 'all']),
  )
  .option('--seed <n>', 'random seed (config.seed)', nonNegativeInteger)
  .option(
    '--workers <n>',
    'train in N worker processes, one data shard each (see workers.ts)',
    nonNegativeInteger,
  )
  .option(
    '--resume',
    'continue the last run from its latest checkpoint (same W&B run and TensorBoard directory)',
  )
  .parse(process.argv);

const flags = program.opts<CliFlags>();
const overrides: ConfigFileOptions = {};
const config: Record<string, unknown> = {};
if (flags.steps !== undefined) config.steps = flags.steps;
if (flags.seed !== undefined) config.seed = flags.seed;
if (Object.keys(config).length > 0) overrides.config = config;
if (flags.logDir !== undefined) overrides.tensorboard = { logDir: flags.logDir };
if (flags.wandbDir !== undefined || flags.wandbMode !== undefined) {
  overrides.wandb = {
    ...(flags.wandbDir !== undefined ? { dir: flags.wandbDir } : {}),
    ...(flags.wandbMode !== undefined ? { mode: flags.wandbMode } : {}),
  };
}
if (flags.level !== undefined) overrides.logging = { level: flags.level };

try {
  const options = loadOptions({ file: flags.config, overrides });
  if (flags.resume && flags.workers !== undefined && flags.workers > 1) {
    throw new Error('--resume continues a single-process run; leave out --workers');
  }
  if (flags.workers !== undefined && flags.workers > 1) {
    const script = fileURLToPath(import.meta.url);
    const args = process.argv.slice(2);
    process.exitCode = await launchWorkers(flags.workers, script, args, sharedRunName(options));
  } else {
    const worker = prepareWorker(options);
    try {
      await runTraining({
        options: worker.options,
        progress: worker.progress,
        ...(flags.resume ? { resume: true } : {}),
      });
    } finally {
      worker.cleanup();
    }
  }
} catch (error) {
  console.error(`seo-llm-trainer: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
