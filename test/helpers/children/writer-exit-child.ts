// Child for the writer-thread exit tests: a run with TensorBoard and W&B offline on the writer thread
// (`logging.thread: 'worker'`) logs `loss` (high), `gradient_norm` (medium) and `throughput` (low) at steps
// 0 … steps-1 in one synchronous loop — nothing yields, so the values are still in the ring — and then ends:
//   `exit`: process.exit(3); `throw`: an uncaught exception; `sigint`: prints `ready`, waits for SIGINT;
//   `kill`: flushes, prints `flushed <steps>`, logs as many again without flushing and waits for SIGKILL;
//   `own-sigint`: has its own SIGINT listener (so the run stays open), prints `ready`; on SIGINT it prints
//   `signalled` (trainscope has made everything durable by then) and waits for SIGKILL.
// Usage: node <bundle> <root> <mode> <steps>
import { join } from 'node:path';
import { init } from '../../../src/init.js';

const [root, mode, stepsArg] = process.argv.slice(2) as [string, string, string];
const steps = Number(stepsArg);

const run = await init({
  project: 'writer-exit',
  name: 'writer',
  tensorboard: { logDir: join(root, 'tb'), flushSecs: 3600, maxQueue: 1_000_000 },
  wandb: { mode: 'offline', dir: root, runId: 'writer01' },
  profiling: { enabled: false },
  logLevel: 'info',
  logging: { thread: 'worker', queueCapacity: 4 * steps },
});

function logSteps(from: number, to: number): void {
  for (let step = from; step < to; step++) {
    run.log({ loss: step, gradient_norm: -step, throughput: step * 2 }, { step });
  }
}

logSteps(0, steps);
switch (mode) {
  case 'exit':
    process.exit(3);
    break;
  case 'throw':
    throw new Error('boom from the trainer');
  case 'sigint':
    setInterval(() => {}, 1000);
    process.stdout.write('ready\n');
    break;
  case 'own-sigint':
    process.on('SIGINT', () => process.stdout.write('signalled\n'));
    setInterval(() => {}, 1000);
    process.stdout.write('ready\n');
    break;
  case 'kill':
    await run.flush();
    process.stdout.write(`flushed ${steps}\n`);
    logSteps(steps, 2 * steps);
    setInterval(() => {}, 1000);
    break;
  default:
    throw new Error(`unknown mode ${mode}`);
}
