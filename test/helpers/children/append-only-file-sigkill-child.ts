// Child process of append-only-file-sigkill.test.ts: appends numbered records (some larger than a chunk) in
// batches, one write per turn of the event loop, and flushes every few batches until it is killed.
// Prints `flushed <n>` once records 0..n-1 are in the file: each of them must survive a SIGKILL. argv: <path>
import { AppendOnlyFile } from '../../../src/io/append-only-file.js';
import { appendTestRecord, TEST_HEADER } from '../test-records.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: append-only-file-sigkill-child.ts PATH');
const file = AppendOnlyFile.create(path, {
  description: 'SIGKILL test file',
  header: TEST_HEADER,
  onError: (error) => process.stderr.write(`${error.message}\n`),
});

let seq = 0;
let batches = 0;
function batch(): void {
  for (let i = 0; i < 100; i++, seq++) {
    // Mostly small records, every 250th one bigger than a 64 KiB chunk.
    appendTestRecord(file, seq, seq % 250 === 0 ? 70_000 : 40 + (seq % 200));
  }
  file.scheduleWrite();
  if (++batches % 10 === 0) {
    const appended = seq;
    void file.flush().then(() => process.stdout.write(`flushed ${appended}\n`));
  }
  setImmediate(batch);
}
batch();
