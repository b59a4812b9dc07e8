import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Logger, RunInfo } from '../core/backend.js';
import type { ResolvedOptions } from '../core/options.js';
import { SharedRing } from '../core/writer/shared-ring.js';
import type { WriterThread } from '../core/writer/writer-backend-set.js';
import type { WriterThreadData } from '../core/writer/writer-protocol.js';
import { errorMessage } from '../core/error-message.js';

/**
 * The writer's young generation (V8's semi-spaces: a third of it each, plus room for large objects). Its garbage is
 * rows that die within one drain, so a scavenge finds little alive whatever the size; by default V8 grows the
 * semi-spaces to 8 MiB under a long burst of rows, and every page of new semi-space memory is a page fault the first
 * time it is written (about 2,000 of them, some 20 ms of CPU in the writer-thread bench). 12 MiB keeps them at 4 MiB.
 */
const WRITER_YOUNG_GENERATION_MB = 12;

/**
 * Starts the writer thread of a run, or answers `undefined` — with one info line where worker threads are not
 * available, one warning where the writer fails to start (it cannot load, build its backends, or take the
 * options); the run then drains on the training thread, as with `logging.thread: 'main'`, losing nothing.
 *
 * The entry sits next to this module: `writer-thread.js` in the built `dist/`, `writer-thread.ts` when running
 * from the sources (vitest, tsx), where the worker first registers tsx's loader, since a worker does not
 * inherit the loader hooks of its parent.
 */
export async function startWriterThread(
  options: ResolvedOptions,
  info: RunInfo,
  logger: Logger,
): Promise<WriterThread | undefined> {
  let threads: typeof import('node:worker_threads');
  try {
    threads = await import('node:worker_threads');
  } catch (error) {
    logger.info(
      `no worker threads here (${errorMessage(error)}); encoding and I/O run on the training thread`,
    );
    return undefined;
  }
  try {
    const { MessageChannel, Worker } = threads;
    const ring = SharedRing.create(SharedRing.entriesWithin(options.logging.ringMiB));
    const { port1, port2 } = new MessageChannel();
    const workerData: WriterThreadData = { options, info, buffer: ring.buffer, side: port2 };
    const settings = {
      workerData,
      transferList: [port2],
      stdout: false,
      stderr: false,
      resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GENERATION_MB },
    };
    const here = import.meta.url;
    const fromSource = here.endsWith('.ts');
    const entry = new URL(fromSource ? './writer-thread.ts' : './writer-thread.js', here);
    if (!existsSync(fileURLToPath(entry))) throw new Error(`${fileURLToPath(entry)} is missing`);
    const worker = fromSource
      ? new Worker(sourceBootstrap(entry), { ...settings, eval: true })
      : new Worker(entry, settings);
    await loaded(worker, options.finishTimeoutMs);
    return { worker, ring, side: port1 };
  } catch (error) {
    const reason = errorMessage(error);
    logger.warn(`the writer thread did not start (${reason}); encoding and I/O run on the training thread`);
    return undefined;
  }
}

/**
 * Waits for the writer's first message (its backends are built), so that a writer that cannot load or build
 * them is noticed here and the run falls back to the training thread instead of losing its values.
 */
function loaded(worker: Worker, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => settle(new Error(`it did not start within ${timeoutMs} ms`)), timeoutMs);
    const settle = (error?: Error): void => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (error === undefined) resolve();
      else {
        void worker.terminate();
        reject(error);
      }
    };
    const onMessage = (): void => settle();
    const onError = (error: Error): void => settle(error);
    const onExit = (code: number): void => settle(new Error(`it exited with code ${code}`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/** A CommonJS script that registers tsx's ESM loader in the worker, then imports the `.ts` entry. */
export function sourceBootstrap(entry: URL): string {
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const loader = JSON.stringify(pathToFileURL(api).href);
  return `import(${loader}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry.href)}));`;
}
