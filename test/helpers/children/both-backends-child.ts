// Child for the reliability tests: one run with TensorBoard and W&B (offline, or online against a fake
// server given as argv) both on. Logs `loss = step` and `neg = -step` at steps 1, 2, … as fast as it can and
// prints `flushed <step>` after every `run.flush()` resolves, i.e. once everything up to <step> is durable.
//
// Usage: node <bundle> <root> <mode> [baseUrl]
//   mode `kill`: loops until killed (SIGKILL trials);
//   mode `sigterm` / `sigint` / `sighup`: logs 50 steps, flushes, prints `ready`, waits for the signal;
//   mode `throw` / `exit` / `reject`: logs 50 steps, then throws / calls process.exit(3) / leaves a rejection.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { init } from '../../../src/init.js';

const [root, mode, baseUrl] = process.argv.slice(2) as [string, string, string | undefined];

const run = await init({
  project: 'reliability',
  name: 'both',
  tensorboard: { logDir: join(root, 'tb'), flushSecs: 3600, maxQueue: 1_000_000 },
  wandb:
    baseUrl === undefined
      ? { mode: 'offline', dir: root, runId: 'killed01' }
      : {
          mode: 'online',
          dir: root,
          baseUrl,
          apiKey: process.env.RELIABILITY_KEY,
          runId: 'exitrun1',
          timeoutMs: 2_000,
          retryBudgetMs: 3_000,
        },
  profiling: { enabled: false },
  logLevel: 'warn',
  logging: { drainIntervalMs: 5 },
});

process.on('exit', (code) => {
  appendFileSync(join(root, 'user-handlers.log'), `exit ${code}\n`);
});

let step = 0;
async function logSteps(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    step++;
    run.log({ loss: step, neg: -step }, { step });
  }
  await run.flush();
  process.stdout.write(`flushed ${step}\n`);
}

if (mode === 'kill') {
  for (;;) await logSteps(1 + (step % 97));
}
await logSteps(50);
switch (mode) {
  case 'sigterm':
  case 'sigint':
  case 'sighup':
    setInterval(() => {}, 1000);
    process.stdout.write('ready\n');
    break;
  case 'throw':
    setTimeout(() => {
      throw new Error('boom from the trainer');
    }, 1);
    break;
  case 'exit':
    process.exit(3);
    break;
  case 'reject':
    void Promise.reject(new Error('rejected in the trainer'));
    break;
  default:
    throw new Error(`unknown mode ${mode}`);
}
