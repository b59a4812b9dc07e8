/**
 * TensorBoard: scalars per second end to end through `TensorBoardBackend.write` (drain-sized batches of rows
 * with 10 scalar tags each, `metric/00`…`metric/09` as in the reference's Python anchors) until `finish()` has
 * flushed and closed the event file. Each round writes a fresh run into a temp directory.
 *
 * Next to it:
 * - the floor: a plain `fs` write (open, write, close) of the same bytes, already encoded and framed;
 * - bytes per scalar on disk, next to what tensorboardX writes for the same tags and steps (it writes an event per
 *   scalar; a row's scalars share one event here, as in a TF1 merged summary);
 * - where the time goes: encoding (fast-path event bytes), CRC32C (both CRCs of every record) and I/O (the floor),
 *   each measured alone on the same records, as shares of their sum.
 *
 * Baseline: tensorboardX 2.6.5 with its C crc32c, 10 tags: 6,098 scalars/s median on this machine class
 * (`tensorboard-format.md` §9; PyTorch's SummaryWriter: 11,964/s).
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MetricRow, RunOutcome } from '../../src/core/backend.js';
import { maskedCrc32c } from '../../src/trackers/tensorboard/crc32c.js';
import { scanRecords } from '../../src/trackers/tensorboard/record.js';
import { varintLength } from '../../src/io/protobuf-varint.js';
import {
  encodeScalarsEvent,
  maxScalarsEventLength,
  scalarValueBlock,
} from '../../src/trackers/tensorboard/scalar-event-encoder.js';
import { TensorBoardBackend } from '../../src/trackers/tensorboard/tensorboard-backend.js';
import { type BenchOptions, type BenchRow, median, quantile } from '../bench-case.js';
import { benchRunInfo, silentLogger } from '../lib/run-info.js';

export const name = 'tensorboard';

const TENSORBOARDX_SCALARS_PER_SECOND = 6_098;
const TARGET_SCALARS_PER_SECOND = 1_000_000;
const TAGS = Array.from({ length: 10 }, (_, i) => `metric/${String(i).padStart(2, '0')}`);
const ROWS_PER_BATCH = 1_000;

/** Batches built up front so that the timed part is the backend's work only. */
function makeBatches(scalars: number, startTime: number): MetricRow[][] {
  const rows = Math.ceil(scalars / TAGS.length);
  const batches: MetricRow[][] = [];
  for (let start = 0; start < rows; start += ROWS_PER_BATCH) {
    const batch: MetricRow[] = [];
    for (let step = start; step < Math.min(rows, start + ROWS_PER_BATCH); step++) {
      batch.push({
        step,
        time: startTime + Math.floor(step / 10),
        channel: 'history',
        keys: TAGS,
        values: TAGS.map((_, i) => (i + 1) / (step + 1)),
      });
    }
    batches.push(batch);
  }
  return batches;
}

/**
 * Bytes per scalar tensorboardX writes for this very workload (same tags and steps): a `simple_value` event per
 * scalar, no metadata, 16 bytes of framing. Its reference figure (48.17 B) was measured with steps below 20,000;
 * longer runs need a byte more per step varint.
 */
function tensorboardXBytesPerScalar(scalars: number): number {
  let total = 0;
  for (let i = 0; i < scalars; i++) {
    const step = Math.floor(i / TAGS.length);
    const tag = TAGS[i % TAGS.length]!;
    total += 16 + 9 + (step === 0 ? 0 : 1 + varintLength(step)) + 2 + 2 + 2 + tag.length + 5;
  }
  return total / scalars;
}

interface Round {
  seconds: number;
  /** Process CPU time (all threads, user + system): less sensitive than wall time to a shared, loaded machine. */
  cpuSeconds: number;
  scalars: number;
  file: string;
  bytes: number;
}

async function endToEnd(dir: string, batches: MetricRow[][], round: number): Promise<Round> {
  const run = benchRunInfo({ id: 'benchtb1', project: 'bench-tensorboard' });
  const logDir = path.join(dir, `round-${round}`);
  const backend = new TensorBoardBackend(
    { logDir, comment: '', flushSecs: 30, maxQueue: 10, filenameSuffix: '' },
    { ...run, config: {} },
  );
  await backend.start({ run, logger: silentLogger, summary: new Map() });
  let scalars = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (const batch of batches) {
    backend.write(batch);
    for (const row of batch) scalars += row.keys.length;
    // The core's drain hands over a batch, then yields to the event loop until the next one.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const outcome: RunOutcome = { exitCode: 0, reason: 'finish', summary: new Map(), endTime: Date.now() };
  await backend.finish(outcome);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const runDir = path.join(logDir, run.name);
  const file = path.join(runDir, readdirSync(runDir)[0]!);
  return { seconds, cpuSeconds, scalars, file, bytes: backend.stats().bytesWritten };
}

/** The floor: the same bytes, already encoded and framed, written with one plain `fs` write. */
function plainWrite(dir: string, bytes: Buffer, round: number): number {
  const started = performance.now();
  const fd = openSync(path.join(dir, `plain-${round}`), 'wx');
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, done);
  closeSync(fd);
  return (performance.now() - started) / 1000;
}

