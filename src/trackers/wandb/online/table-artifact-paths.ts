import type { StagedArtifact } from '../../../core/staged-artifact.js';
import type { EncodedHistoryRow } from '../history-value.js';
import { parseWandbJson, stringifyWandbJson } from '../wandb-json.js';
import type { WandbSummary } from '../wandb-summary.js';

/** Where a logged table lives in its run-table artifact, by W&B's client-side ids. */
interface RunTableEntry {
  /** `wandb-client-artifact://<client_id>/<entry>`: this version. */
  readonly path: string;
  /** `wandb-client-artifact://<sequence_client_id>:latest/<entry>`: the collection's latest version. */
  readonly latestPath: string;
}

/** A key's latest table in the summary: the value as the log has it, and as it is sent online. */
interface SummaryTable {
  readonly json: string;
  readonly online: string;
}

const TABLE_FILE_PREFIX = '{"_type":"table-file"';

/**
 * The online form of `table-file` values, as the 0.15.x client sends them once a table is also a run-table
 * artifact: `artifact_path` and `_latest_artifact_path` after `size` (observed, `online-requests.json`). In a
 * history row `artifact_path` names that version (`<client_id>/<key>.table.json`), in the summary both name the
 * latest one (`<sequence_client_id>:latest/…`). Offline and through `wandb sync` the values have no paths (the
 * ids only mean something to the live client's artifact saver), so only the live stream uses this.
 */
export class TableArtifactPaths {
  /** Run-table artifacts made since the row or summary value that refers to their table went out. */
  private readonly pending = new Map<string, RunTableEntry>();
  private readonly summaryTables = new Map<string, SummaryTable>();

  /** The run-table artifact of the table just logged under `key` (before its row or summary value). */
  logged(key: string, artifact: StagedArtifact): void {
    const entry = artifact.files[0]?.path ?? `${key}.table.json`;
    this.pending.set(key, {
      path: `wandb-client-artifact://${artifact.clientId}/${entry}`,
      latestPath: `wandb-client-artifact://${artifact.sequenceClientId}:latest/${entry}`,
    });
  }

  /** The row as the live stream sends it: each table value with its artifact's paths. */
  historyRow(row: EncodedHistoryRow): Pick<EncodedHistoryRow, 'keys' | 'valuesJson'> {
    if (row.tableFiles.length === 0 || this.pending.size === 0) return row;
    let values: string[] | undefined;
    for (let i = 0; i < row.keys.length; i++) {
      const key = row.keys[i] as string;
      const json = row.valuesJson[i] as string;
      const entry = this.pending.get(key);
      if (entry === undefined || !json.startsWith(TABLE_FILE_PREFIX)) continue;
      values ??= [...row.valuesJson];
      values[i] = withPaths(json, entry.path, entry.latestPath);
      this.adopt(key, json, entry);
    }
    return values === undefined ? row : { keys: row.keys, valuesJson: values };
  }

  /** The summary line as the live stream sends it: the tables of keys with a run-table artifact carry `:latest` paths. */
  summaryLine(summary: WandbSummary): string {
    // A table only in the summary (the profiler's report, a final value) had no row to take its artifact.
    for (const [key, entry] of this.pending) {
      const json = summary.get(key);
      if (json?.startsWith(TABLE_FILE_PREFIX)) this.adopt(key, json, entry);
    }
    if (this.summaryTables.size === 0) return summary.line();
    const online = new Map<string, string>();
    for (const [key, table] of this.summaryTables) {
      if (summary.get(key) === table.json) online.set(key, table.online);
    }
    return summary.lineWith(online);
  }

  private adopt(key: string, json: string, entry: RunTableEntry): void {
    this.summaryTables.set(key, { json, online: withPaths(json, entry.latestPath, entry.latestPath) });
    this.pending.delete(key);
  }
}

/** The reference with `artifact_path` and `_latest_artifact_path` after `size`, as the Python client orders them. */
function withPaths(json: string, path: string, latestPath: string): string {
  const reference = parseWandbJson(json) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(reference)) {
    out[name] = value;
    if (name === 'size') {
      out.artifact_path = path;
      out._latest_artifact_path = latestPath;
    }
  }
  return stringifyWandbJson(out);
}
