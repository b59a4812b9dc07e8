// Child process of crash-safety.test.ts: logs scalars in a loop, flushing often, until it is killed.
// Prints `flushed <step>` after each flush resolves: every step up to it must survive a SIGKILL.
import type { Logger } from '../../../src/core/backend.js';
import { TensorBoardBackend } from '../../../src/trackers/tensorboard/tensorboard-backend.js';
import { runInfo, tensorBoardOptions } from '../tensorboard.js';

const logDir = process.argv[2];
if (logDir === undefined) throw new Error('usage: crash-child.ts LOGDIR');
const silent: Logger = {
  debug() {},
  info() {},
  warn() {},
  error: (m) => process.stderr.write(`${m}\n`),
  warnOnce() {},
};
const run = runInfo();
const backend = new TensorBoardBackend(tensorBoardOptions(logDir, { flushSecs: 0.05 }), run);
await backend.start({ run, logger: silent, summary: new Map() });

const keys = ['training/loss', 'training/negative'];
let step = 0;
for (;;) {
  for (let i = 0; i < 100; i++) {
    step++;
    backend.write([{ step, time: Date.now(), channel: 'history', keys, values: [step, -step] }]);
  }
  if (step % 1000 === 0) {
    await backend.flush();
    process.stdout.write(`flushed ${step}\n`);
  } else {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
