// Child process for the SIGKILL test: writes history rows (some of them multi-block) until it is killed,
// reporting progress on stdout. argv: <rootDir> <run id>
import { text } from '../../../src/core/values.js';
import { OfflineRun } from '../wandb-offline-run.js';
import { testRunInfo } from '../run-info.js';

const [rootDir, id] = process.argv.slice(2) as [string, string];
const writer = OfflineRun.create(rootDir, testRunInfo({ id }));
process.stdout.write(`dir ${writer.directory}\n`);
const big = 'x'.repeat(70_000);
let step = 0;

function batch(): void {
  const rows = [];
  for (let i = 0; i < 200; i++, step++) {
    const keys = step % 97 === 0 ? ['loss', 'sample'] : ['loss', 'acc'];
    const values = step % 97 === 0 ? [step / 7, text(big)] : [step / 7, Math.sqrt(step)];
    rows.push({ step, time: Date.now(), channel: 'history' as const, keys, values });
  }
  writer.write(rows);
  if (step % 2000 === 0) {
    const flushed = step;
    void writer.flush().then(() => process.stdout.write(`flushed ${flushed}\n`));
  }
  process.stdout.write(`rows ${step}\n`);
  setImmediate(batch);
}
batch();
