import type { ServerResponse } from 'node:http';
import { relative } from 'node:path';
import { flameChartOf } from './chrome-trace.js';
import { downsampleMinMax } from './downsample.js';
import { hparamsTable } from './hparams-table.js';
import type { SeriesColumn } from './series-column.js';
import { seriesCsv, seriesJson } from './series-export.js';
import type { ViewIndex } from './view-index.js';
import type { ViewRun } from './view-run.js';

const MAX_BUCKETS = 8192;

/** A request the API cannot answer: its status code and a message for the page. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function tagList(map: Map<string, { length: number }>): { tag: string; count: number }[] {
  return [...map]
    .map(([tag, list]) => ({ tag, count: list.length }))
    .sort((a, b) => (a.tag < b.tag ? -1 : 1));
}

/**
 * The JSON API under `/api/`. Every answer is data (JSON, CSV) the page renders as text; nothing from a log is
 * ever sent as markup. Runs are addressed by id (`?run=`), series by tag (`?tag=`).
 */
export class ApiRoutes {
  constructor(private readonly index: ViewIndex) {}

  handle(path: string, query: URLSearchParams, res: ServerResponse): void {
    if (path === '/api/download') this.download(query, res);
    else sendJson(res, this.body(path, query));
  }

  private body(path: string, query: URLSearchParams): unknown {
    switch (path) {
      case '/api/runs':
        return {
          runs: this.index.list().map((run) => run.toSummaryJson()),
          traces: this.traceNames(),
          memory: this.index.numericBytes(),
        };
      case '/api/tags':
        return this.tags(this.run(query));
      case '/api/scalars':
        return this.scalars(query);
      case '/api/histograms': {
        const run = this.run(query);
        return {
          run: run.id,
          tag: query.get('tag'),
          points: this.listOf(run.histograms, query),
        };
      }
      case '/api/texts': {
        const run = this.run(query);
        return {
          texts: Object.fromEntries(run.texts),
          tables: Object.fromEntries(run.tables),
        };
      }
      case '/api/hparams':
        return hparamsTable(this.index.list());
      case '/api/graphs':
        return { graphs: this.run(query).graphs };
      case '/api/console':
        return { lines: this.run(query).consoleLines };
      case '/api/profiler':
        return this.profiler(this.run(query));
      case '/api/trace':
        return this.trace(query);
      default:
        throw new ApiError(404, `no such API: ${path}`);
    }
  }

  private run(query: URLSearchParams): ViewRun {
    const id = query.get('run') ?? '';
    const run = this.index.runs.get(id);
    if (run === undefined) throw new ApiError(404, `no run with id ${JSON.stringify(id)}`);
    return run;
  }

  private series(query: URLSearchParams): { run: ViewRun; tag: string; series: SeriesColumn } {
    const run = this.run(query);
    const tag = query.get('tag') ?? '';
    const map = query.get('system') === '1' ? run.system : run.scalars;
    const series = map.get(tag);
    if (series === undefined) throw new ApiError(404, `run ${run.id} has no scalar ${JSON.stringify(tag)}`);
    return { run, tag, series };
  }

  private listOf<T>(map: Map<string, T[]>, query: URLSearchParams): T[] {
    const tag = query.get('tag') ?? '';
    const list = map.get(tag);
    if (list === undefined) throw new ApiError(404, `no tag ${JSON.stringify(tag)}`);
    return list;
  }

  private tags(run: ViewRun): unknown {
    const scalarInfo = (map: Map<string, SeriesColumn>) =>
      [...map]
        .map(([tag, s]) => ({
          tag,
          count: s.length,
          min: Number.isFinite(s.min) ? s.min : null,
          max: Number.isFinite(s.max) ? s.max : null,
        }))
        .sort((a, b) => (a.tag < b.tag ? -1 : 1));
    return {
      run: run.id,
      version: run.version,
      scalars: scalarInfo(run.scalars),
      system: scalarInfo(run.system),
      histograms: tagList(run.histograms),
      texts: tagList(run.texts),
      tables: tagList(run.tables),
    };
  }

  private scalars(query: URLSearchParams): unknown {
    const { run, tag, series } = this.series(query);
    const requested = Number(query.get('buckets') ?? '1000');
    const buckets = Math.max(
      1,
      Math.min(MAX_BUCKETS, Number.isFinite(requested) ? Math.floor(requested) : 1000),
    );
    return {
      run: run.id,
      tag,
      min: Number.isFinite(series.min) ? series.min : null,
      max: Number.isFinite(series.max) ? series.max : null,
      ...downsampleMinMax(series, buckets),
    };
  }

  private download(query: URLSearchParams, res: ServerResponse): void {
    const { run, tag, series } = this.series(query);
    const csv = query.get('format') !== 'json';
    const fileName = `${run.name}-${tag}`.replace(/[^A-Za-z0-9._-]+/g, '_');
    res.writeHead(200, {
      'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}.${csv ? 'csv' : 'json'}"`,
      'cache-control': 'no-store',
    });
    for (const chunk of csv ? seriesCsv(series) : seriesJson(tag, series)) res.write(chunk);
    res.end();
  }

  /** The run's profiler tables (`profiling/...` tables, latest of each) and operation timings. */
  private profiler(run: ViewRun): unknown {
    const tables: Record<string, unknown> = {};
    for (const [tag, points] of run.tables) {
      if (tag.startsWith('profiling/') && points.length > 0) tables[tag] = points[points.length - 1];
    }
    const timings = [...run.scalars.keys()].filter((t) => t.startsWith('profiling/timing/')).sort();
    return { tables, timings, traces: this.traceNames() };
  }

  private traceNames(): string[] {
    return this.index.traceFiles.map((file) => relative(process.cwd(), file));
  }

  private trace(query: URLSearchParams): unknown {
    const name = query.get('file') ?? '';
    const file = this.index.traceFiles.find((f) => relative(process.cwd(), f) === name);
    if (file === undefined) throw new ApiError(404, `no trace ${JSON.stringify(name)}`);
    try {
      return { file: name, ...flameChartOf(file) };
    } catch (error) {
      throw new ApiError(422, `cannot read trace ${name}: ${(error as Error).message}`);
    }
  }
}
