import { type RankedOperation, formatMs, formatPercent } from './bottleneck-analyzer.js';

const HEADER = ['operation', 'calls', 'total', 'mean', 'p95', 'share'] as const;

/**
 * The end-of-run console table: one row per operation (largest total first, at most `maxRows`), bottlenecks
 * marked with `*`. Numbers are right-aligned, names left-aligned and cut at 40 characters.
 */
export function formatProfileTable(
  ranked: readonly RankedOperation[],
  threshold: number,
  maxRows = 20,
): string[] {
  const shown = ranked.slice(0, maxRows);
  const rows = shown.map((r) => [
    `${r.share >= threshold ? '*' : ' '} ${truncate(r.name, 40)}`,
    r.calls.toLocaleString('en-US'),
    formatMs(r.totalMs),
    formatMs(r.meanMs),
    formatMs(r.p95Ms),
    formatPercent(r.share),
  ]);
  const header = [`  ${HEADER[0]}`, ...HEADER.slice(1)];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] as string).length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  if (ranked.length > shown.length) out.push(`  … ${ranked.length - shown.length} more operations`);
  return out;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
