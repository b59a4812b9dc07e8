import { join } from 'node:path';
import type { Logger } from '../../../core/backend.js';
import { errorMessage } from '../../../core/error-message.js';
import { stageArtifactBytes } from '../../../core/artifact-stager.js';
import type { StagedArtifact } from '../../../core/staged-artifact.js';
import type { TableCell, TableValue } from '../../../core/values.js';
import { tableCellJson } from '../table-file.js';

/** W&B's artifact type for a logged table. */
export const RUN_TABLE_TYPE = 'run_table';

/**
 * The artifact the official client (0.15.12, `data_types/utils.py` `val_to_json`) creates for a table logged under
 * `key`: `run-<run id>-<key without anything but [a-zA-Z0-9_]>` (`profiling/bottlenecks` → `profilingbottlenecks`).
 */
export function runTableArtifactName(runId: string, key: string): string {
  return `run-${runId}-${key.replace(/[^a-zA-Z0-9_]+/g, '')}`;
}

/**
 * The table as the official client stores it in the artifact (`Table.to_json(artifact)`, written with
 * `json.dumps(sort_keys=True)`): `_type`, `column_types` (each column optional, typed by its values), `columns`,
 * `data`, `ncols`, `nrows`. For the fixture's table this is byte-identical to the client's 691 bytes, except that
 * JavaScript writes a whole float as `120`, not `120.0`.
 */
export function runTableArtifactJson(table: TableValue): string {
  const columns = table.columns.map((c) => String(c));
  const typeMap = columns
    .map((name, i) => [name, columnTypeJson(table.rows, i)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const types = typeMap.map(([name, type]) => `${JSON.stringify(name)}: ${type}`).join(', ');
  const rows = table.rows.map((row) => `[${row.map(tableCellJson).join(', ')}]`).join(', ');
  return (
    `{"_type": "table", "column_types": {"params": {"type_map": {${types}}}, "wb_type": "typedDict"}, ` +
    `"columns": [${columns.map((c) => JSON.stringify(c)).join(', ')}], "data": [${rows}], ` +
    `"ncols": ${columns.length}, "nrows": ${table.rows.length}}`
  );
}

/**
 * Stages the run-table artifact of `table` (one entry, `<key>.table.json`) under `stagingRoot`; `step` is the
 * history step it was logged at.
 */
export function stageRunTable(
  runId: string,
  key: string,
  step: number,
  table: TableValue,
  stagingRoot: string,
): StagedArtifact {
  const bytes = Buffer.from(runTableArtifactJson(table), 'utf8');
  const name = runTableArtifactName(runId, key);
  return stageArtifactBytes(
    [{ path: `${key}.table.json`, bytes }],
    { name, type: RUN_TABLE_TYPE },
    stagingRoot,
    step,
  );
}

/** `OptionalType` of the column's values: `union[none, <type>…]` in order of first appearance (W&B's `wb_type`s). */
function columnTypeJson(rows: readonly (readonly TableCell[])[], column: number): string {
  const seen: string[] = [];
  for (const row of rows) {
    const type = wbType(row[column]);
    if (type !== undefined && !seen.includes(type)) seen.push(type);
  }
  if (seen.length === 0) seen.push('unknown');
  const allowed = ['none', ...seen].map((t) => `{"wb_type": "${t}"}`).join(', ');
  return `{"params": {"allowed_types": [${allowed}]}, "wb_type": "union"}`;
}

function wbType(cell: TableCell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'number') return 'number';
  if (typeof cell === 'boolean') return 'boolean';
  return 'string';
}

/**
 * The run model's `tableLogged` hook: stages each logged table's run-table artifact under
 * `<dir>/wandb/artifacts/staging` (where `run.logArtifact` stages, so an offline run's sync finds it) and hands it
 * to `logArtifact` (the log's `artifact` record; online, the upload); returns it (the live stream names it in the
 * table's values). A failure is warned once, never thrown.
 */
export function runTableHook(
  runId: string,
  dir: string,
  logArtifact: (artifact: StagedArtifact) => void,
  logger: Logger | undefined,
): (key: string, step: number, table: TableValue) => StagedArtifact | undefined {
  const stagingRoot = join(dir, 'wandb', 'artifacts', 'staging');
  return (key, step, table) => {
    try {
      const artifact = stageRunTable(runId, key, step, table, stagingRoot);
      logArtifact(artifact);
      return artifact;
    } catch (error) {
      logger?.warnOnce(
        'wandb/run-table',
        `W&B: the run-table artifact of "${key}" was not made (${errorMessage(error)}); the table itself is logged`,
      );
      return undefined;
    }
  };
}
