import type { WandbHttpClient } from './http-client.js';

/** Why a GraphQL operation failed. `auth` and `unreachable` stop the online side; `rejected` drops one call. */
export type GraphqlFailure = 'auth' | 'unreachable' | 'rejected';

export class WandbGraphqlError extends Error {
  constructor(
    readonly operation: string,
    readonly failure: GraphqlFailure,
    message: string,
    /** GraphQL `errors[].message`s, when the server answered with some. */
    readonly graphqlMessages: readonly string[] = [],
  ) {
    super(`W&B ${operation}: ${message}`);
    this.name = 'WandbGraphqlError';
  }
}

const VIEWER = 'query Viewer { viewer { id entity username } }';

const UPSERT_BUCKET = `mutation UpsertBucket($id: String, $name: String, $project: String, $entity: String, $groupName: String,
  $description: String, $displayName: String, $notes: String, $commit: String, $config: JSONString, $host: String,
  $debug: Boolean, $program: String, $repo: String, $jobType: String, $state: String, $sweep: String, $tags: [String!],
  $summaryMetrics: JSONString) {
  upsertBucket(input: {id: $id, name: $name, groupName: $groupName, modelName: $project, entityName: $entity,
    description: $description, displayName: $displayName, notes: $notes, config: $config, commit: $commit,
    host: $host, debug: $debug, jobProgram: $program, jobRepo: $repo, jobType: $jobType, state: $state,
    sweep: $sweep, tags: $tags, summaryMetrics: $summaryMetrics}) {
    bucket { id name displayName description config sweepName project { id name entity { id name } } }
    inserted
  }
}`;

const CREATE_RUN_FILES = `mutation CreateRunFiles($entity: String!, $project: String!, $run: String!, $files: [String!]!) {
  createRunFiles(input: {entityName: $entity, projectName: $project, runName: $run, files: $files}) {
    runID uploadHeaders files { name uploadUrl }
  }
}`;

const RUN_UPLOAD_URLS = `query RunUploadUrls($name: String!, $files: [String]!, $entity: String, $run: String!, $description: String) {
  model(name: $name, entityName: $entity) {
    bucket(name: $run, desc: $description) {
      id
      files(names: $files) { uploadHeaders edges { node { name url(upload: true) } } }
    }
  }
}`;

/** The `UpsertBucket` variables trainscope sends (protocol §3). */
export interface UpsertBucketVariables {
  readonly name: string;
  readonly project: string;
  readonly entity: string | null;
  readonly displayName?: string | null;
  readonly groupName?: string | null;
  readonly notes?: string | null;
  readonly tags?: readonly string[] | null;
  readonly jobType?: string | null;
  readonly host?: string | null;
  readonly program?: string | null;
  /** JSON string of `{key: {"desc": null, "value": v}}`. */
  readonly config?: string | null;
  readonly summaryMetrics?: string | null;
  /** HEAD's sha and the credential-free `origin` URL (`jobRepo`), when the program runs in a git repository. */
  readonly commit?: string | null;
  readonly repo?: string | null;
}

export interface UpsertedRun {
  readonly storageId: string | undefined;
  readonly runId: string;
  readonly displayName: string | undefined;
  readonly project: string;
  readonly entity: string;
  /** `false`: the run already existed (a reused id). */
  readonly inserted: boolean;
}

export interface UploadTarget {
  readonly name: string;
  /** `null`: the server already has this file. */
  readonly url: string | null;
  /** `Name:Value` pairs to send with the PUT. */
  readonly headers: readonly string[];
}

/** The few W&B GraphQL operations a run needs: `Viewer`, `UpsertBucket`, `CreateRunFiles`/`RunUploadUrls`. */
export class WandbGraphqlClient {
  private createRunFilesMissing = false;

  constructor(private readonly http: WandbHttpClient) {}

  async viewerEntity(): Promise<string | undefined> {
    const data = await this.execute<{ viewer?: { entity?: string | null } | null }>('Viewer', VIEWER, {});
    return data.viewer?.entity ?? undefined;
  }

