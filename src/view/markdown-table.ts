/**
 * Reads back a Markdown table as trainscope writes tables to TensorBoard's text plugin (`tableToMarkdown`:
 * header row, `|---|` rule, one row a line, `\|` and `\\` escaped). Returns undefined for any other text.
 * Cells that read as finite numbers become numbers, so profiler tables sort numerically.
 */
export function parseMarkdownTable(text: string): { columns: string[]; rows: unknown[][] } | undefined {
  const lines = text.split('\n');
  if (lines.length < 2 || !/^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(lines[1]!)) return undefined;
  const header = splitRow(lines[0]!);
  if (header === undefined) return undefined;
  const rows: unknown[][] = [];
  for (const line of lines.slice(2)) {
    if (line.trim() === '') continue;
    const cells = splitRow(line);
    if (cells === undefined || cells.length !== header.length) return undefined;
    rows.push(cells.map(numberOrText));
  }
  return { columns: header, rows };
}

function splitRow(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || !trimmed.endsWith('|') || trimmed.length < 2) return undefined;
  const cells: string[] = [];
  let current = '';
  for (let i = 1; i < trimmed.length - 1; i++) {
    const c = trimmed[i]!;
    if (c === '\\' && i + 1 < trimmed.length - 1) {
      current += trimmed[++i];
    } else if (c === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  cells.push(current.trim());
  return cells;
}

function numberOrText(cell: string): unknown {
  if (cell === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell)) return cell;
  return Number(cell);
}
