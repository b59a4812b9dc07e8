import type { Command } from 'commander';
import { SyncProgressReporter } from '../../trackers/wandb/sync/sync-progress.js';
import { SyncError, syncRun } from '../../trackers/wandb/sync/sync-run.js';
import { errorMessage } from '../../core/error-message.js';

interface SyncCommandOptions {
  entity?: string;
  project?: string;
  baseUrl?: string;
}

/**
 * `trainscope sync <run-dir>...`: uploads offline W&B runs (trainscope's or the official client's `offline-run-…`
 * directories, and online runs that were spooled) to W&B. Resumable; a second sync sends nothing twice.
 */
export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('upload offline or spooled W&B runs (wandb/offline-run-*, wandb/run-*) to Weights & Biases')
    .argument('<run-dir...>', 'run directories holding one run-<id>.wandb file')
    .option('--entity <entity>', 'W&B entity (user or team) to upload to')
    .option('--project <project>', 'W&B project to upload to')
    .option('--base-url <url>', 'W&B server (default: WANDB_BASE_URL or https://api.wandb.ai)')
    .action(async (dirs: string[], options: SyncCommandOptions) => {
      process.exitCode = await runSyncCommand(dirs, options);
    });
}

/** Syncs each directory in turn; returns the process exit code (0 when every run is on the server). */
export async function runSyncCommand(
  dirs: readonly string[],
  options: SyncCommandOptions,
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  let failures = 0;
  for (const dir of dirs) {
    const progress = new SyncProgressReporter(stdout, dir);
    try {
      const result = await syncRun(dir, {
        entity: options.entity,
        project: options.project,
        baseUrl: options.baseUrl,
        onProgress: (p) => progress.update(p),
        onWarning: (message) => {
          progress.end();
          stderr.write(`warning: ${message}\n`);
        },
      });
      progress.end();
      stdout.write(
        result.alreadySynced
          ? `${dir}: already synced, nothing sent (${result.url})\n`
          : `${dir}: synced ${result.sentHistoryLines} history rows, ${result.uploadedFiles} files, exit code ${result.exitCode} → ${result.url}\n`,
      );
    } catch (error) {
      progress.end();
      failures++;
      const message = errorMessage(error);
      const hint =
        error instanceof SyncError && error.resumable ? ' (run the same command again to resume)' : '';
      stderr.write(`error: ${dir}: ${message}${hint}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}
