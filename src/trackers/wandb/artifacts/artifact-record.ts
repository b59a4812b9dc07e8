import protobuf from 'protobufjs';
import type { StagedArtifact } from '../../../core/staged-artifact.js';

/**
 * `wandb_internal.ArtifactRecord` (Record field 8, which trainscope's record schema keeps as bytes), with the
 * field numbers of the 0.15.12 client (protocol-2 §5): what an offline run persists so that `wandb sync` and
 * `trainscope sync` upload the artifact from its staging copies (`local_path`).
 */
const root = protobuf.Root.fromJSON({
  nested: {
    KeyJson: { fields: { key: { type: 'string', id: 1 }, value_json: { type: 'string', id: 2 } } },
    ArtifactManifestEntry: {
      fields: {
        path: { type: 'string', id: 1 },
        digest: { type: 'string', id: 2 },
        ref: { type: 'string', id: 3 },
        size: { type: 'int64', id: 4 },
        mimetype: { type: 'string', id: 5 },
        local_path: { type: 'string', id: 6 },
        birth_artifact_id: { type: 'string', id: 7 },
      },
    },
    ArtifactManifest: {
      fields: {
        version: { type: 'int32', id: 1 },
        storage_policy: { type: 'string', id: 2 },
        storage_policy_config: { rule: 'repeated', type: 'KeyJson', id: 3 },
        contents: { rule: 'repeated', type: 'ArtifactManifestEntry', id: 4 },
      },
    },
    ArtifactRecord: {
      fields: {
        run_id: { type: 'string', id: 1 },
        project: { type: 'string', id: 2 },
        entity: { type: 'string', id: 3 },
        type: { type: 'string', id: 4 },
        name: { type: 'string', id: 5 },
        digest: { type: 'string', id: 6 },
        description: { type: 'string', id: 7 },
        metadata: { type: 'string', id: 8 },
        user_created: { type: 'bool', id: 9 },
        use_after_commit: { type: 'bool', id: 10 },
        aliases: { rule: 'repeated', type: 'string', id: 11 },
        manifest: { type: 'ArtifactManifest', id: 12 },
        finalize: { type: 'bool', id: 14 },
        client_id: { type: 'string', id: 15 },
        sequence_client_id: { type: 'string', id: 16 },
      },
    },
  },
});
const ArtifactRecordMessage = root.lookupType('ArtifactRecord');

interface ArtifactRecordObject {
  run_id?: string;
  project?: string;
  entity?: string;
  type?: string;
  name?: string;
  digest?: string;
  metadata?: string;
  aliases?: string[];
  manifest?: {
    contents?: { path?: string; digest?: string; size?: number; local_path?: string }[];
  };
  client_id?: string;
  sequence_client_id?: string;
}

/** The encoded `ArtifactRecord` of a staged artifact (manifest v1, `wandb-storage-policy-v1`, layout V2). */
export function encodeArtifactRecord(
  artifact: StagedArtifact,
  run: { id: string; project: string; entity: string | undefined },
): Uint8Array {
  const message = {
    run_id: run.id,
    project: run.project,
    ...(run.entity !== undefined ? { entity: run.entity } : {}),
    type: artifact.type,
    name: artifact.name,
    digest: artifact.digest,
    ...(artifact.metadata !== undefined ? { metadata: JSON.stringify(artifact.metadata) } : {}),
    aliases: [...artifact.aliases],
    manifest: {
      version: 1,
      storage_policy: 'wandb-storage-policy-v1',
      storage_policy_config: [{ key: 'storageLayout', value_json: '"V2"' }],
      contents: artifact.files.map((f) => ({
        path: f.path,
        digest: f.digest,
        size: f.size,
        local_path: f.localPath,
      })),
    },
    finalize: true,
    client_id: artifact.clientId,
    sequence_client_id: artifact.sequenceClientId,
  };
  return ArtifactRecordMessage.encode(ArtifactRecordMessage.fromObject(message)).finish();
}

/** A persisted `ArtifactRecord` back as a staged artifact (`step`: the record carries none, 0). */
export function decodeArtifactRecord(bytes: Uint8Array): StagedArtifact {
  const record = ArtifactRecordMessage.toObject(ArtifactRecordMessage.decode(bytes), {
    longs: Number,
    defaults: false,
  }) as ArtifactRecordObject;
  let metadata: Record<string, unknown> | undefined;
  try {
    metadata = record.metadata ? (JSON.parse(record.metadata) as Record<string, unknown>) : undefined;
  } catch {
    metadata = undefined;
  }
  return {
    name: record.name ?? '',
    type: record.type ?? 'unspecified',
    aliases: record.aliases ?? ['latest'],
    metadata,
    digest: record.digest ?? '',
    files: (record.manifest?.contents ?? []).map((e) => ({
      path: e.path ?? '',
      digest: e.digest ?? '',
      size: e.size ?? 0,
      localPath: e.local_path ?? '',
    })),
    step: 0,
    clientId: record.client_id ?? '',
    sequenceClientId: record.sequence_client_id ?? '',
  };
}

/** The manifest file W&B stores (`wandb_manifest.json`, indent 4, entries by path). */
export function manifestJson(artifact: StagedArtifact, birthArtifactId: (path: string) => string): string {
  const contents: Record<string, { digest: string; birthArtifactID: string; size: number }> = {};
  for (const file of [...artifact.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    contents[file.path] = {
      digest: file.digest,
      birthArtifactID: birthArtifactId(file.path),
      size: file.size,
    };
  }
  const manifest = {
    version: 1,
    storagePolicy: 'wandb-storage-policy-v1',
    storagePolicyConfig: { storageLayout: 'V2' },
    contents,
  };
  return JSON.stringify(manifest, null, 4);
}
