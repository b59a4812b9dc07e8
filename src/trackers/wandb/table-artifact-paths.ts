import type { StagedArtifact } from '../../core/staged-artifact.js';
import { parseWandbJson, stringifyWandbJson } from './wandb-json.js';

/** Where a logged table lives in its run-table artifact, by W&B's client-side ids. */
interface RunTableEntry {
  /** `wandb-client-artifact://<client_id>/<entry>`: this version. */
  readonly path: string;
  /** `wandb-client-artifact://<sequence_client_id>:latest/<entry>`: the collection's latest version. */
  readonly latestPath: string;
}

const TABLE_FILE_PREFIX = '{"_type":"table-file"';

/**
 * The online form of `table-file` values: once a table is also a run-table artifact, the 0.15.x client's values
 * name it, `artifact_path` and `_latest_artifact_path` after `size` (observed, `online-requests.json`); in a
 * history row `artifact_path` names that version (`<client_id>/<key>.table.json`), in the summary both name the
 * latest one (`<sequence_client_id>:latest/…`). The online client's local log holds the same values; an offline
 * run's values have no paths (the `offline-basic` fixture), and `wandb sync` sends them as they are.
 *
 * `logged` is told of each artifact before the row or summary value of its table; that value takes it (once).
 */
export class TableArtifactPaths {
  private readonly pending = new Map<string, RunTableEntry>();

  /** The run-table artifact of the table just logged under `key`. */
  logged(key: string, artifact: StagedArtifact): void {
    const entry = artifact.files[0]?.path ?? `${key}.table.json`;
    this.pending.set(key, {
      path: `wandb-client-artifact://${artifact.clientId}/${entry}`,
      latestPath: `wandb-client-artifact://${artifact.sequenceClientId}:latest/${entry}`,
    });
  }

  /** Whether a table logged under `key` waits for its value (cheap check for the hot path). */
  get waiting(): boolean {
    return this.pending.size > 0;
  }

  /**
   * `json` (the value logged under `key`) as a history value and as a summary value, when it is the table of a
   * run-table artifact that waits for it; undefined otherwise.
   */
  take(key: string, json: string): { history: string; summary: string } | undefined {
    const entry = this.pending.get(key);
    if (entry === undefined || !json.startsWith(TABLE_FILE_PREFIX)) return undefined;
    this.pending.delete(key);
    return {
      history: withPaths(json, entry.path, entry.latestPath),
      summary: withPaths(json, entry.latestPath, entry.latestPath),
    };
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
