import { createHash } from 'node:crypto';
import type { TableCell, TableValue } from '../../core/values.js';
import type { RunFile } from './run-files.js';
import { wandbJsonNumber } from './wandb-json.js';

/** The history/summary value that points at a table file (key order as the Python client writes it). */
export interface TableFileReference {
  readonly _type: 'table-file';
  readonly sha256: string;
  readonly size: number;
  /** Relative to the run's `files/` directory, e.g. `media/table/profiling/bottlenecks_10_b60cc979e52dbc38722b.table.json`. */
  readonly path: string;
  readonly ncols: number;
  readonly nrows: number;
}

/** A W&B table as the file both modes store: offline under `files/<path>`, online uploaded with these bytes. */
export interface TableFile extends RunFile {
  /** Relative to the run's `files/` directory. */
  readonly path: string;
  /** The `.table.json` bytes (`{"columns": [...], "data": [[...], ...]}`). */
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly reference: TableFileReference;
}

/**
 * The key as a relative path: `/` keeps making subdirectories (as in W&B), every other character that is
 * unsafe in a file name becomes `_`, and empty, `.` and `..` segments are removed.
 */
export function tableKeyPath(key: string): string {
  const segments = key
    .split('/')
    .map((segment) => segment.replace(/[^A-Za-z0-9._-]/g, '_'))
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  return segments.length > 0 ? segments.join('/') : 'table';
}

/** The `.table.json` text, spaced as Python's `json.dumps` writes it. */
export function tableJson(table: TableValue): string {
  let out = '{"columns": [';
  for (let i = 0; i < table.columns.length; i++) {
    if (i > 0) out += ', ';
    out += JSON.stringify(String(table.columns[i]));
  }
  out += '], "data": [';
  for (let r = 0; r < table.rows.length; r++) {
    if (r > 0) out += ', ';
    out += '[';
    const row = table.rows[r] as readonly TableCell[];
    for (let c = 0; c < row.length; c++) {
      if (c > 0) out += ', ';
      out += tableCellJson(row[c] as TableCell);
    }
    out += ']';
  }
  return `${out}]}`;
}

/** One cell as `.table.json` writes it (also the run-table artifact's data). */
export function tableCellJson(cell: TableCell): string {
  if (cell === null || cell === undefined) return 'null';
  if (typeof cell === 'number') return wandbJsonNumber(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return JSON.stringify(String(cell));
}

/**
 * Builds the table file logged under `key` at `step`: `media/table/<key>_<step>_<sha256[:20]>.table.json`.
 */
export function buildTableFile(key: string, step: number, table: TableValue): TableFile {
  const bytes = Buffer.from(tableJson(table), 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = `media/table/${tableKeyPath(key)}_${step}_${sha256.slice(0, 20)}.table.json`;
  return {
    path,
    bytes,
    sha256,
    reference: {
      _type: 'table-file',
      sha256,
      size: bytes.length,
      path,
      ncols: table.columns.length,
      nrows: table.rows.length,
    },
  };
}
