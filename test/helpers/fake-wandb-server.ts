import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for W&B's API (GraphQL `Viewer`, `UpsertBucket`, `RunResumeStatus`, `CreateRunFiles`, `RunUploadUrls`,
 * `ArtifactType` and the artifact mutations,
 * `file_stream`, storage `PUT`) on 127.0.0.1, recording every request, with programmable faults.
 * It echoes the entity/project a client asks for (the viewer's entity when none), and rebuilds each
 * run's files by line offset, so a re-posted batch overwrites instead of duplicating.
 */

export interface RecordedRequest {
  readonly seq: number;
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  readonly text: string;
  /** The parsed JSON body (file_stream, GraphQL), when it parses. */
  readonly json: unknown;
  /** For GraphQL requests. */
  readonly operation: string | undefined;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  /** What the server answered; `reset` / `stall` for faults without an answer. */
  status: number | 'reset' | 'stall';
}

export interface FakeRun {
  readonly runId: string;
  entity: string;
  project: string;
  upserts: Record<string, unknown>[];
  /** Lines of each streamed file by offset (holes are `undefined`). */
  readonly files: Map<string, (string | undefined)[]>;
  summaryLine: string | undefined;
  uploaded: string[];
  complete: boolean;
  exitCode: number | undefined;
  fileStreamRequests: number;
}

/** An artifact version as the fake keeps it (W&B's test server's `ArtifactEmulator`, simplified). */
export interface FakeArtifact {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly digest: string;
  readonly runName: string | undefined;
  readonly aliases: string[];
  readonly variables: Readonly<Record<string, unknown>>;
  state: 'PENDING' | 'COMMITTED';
  /** Storage keys (in `uploads`) of the files W&B asked for, by artifact path. */
  readonly fileKeys: Map<string, string>;
  manifestDigest: string | undefined;
}

export type FaultTarget = 'graphql' | 'file_stream' | 'upload' | 'any';

export interface FaultRule {
  readonly target: FaultTarget;
  /** Only GraphQL requests of this operation. */
  readonly operation?: string;
  /** How many matching requests this rule hits (default 1). */
  times?: number;
  readonly status?: number;
  readonly retryAfter?: string;
  /** Close the connection without an answer. */
  readonly reset?: boolean;
  /** Wait this long before answering (the client's timeout should fire). */
  readonly stallMs?: number;
  /** Apply the request (store the lines) before failing: the client re-sends what the server already has. */
  readonly applyFirst?: boolean;
  /** Hit only the Nth matching request and later ones (0-based). */
  readonly skip?: number;
}

export interface FakeWandbServerOptions {
  /** When set, requests to GraphQL and file_stream need Basic `api:<apiKey>`; others get 401. */
  readonly apiKey?: string;
  readonly viewerEntity?: string;
  /** `false`: the server lacks the `CreateRunFiles` mutation (as W&B's old test server). */
  readonly createRunFiles?: boolean;
  /** Headers (`Name:Value`) the upload URLs require. */
  readonly uploadHeaders?: readonly string[];
  /** Serve upload URLs on this other origin (e.g. a second fake as "storage"). */
  readonly uploadBaseUrl?: string;
  /** Answer entity/project other than asked (as W&B's own test server does). */
  readonly forceEntity?: string;
  readonly forceProject?: string;
  /** Random failure rate (0–1) of file_stream POSTs with HTTP 500, for benchmarks. */
  readonly fileStreamFailureRate?: number;
}

export interface FakeWandbServer {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  readonly runs: Map<string, FakeRun>;
  /** Artifact versions by id (`CreateArtifact` … `CommitArtifact`). */
  readonly artifacts: Map<string, FakeArtifact>;
  readonly uploads: Map<
    string,
    { body: Buffer; headers: Readonly<Record<string, string | string[] | undefined>> }
  >;
  addFault(rule: FaultRule): void;
  /** Removes every fault rule not yet used up. */
  clearFaults(): void;
  /** While down, every connection is reset. */
  setDown(down: boolean): void;
  run(runId: string): FakeRun;
  /** The history lines of a run, in offset order; throws on a hole. */
  historyLines(runId: string): string[];
  fileLines(runId: string, file: string): string[];
  /** Requests of one kind. */
  requestsOf(kind: 'graphql' | 'file_stream' | 'upload', operation?: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeWandbServer(options: FakeWandbServerOptions = {}): Promise<FakeWandbServer> {
  const requests: RecordedRequest[] = [];
  const runs = new Map<string, FakeRun>();
  const artifacts = new Map<string, FakeArtifact>();
  const uploads = new Map<string, { body: Buffer; headers: Record<string, string | string[] | undefined> }>();
  const faults: FaultRule[] = [];
  const matchCounts = new Map<FaultRule, number>();
  let down = false;
  let seq = 0;
  const viewerEntity = options.viewerEntity ?? 'fake-viewer';
  const expectedAuth =
    options.apiKey === undefined
      ? undefined
      : `Basic ${Buffer.from(`api:${options.apiKey}`).toString('base64')}`;
  let baseUrl = '';

  function getRun(runId: string, entity = viewerEntity, project = 'uncategorized'): FakeRun {
    let run = runs.get(runId);
    if (!run) {
      run = {
        runId,
        entity,
        project,
        upserts: [],
        files: new Map(),
        summaryLine: undefined,
        uploaded: [],
        complete: false,
        exitCode: undefined,
        fileStreamRequests: 0,
      };
      runs.set(runId, run);
    }
    return run;
  }

  function kindOf(method: string, path: string): 'graphql' | 'file_stream' | 'upload' | 'other' {
    if (method === 'POST' && path === '/graphql') return 'graphql';
    if (method === 'POST' && /^\/files\/[^/]+\/[^/]+\/[^/]+\/file_stream$/.test(path)) return 'file_stream';
    if (method === 'PUT' && path.startsWith('/storage/')) return 'upload';
    return 'other';
  }

  function findFault(kind: string, operation: string | undefined): FaultRule | undefined {
    for (const rule of faults) {
      if ((rule.times ?? 1) <= 0) continue;
      if (rule.target !== 'any' && rule.target !== kind) continue;
      if (rule.operation !== undefined && rule.operation !== operation) continue;
      const seen = matchCounts.get(rule) ?? 0;
      matchCounts.set(rule, seen + 1);
      if (seen < (rule.skip ?? 0)) continue;
      rule.times = (rule.times ?? 1) - 1;
      return rule;
    }
    return undefined;
  }

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(text);
  }

  function graphql(record: RecordedRequest): { status: number; body: unknown } {
    const v = record.variables ?? {};
    switch (record.operation) {
      case 'Viewer':
        return {
          status: 200,
          body: { data: { viewer: { id: 'viewer-1', entity: viewerEntity, username: 'fake' } } },
        };
      case 'UpsertBucket': {
        const runId = String(v.name);
        const entity = options.forceEntity ?? (typeof v.entity === 'string' ? v.entity : viewerEntity);
        const project = options.forceProject ?? (typeof v.project === 'string' ? v.project : 'uncategorized');
        const inserted = !runs.has(runId);
        const run = getRun(runId, entity, project);
        run.entity = entity;
        run.project = project;
        run.upserts.push({ ...v });
        const displayName = typeof v.displayName === 'string' ? v.displayName : `fake-run-${runs.size}`;
        return {
          status: 200,
          body: {
            data: {
              upsertBucket: {
                bucket: {
                  id: `storage-${runId}`,
                  name: runId,
                  displayName,
                  description: null,
                  config: v.config ?? null,
                  sweepName: null,
                  project: { id: `p-${project}`, name: project, entity: { id: `e-${entity}`, name: entity } },
                },
                inserted,
              },
            },
          },
        };
      }
      case 'RunResumeStatus':
        return { status: 200, body: { data: { model: { bucket: resumeBucket(String(v.name)) } } } };
      case 'ArtifactType':
        return { status: 200, body: { data: { project: { artifact: artifactType(String(v.name)) } } } };
      case 'CreateArtifact':
      case 'CreateArtifactManifest':
      case 'CreateArtifactFiles':
      case 'CommitArtifact':
        return artifactOperation(record.operation, v);
      case 'CreateRunFiles': {
        if (options.createRunFiles === false) {
          return {
            status: 400,
            body: { errors: [{ message: 'Cannot query field "createRunFiles" on type "Mutation".' }] },
          };
        }
        const files = (v.files as string[]).map((name) => ({
          name,
          uploadUrl: uploadUrl(String(v.run), name),
        }));
        return {
          status: 200,
          body: {
            data: {
              createRunFiles: {
                runID: `storage-${v.run}`,
                uploadHeaders: options.uploadHeaders ?? [],
                files,
              },
            },
          },
        };
      }
      case 'RunUploadUrls': {
        const edges = (v.files as string[]).map((name) => ({
          node: { name, url: uploadUrl(String(v.run), name) },
        }));
        return {
          status: 200,
          body: {
            data: {
              model: {
                bucket: {
                  id: `storage-${v.run}`,
                  files: { uploadHeaders: options.uploadHeaders ?? [], edges },
                },
              },
            },
          },
        };
      }
      default:
        return { status: 400, body: { errors: [{ message: `Unknown operation ${record.operation}` }] } };
    }
  }

  /** `RunResumeStatus`'s bucket as W&B answers it (JSON strings, tails of the last 10 lines), or null. */
  function resumeBucket(runId: string): Record<string, unknown> | null {
    const run = runs.get(runId);
    if (!run) return null;
    const lines = (file: string) => (run.files.get(file) ?? []).filter((l): l is string => l !== undefined);
    const history = lines('wandb-history.jsonl');
    const events = lines('wandb-events.jsonl');
    return {
      id: `storage-${runId}`,
      name: runId,
      displayName: runId,
      summaryMetrics: run.summaryLine ?? null,
      logLineCount: lines('output.log').length,
      historyLineCount: history.length,
      eventsLineCount: events.length,
      historyTail: JSON.stringify(history.slice(-10)),
      eventsTail: JSON.stringify(events.slice(-10)),
      config: (run.upserts[run.upserts.length - 1]?.config as string | undefined) ?? null,
    };
  }

  /** `ArtifactType`'s answer for `<collection>:<alias>`: the type of the collection's latest version, or null. */
  function artifactType(name: string): { artifactType: { name: string } } | null {
    const collection = name.includes(':') ? name.slice(0, name.lastIndexOf(':')) : name;
    const versions = [...artifacts.values()].filter((a) => a.name === collection);
    const latest = versions[versions.length - 1];
    return latest ? { artifactType: { name: latest.type } } : null;
  }

  /** The artifact mutations of protocol-2 §5: PENDING drafts, upload URLs per file, commit; a stored digest is COMMITTED. */
  function artifactOperation(
    operation: string,
    v: Readonly<Record<string, unknown>>,
  ): { status: number; body: unknown } {
    const storage = (id: string, name: string) =>
      `${options.uploadBaseUrl ?? baseUrl}/storage/artifacts/${id}/${name}`;
    if (operation === 'CreateArtifact') {
      const name = String((v.artifactCollectionNames as string[])[0]);
      const versions = [...artifacts.values()].filter((a) => a.name === name);
      const same = versions.find((a) => a.digest === v.digest && a.state === 'COMMITTED');
      const latest = versions[versions.length - 1];
      const artifact = same ?? {
        id: `art-${artifacts.size + 1}`,
        name,
        type: String(v.artifactTypeName),
        digest: String(v.digest),
        runName: typeof v.runName === 'string' ? v.runName : undefined,
        aliases: ((v.aliases as { alias: string }[] | undefined) ?? []).map((a) => a.alias),
        variables: { ...v },
        state: 'PENDING' as const,
        fileKeys: new Map<string, string>(),
        manifestDigest: undefined,
      };
      artifacts.set(artifact.id, artifact);
      const sequence = {
        id: `seq-${name}`,
        latestArtifact: latest ? { id: latest.id, versionIndex: versions.length - 1 } : null,
      };
      return {
        status: 200,
        body: {
          data: {
            createArtifact: {
              artifact: { id: artifact.id, state: artifact.state, artifactSequence: sequence },
            },
          },
        },
      };
    }
    if (operation === 'CreateArtifactManifest') {
      const artifact = artifacts.get(String(v.artifactID));
      if (!artifact) return { status: 200, body: { errors: [{ message: 'no such artifact' }] } };
      if (v.digest) artifact.manifestDigest = String(v.digest);
      const file = {
        id: `mf-${artifact.id}`,
        name: 'wandb_manifest.json',
        displayName: 'wandb_manifest.json',
        uploadUrl: storage(artifact.id, 'wandb_manifest.json'),
        uploadHeaders: options.uploadHeaders ?? [],
      };
      return {
        status: 200,
        body: {
          data: { createArtifactManifest: { artifactManifest: { id: `manifest-${artifact.id}`, file } } },
        },
      };
    }
    if (operation === 'CreateArtifactFiles') {
      const edges = (v.artifactFiles as { artifactID: string; name: string }[]).map((spec) => {
        const artifact = artifacts.get(spec.artifactID);
        artifact?.fileKeys.set(spec.name, `artifacts/${spec.artifactID}/${spec.name}`);
        return {
          node: {
            id: `f-${spec.name}`,
            name: spec.name,
            displayName: spec.name,
            uploadUrl: storage(spec.artifactID, spec.name),
            uploadHeaders: options.uploadHeaders ?? [],
            artifact: { id: spec.artifactID },
          },
        };
      });
      return { status: 200, body: { data: { createArtifactFiles: { files: { edges } } } } };
    }
    const artifact = artifacts.get(String(v.artifactID));
    if (!artifact) return { status: 200, body: { errors: [{ message: 'no such artifact' }] } };
    artifact.state = 'COMMITTED';
    return {
      status: 200,
      body: { data: { commitArtifact: { artifact: { id: artifact.id, digest: artifact.digest } } } },
    };
  }

  function uploadUrl(runId: string, name: string): string {
    return `${options.uploadBaseUrl ?? baseUrl}/storage/${encodeURIComponent(runId)}/${name}`;
  }

  function fileStream(record: RecordedRequest): { status: number; body: unknown } {
    const [, , entity, project, runId] = record.path.split('/') as string[];
    const run = getRun(decodeURIComponent(runId as string), entity, project);
    run.fileStreamRequests++;
    const body = record.json as {
      files?: Record<string, { offset: number; content: string[] }>;
      complete?: boolean;
      exitcode?: number;
      uploaded?: string[];
    };
    if (typeof body !== 'object' || body === null) return { status: 400, body: { error: 'bad json' } };
    for (const [name, chunk] of Object.entries(body.files ?? {})) {
      if (name === 'wandb-summary.json') {
        run.summaryLine = chunk.content[chunk.content.length - 1];
        continue;
      }
      let lines = run.files.get(name);
      if (!lines) {
        lines = [];
        run.files.set(name, lines);
      }
      chunk.content.forEach((line, i) => {
        (lines as (string | undefined)[])[chunk.offset + i] = line;
      });
    }
    for (const name of body.uploaded ?? []) if (!run.uploaded.includes(name)) run.uploaded.push(name);
    if (body.complete === true) {
      run.complete = true;
      run.exitCode = body.exitcode;
    }
    return { status: 200, body: { exitcode: null, limits: {} } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const text = body.toString('utf8');
    let json: unknown;
    try {
      json = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const method = req.method ?? 'GET';
    const kind = kindOf(method, url.pathname);
    const query = (json as { query?: unknown } | undefined)?.query;
    const operation =
      kind === 'graphql' && typeof query === 'string'
        ? /(?:query|mutation)\s+(\w+)/.exec(query)?.[1]
        : undefined;
    const record: RecordedRequest = {
      seq: seq++,
      at: Date.now(),
      method,
      path: url.pathname,
      query: url.search,
      headers: { ...req.headers },
      body,
      text,
      json,
      operation,
      variables:
        kind === 'graphql' ? ((json as { variables?: Record<string, unknown> }).variables ?? {}) : undefined,
      status: 0,
    };
    requests.push(record);
    if (down) {
      record.status = 'reset';
      req.socket.destroy();
      return;
    }
    if (expectedAuth !== undefined && kind !== 'upload' && req.headers.authorization !== expectedAuth) {
      record.status = 401;
      send(res, 401, { errors: [{ message: 'invalid api key' }] });
      return;
    }
    const fault = findFault(kind, operation);
    const respond = (): { status: number; body: unknown } => {
      if (kind === 'graphql') return graphql(record);
      if (kind === 'file_stream') return fileStream(record);
      if (kind === 'upload') {
        uploads.set(decodeURIComponent(url.pathname.slice('/storage/'.length)), {
          body,
          headers: record.headers,
        });
        return { status: 200, body: '' };
      }
      return { status: 404, body: { error: 'not found' } };
    };
    if (fault) {
      if (fault.applyFirst) respond();
      if (fault.stallMs !== undefined) {
        record.status = 'stall';
        await new Promise((r) => setTimeout(r, fault.stallMs));
        if (res.destroyed) return;
      }
      if (fault.reset) {
        record.status = 'reset';
        req.socket.destroy();
        return;
      }
      if (fault.status !== undefined) {
        record.status = fault.status;
        send(
          res,
          fault.status,
          { error: 'injected fault' },
          fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
        );
        return;
      }
    }
    if (
      kind === 'file_stream' &&
      options.fileStreamFailureRate &&
      Math.random() < options.fileStreamFailureRate
    ) {
      record.status = 500;
      send(res, 500, { error: 'random fault' });
      return;
    }
    const answer = respond();
    record.status = answer.status;
    send(res, answer.status, answer.body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const fake: FakeWandbServer = {
    url: baseUrl,
    port,
    requests,
    runs,
    artifacts,
    uploads,
    addFault(rule) {
      faults.push({ ...rule, times: rule.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
    },
    setDown(value) {
      down = value;
    },
    run(runId) {
      const run = runs.get(runId);
      if (!run)
        throw new Error(`the fake W&B server has no run ${runId} (runs: ${[...runs.keys()].join(', ')})`);
      return run;
    },
    historyLines(runId) {
      return fake.fileLines(runId, 'wandb-history.jsonl');
    },
    fileLines(runId, file) {
      const lines = fake.run(runId).files.get(file) ?? [];
      for (let i = 0; i < lines.length; i++) {
        if (lines[i] === undefined) throw new Error(`${file} of run ${runId} has a hole at line ${i}`);
      }
      return lines as string[];
    },
    requestsOf(kind, operation) {
      return requests.filter(
        (r) => kindOf(r.method, r.path) === kind && (operation === undefined || r.operation === operation),
      );
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