  async upsertBucket(variables: UpsertBucketVariables): Promise<UpsertedRun> {
    const data = await this.execute<{
      upsertBucket?: {
        bucket?: {
          id?: string;
          name?: string;
          displayName?: string | null;
          project?: { name?: string; entity?: { name?: string } };
        };
        inserted?: boolean | null;
      };
    }>('UpsertBucket', UPSERT_BUCKET, {
      id: null,
      description: null,
      commit: null,
      debug: false,
      repo: null,
      state: null,
      sweep: null,
      summaryMetrics: null,
      ...variables,
    });
    const bucket = data.upsertBucket?.bucket;
    return {
      storageId: bucket?.id,
      runId: bucket?.name ?? variables.name,
      displayName: bucket?.displayName ?? undefined,
      project: bucket?.project?.name ?? variables.project,
      entity: bucket?.project?.entity?.name ?? variables.entity ?? '',
      inserted: data.upsertBucket?.inserted !== false,
    };
  }

  /** Signed upload URLs for run files: `CreateRunFiles`, or the legacy `RunUploadUrls` when the server lacks it. */
  async uploadTargets(
    entity: string,
    project: string,
    run: string,
    files: readonly string[],
  ): Promise<UploadTarget[]> {
    if (!this.createRunFilesMissing) {
      try {
        const data = await this.execute<{
          createRunFiles?: {
            uploadHeaders?: string[] | null;
            files?: { name: string; uploadUrl: string | null }[];
          };
        }>('CreateRunFiles', CREATE_RUN_FILES, { entity, project, run, files });
        const headers = data.createRunFiles?.uploadHeaders ?? [];
        return (data.createRunFiles?.files ?? []).map((f) => ({ name: f.name, url: f.uploadUrl, headers }));
      } catch (error) {
        if (!(error instanceof WandbGraphqlError) || !mentionsMissingCreateRunFiles(error)) throw error;
        this.createRunFilesMissing = true;
      }
    }
    const data = await this.execute<{
      model?: {
        bucket?: {
          files?: {
            uploadHeaders?: string[] | null;
            edges?: { node?: { name: string; url: string | null } }[];
          };
        };
      };
    }>('RunUploadUrls', RUN_UPLOAD_URLS, { name: project, run, entity, files, description: null });
    const filesField = data.model?.bucket?.files;
    const headers = filesField?.uploadHeaders ?? [];
    return (filesField?.edges ?? []).flatMap((e) =>
      e.node ? [{ name: e.node.name, url: e.node.url, headers }] : [],
    );
  }

  async execute<T>(operation: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const result = await this.http.send({
      kind: 'graphql',
      method: 'POST',
      url: '/graphql',
      contentType: 'application/json',
      body: JSON.stringify({ query, variables }),
    });
    if (result.outcome === 'auth') {
      throw new WandbGraphqlError(
        operation,
        'auth',
        `HTTP ${result.status}: the API key was refused (check WANDB_API_KEY / \`wandb login\` and the entity's access)`,
      );
    }
    if (result.outcome === 'gave-up') throw new WandbGraphqlError(operation, 'unreachable', result.reason);
    const parsed = parseJson(result.body);
    const messages = graphqlErrorMessages(parsed);
    if (result.outcome === 'rejected') {
      throw new WandbGraphqlError(
        operation,
        'rejected',
        this.http.redact(`HTTP ${result.status}${messages.length > 0 ? `: ${messages.join('; ')}` : ''}`),
        messages,
      );
    }
    if (messages.length > 0) {
      throw new WandbGraphqlError(operation, 'rejected', this.http.redact(messages.join('; ')), messages);
    }
    const data = (parsed as { data?: T } | undefined)?.data;
    if (data === undefined || data === null) {
      throw new WandbGraphqlError(operation, 'rejected', 'the answer has no `data`');
    }
    return data;
  }
}

function mentionsMissingCreateRunFiles(error: WandbGraphqlError): boolean {
  return error.graphqlMessages.some((m) => /createRunFiles/i.test(m));
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function graphqlErrorMessages(parsed: unknown): string[] {
  const errors = (parsed as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => String((e as { message?: unknown })?.message ?? JSON.stringify(e)));
}
