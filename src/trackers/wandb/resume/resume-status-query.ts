import type { WandbGraphqlClient } from '../online/graphql-client.js';
import { type ResumeBucket, resumeStateFromBucket, type WandbResumeState } from './wandb-resume-state.js';

/** The 0.15.12 client's query (protocol-2 §4): there is no `wandbConfig` field. */
const RUN_RESUME_STATUS = `query RunResumeStatus($project: String, $entity: String, $name: String!) {
  model(name: $project, entityName: $entity) {
    id
    name
    entity { id name }
    bucket(name: $name, missingOk: true) {
      id name summaryMetrics displayName logLineCount historyLineCount eventsLineCount historyTail eventsTail config
    }
  }
}`;

/**
 * Asks W&B where run `runId` left off (before any `UpsertBucket`): `undefined` when the project or the run does
 * not exist. Throws `WandbGraphqlError` when the server cannot be asked.
 */
export async function queryResumeStatus(
  graphql: WandbGraphqlClient,
  entity: string | undefined,
  project: string,
  runId: string,
): Promise<WandbResumeState | undefined> {
  const data = await graphql.execute<{ model?: { bucket?: ResumeBucket | null } | null }>(
    'RunResumeStatus',
    RUN_RESUME_STATUS,
    { project, entity: entity ?? null, name: runId },
  );
  const bucket = data.model?.bucket;
  return bucket ? resumeStateFromBucket(bucket) : undefined;
}
