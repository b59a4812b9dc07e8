/**
 * `npm run bench [-- --quick] [-- --only name,name]`: runs every case in bench/cases/, prints one table and writes
 * bench/results/<date>.json with the machine description. A case's name is its file name without `.ts`; with
 * `--only`, the other case files are not even imported (some load heavy modules: tfjs, @wandb/sdk).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase, BenchRow } from './bench-case.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set((args[onlyIndex + 1] ?? '').split(',')) : undefined;

function describeMachine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

function format(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 0.01) return n.toFixed(3);
  return n.toPrecision(3);
}

function printTable(rows: readonly (BenchRow & { case: string })[]): void {
  const header = [
    'case',
    'what',
    'median',
    'p99/max',
    'unit',
    'baseline',
    'baseline value',
    'ratio',
    'target',
    'met',
  ];
  const body = rows.map((r) => [
    r.case,
    r.what,
    format(r.median),
    format(r.spread),
    r.unit,
    r.baselineName,
    format(r.baseline),
    `${format(r.ratio)}x`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of body) console.log(line(row));
}

async function main(): Promise<void> {
  const machine = describeMachine();
  console.log(`trainscope benchmarks (${quick ? 'quick' : 'full'}) on ${JSON.stringify(machine)}`);
  const casesDir = path.join(here, 'cases');
  const files = readdirSync(casesDir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const rows: (BenchRow & { case: string })[] = [];
  if (only) {
    const known = new Set(files.map((f) => f.replace(/\.ts$/, '')));
    const unknown = [...only].filter((n) => !known.has(n));
    if (unknown.length > 0) console.error(`--only: no bench case named ${unknown.join(', ')}`);
  }
  const runStarted = Date.now();
  for (const file of files) {
    if (only && !only.has(file.replace(/\.ts$/, ''))) continue;
    const mod = (await import(pathToFileURL(path.join(casesDir, file)).href)) as Partial<BenchCase>;
    if (typeof mod.run !== 'function' || typeof mod.name !== 'string') continue;
    const started = Date.now();
    process.stderr.write(`running ${mod.name}...\n`);
    try {
      for (const row of await mod.run({ quick })) rows.push({ case: mod.name, ...row });
    } catch (error) {
      console.error(`bench case ${mod.name} failed:`, error);
      process.exitCode = 1;
    }
    process.stderr.write(`  ${mod.name} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  process.stderr.write(`all cases took ${((Date.now() - runStarted) / 1000).toFixed(1)} s\n`);
  printTable(rows);
  const resultsDir = path.join(here, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:]/g, '-').replace(/\..*/, '');
  const file = path.join(resultsDir, `${stamp}${quick ? '.quick' : ''}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), quick, machine, rows }, null, 2)}\n`,
  );
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
}

await main();
