import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { isLoopbackHost } from '../../view/access-guard.js';
import { ViewServer } from '../../view/view-server.js';

export interface ViewCommandOptions {
  readonly port: string;
  readonly host: string;
}

export function registerViewCommand(program: Command): void {
  program
    .command('view')
    .description(
      'Serve a local dashboard of TensorBoard logdirs and W&B runs (.wandb files): every point, live updates.',
    )
    .argument(
      '[path...]',
      'TensorBoard logdirs, W&B run directories or .wandb files (default: runs/ and wandb/)',
    )
    .option('--port <port>', 'port to listen on; the next free one is used when it is taken', '6006')
    .option('--host <host>', 'address to bind; anything but loopback requires the printed token', '127.0.0.1')
    .action(async (paths: string[], options: ViewCommandOptions) => {
      process.exitCode = await runViewCommand(paths, options);
    });
}

/** Starts the dashboard and keeps it running until SIGINT/SIGTERM. Returns the exit code on a start failure. */
export async function runViewCommand(paths: readonly string[], options: ViewCommandOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(
      `trainscope view: --port must be an integer from 0 to 65535, got ${JSON.stringify(options.port)}`,
    );
    return 2;
  }
  const given = paths.length > 0 ? paths : ['runs', 'wandb'];
  const existing = given.filter((p) => existsSync(p));
  for (const missing of given.filter((p) => !existsSync(p))) {
    console.error(
      `trainscope view: ${missing} does not exist${paths.length > 0 ? '' : ' (yet)'}; watching the others`,
    );
  }
  if (existing.length === 0 && paths.length > 0) return 2;
  const server = new ViewServer({ paths: existing.length > 0 ? existing : given, host: options.host, port });
  let url: string;
  try {
    url = await server.start();
  } catch (error) {
    console.error(`trainscope view: cannot listen on ${options.host}:${port}: ${(error as Error).message}`);
    return 1;
  }
  const runs = server.index.runs.size;
  console.log(`trainscope view: ${runs} run(s) from ${existing.join(', ') || '(none yet)'}`);
  if (!isLoopbackHost(options.host)) {
    console.log('Listening beyond this machine: every request needs the token in this URL.');
  }
  console.log(`Open ${url}`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.stop();
  return 0;
}
