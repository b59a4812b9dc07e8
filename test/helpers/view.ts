import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { init } from '../../src/init.js';
import { histogram, table, text } from '../../src/core/values.js';
import { ViewServer, type ViewServerOptions } from '../../src/view/view-server.js';

export function tempDir(prefix = 'trainscope-view-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Starts a dashboard on a free port; returns it and its base URL (no trailing slash, token query kept apart). */
export async function startView(
  options: Omit<ViewServerOptions, 'port'> & { port?: number },
): Promise<{ server: ViewServer; base: string; url: string }> {
  const server = new ViewServer({ port: 0, pollMs: 200, ...options });
  const url = await server.start();
  return { server, url, base: url.replace(/\/(\?.*)?$/, '') };
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Markup and script a log could carry; none of it may run in the page. */
export const XSS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  link: '[click](javascript:window.__pwned=3)',
  svg: '<svg onload="window.__pwned=4"></svg>',
};

/**
 * A run written by trainscope itself (TensorBoard under `<root>/runs`, W&B offline under `<root>/wandb`): scalars
 * `train/loss` = 1/(step+1) for steps 0..steps-1, a text, a table, a histogram. With `hostile`, the run name,
 * config, tags, a text and table cells carry the XSS corpus.
 */
export async function writeTrainscopeRun(
  root: string,
  options: { name: string; steps?: number; hostile?: boolean; progressBar?: boolean },
): Promise<void> {
  const hostile = options.hostile === true;
  const steps = options.steps ?? 20;
  const run = await init({
    project: 'view-tests',
    name: options.name,
    config: hostile ? { note: XSS.script, nested: { html: XSS.img } } : { lr: 0.01, batch: 32 },
    tags: hostile ? [XSS.img] : ['test'],
    tensorboard: { logDir: join(root, 'runs') },
    wandb: { mode: 'offline', dir: root },
    profiling: { enabled: false },
    logLevel: 'error',
  });
  for (let step = 0; step < steps; step++) run.log({ 'train/loss': 1 / (step + 1) }, { step });
  // Captured by the run (wandb.console 'wrap'): a progress bar redrawn with \r, as tqdm-style bars print it.
  if (options.progressBar === true) process.stdout.write('epoch 1 [#   ]\repoch 1 [####]\n');
  run.log(
    {
      notes: text(
        hostile ? `${XSS.script} ${XSS.img} ${XSS.link} ${XSS.svg}` : '# Notes\n**bold** and `code`',
      ),
      'eval/table': table(
        ['name', 'value'],
        [
          [hostile ? XSS.img : 'a', 1],
          [hostile ? XSS.script : 'b', 2],
        ],
      ),
      weights: histogram([1, 2, 2, 3, 3, 3, 4, 4, 5], { bins: 4 }),
    },
    { step: steps },
  );
  if (hostile) run.log({ [XSS.svg]: 1 }, { step: steps });
  await run.finish();
}