/** Encoding alone (fast path into one buffer) and CRC alone (both CRCs of every record) on the same records. */
function encodeAndCrcSeconds(fileBytes: Buffer, scalars: number): { encode: number; crc: number } {
  const blocks = TAGS.map(scalarValueBlock);
  const blocksLength = blocks.reduce((sum, block) => sum + block.length, 0);
  const rows = Math.ceil(scalars / TAGS.length);
  const target = Buffer.allocUnsafe(rows * (maxScalarsEventLength(blocksLength, TAGS.length) + 16));
  const values = new Array<number>(TAGS.length);
  let offset = 0;
  let started = performance.now();
  for (let step = 0; step < rows; step++) {
    for (let i = 0; i < TAGS.length; i++) values[i] = (i + 1) / (step + 1);
    offset +=
      encodeScalarsEvent(
        target,
        offset + 12,
        blocks,
        values,
        TAGS.length,
        blocksLength,
        step,
        1.7e9 + step / 1e4,
      ) + 16;
  }
  const encode = (performance.now() - started) / 1000;
  const scan = scanRecords(fileBytes);
  started = performance.now();
  let sink = 0;
  for (let i = 0; i < scan.offsets.length; i++) {
    const recordOffset = scan.offsets[i]!;
    const length = scan.payloads[i]!.length;
    sink ^= maskedCrc32c(fileBytes, recordOffset, recordOffset + 8);
    sink ^= maskedCrc32c(fileBytes, recordOffset + 12, recordOffset + 12 + length);
  }
  const crc = (performance.now() - started) / 1000;
  if (sink === 0.5) throw new Error('unreachable');
  return { encode, crc };
}

export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const scalars = options.quick ? 200_000 : 1_000_000;
  const rounds = options.quick ? 3 : 7;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainscope-bench-tb-'));
  try {
    const batches = makeBatches(scalars, Date.now());
    await endToEnd(dir, makeBatches(20_000, Date.now()), -1); // warm-up: JIT, file system
    const rates: number[] = [];
    const cpuRates: number[] = [];
    const floors: number[] = [];
    const bytesPerScalar: number[] = [];
    const shares = { encode: [] as number[], crc: [] as number[], io: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      const result = await endToEnd(dir, batches, round);
      rates.push(result.scalars / result.seconds);
      cpuRates.push(result.scalars / result.cpuSeconds);
      const fileBytes = readFileSync(result.file);
      bytesPerScalar.push(fileBytes.length / result.scalars);
      const io = plainWrite(dir, fileBytes, round);
      floors.push(result.scalars / io);
      const { encode, crc } = encodeAndCrcSeconds(fileBytes, result.scalars);
      const total = encode + crc + io;
      shares.encode.push((100 * encode) / total);
      shares.crc.push((100 * crc) / total);
      shares.io.push((100 * io) / total);
    }
    const rate = median(rates);
    const floor = median(floors);
    const size = median(bytesPerScalar);
    const tbxSize = tensorboardXBytesPerScalar(scalars);
    const shareRow = (part: keyof typeof shares, label: string): BenchRow => ({
      what: `share of encode+CRC+I/O time: ${label}`,
      unit: '%',
      median: median(shares[part]),
      spread: Math.max(...shares[part]),
      baselineName: 'encode + CRC + I/O',
      baseline: 100,
      ratio: median(shares[part]) / 100,
    });
    return [
      {
        what: `TensorBoard scalars/s end to end (${TAGS.length} tags, write → finish)`,
        unit: 'scalars/s',
        median: rate,
        spread: quantile(rates, 0), // slowest round
        baselineName: 'tensorboardX (10 tags)',
        baseline: TENSORBOARDX_SCALARS_PER_SECOND,
        ratio: rate / TENSORBOARDX_SCALARS_PER_SECOND,
        target: '>= 1,000,000/s',
        met: rate >= TARGET_SCALARS_PER_SECOND,
      },
      {
        what: 'TensorBoard scalars per CPU second end to end (process CPU, all threads)',
        unit: 'scalars/CPU-s',
        median: median(cpuRates),
        spread: quantile(cpuRates, 0),
        baselineName: 'tensorboardX (10 tags, wall)',
        baseline: TENSORBOARDX_SCALARS_PER_SECOND,
        ratio: median(cpuRates) / TENSORBOARDX_SCALARS_PER_SECOND,
        target: '>= 1,000,000/s',
        met: median(cpuRates) >= TARGET_SCALARS_PER_SECOND,
      },
      {
        what: 'TensorBoard end to end vs plain fs write of the same bytes (floor)',
        unit: 'scalars/s',
        median: rate,
        spread: quantile(rates, 0),
        baselineName: 'plain fs write (floor)',
        baseline: floor,
        ratio: rate / floor,
      },
      {
        what: 'TensorBoard bytes per scalar on disk',
        unit: 'B',
        median: size,
        spread: Math.max(...bytesPerScalar),
        baselineName: 'tensorboardX, same tags and steps',
        baseline: tbxSize,
        ratio: size / tbxSize,
        target: 'at most tensorboardX (+1%)',
        met: size <= tbxSize * 1.01,
      },
      shareRow('encode', 'encoding'),
      shareRow('crc', 'CRC32C'),
      shareRow('io', 'I/O'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
