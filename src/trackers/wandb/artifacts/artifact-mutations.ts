/** The artifact GraphQL operations of the 0.15.12 client (protocol-2 §5), without the introspection probes. */

/** The type W&B holds for an artifact collection (`name:latest`), asked before `CreateArtifact` (a clash is an error). */
export const ARTIFACT_TYPE = `query ArtifactType($entityName: String, $projectName: String, $name: String!) {
  project(name: $projectName, entityName: $entityName) { artifact(name: $name) { artifactType { name } } }
}`;

export const CREATE_ARTIFACT = `mutation CreateArtifact($artifactTypeName: String!, $artifactCollectionNames: [String!],
  $entityName: String!, $projectName: String!, $runName: String, $description: String, $digest: String!,
  $aliases: [ArtifactAliasInput!], $metadata: JSONString, $clientID: ID, $sequenceClientID: ID, $historyStep: Int64) {
  createArtifact(input: {artifactTypeName: $artifactTypeName, artifactCollectionNames: $artifactCollectionNames,
    entityName: $entityName, projectName: $projectName, runName: $runName, description: $description,
    digest: $digest, digestAlgorithm: MANIFEST_MD5, aliases: $aliases, metadata: $metadata, clientID: $clientID,
    sequenceClientID: $sequenceClientID, historyStep: $historyStep, enableDigestDeduplication: true}) {
    artifact { id state artifactSequence { id latestArtifact { id versionIndex } } }
  }
}`;

export const CREATE_ARTIFACT_MANIFEST = `mutation CreateArtifactManifest($name: String!, $digest: String!,
  $artifactID: ID!, $baseArtifactID: ID, $entityName: String!, $projectName: String!, $runName: String!,
  $includeUpload: Boolean!) {
  createArtifactManifest(input: {name: $name, digest: $digest, artifactID: $artifactID,
    baseArtifactID: $baseArtifactID, entityName: $entityName, projectName: $projectName, runName: $runName}) {
    artifactManifest {
      id
      file { id name displayName uploadUrl @include(if: $includeUpload) uploadHeaders @include(if: $includeUpload) }
    }
  }
}`;

export const CREATE_ARTIFACT_FILES = `mutation CreateArtifactFiles($storageLayout: ArtifactStorageLayout!,
  $artifactFiles: [CreateArtifactFileSpecInput!]!) {
  createArtifactFiles(input: {artifactFiles: $artifactFiles, storageLayout: $storageLayout}) {
    files { edges { node { id name displayName uploadUrl uploadHeaders artifact { id } } } }
  }
}`;

export const COMMIT_ARTIFACT = `mutation CommitArtifact($artifactID: ID!) {
  commitArtifact(input: {artifactID: $artifactID}) { artifact { id digest } }
}`;

export interface CreatedArtifact {
  readonly id: string;
  readonly state: string;
  readonly latestId: string | undefined;
}

export interface ArtifactFileTarget {
  readonly name: string;
  readonly uploadUrl: string | null;
  readonly uploadHeaders: readonly string[];
  readonly birthArtifactId: string | undefined;
}

/** `Name:Value` pairs as request headers. */
export function headerRecord(pairs: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of pairs) {
    const colon = header.indexOf(':');
    if (colon > 0) headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
  }
  return headers;
}
