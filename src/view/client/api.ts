/// <reference lib="dom" />
/** Talks to the server: the token from the page's own URL goes with every request. */
const token = new URLSearchParams(location.search).get('token');

export function apiUrl(path: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) query.set(key, String(value));
  if (token !== null) query.set('token', token);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

export async function getJson<T>(path: string, params: Record<string, string | number> = {}): Promise<T> {
  const response = await fetch(apiUrl(path, params));
  if (!response.ok) {
    let message = `${response.status}`;
    try {
      message = ((await response.json()) as { error?: string }).error ?? message;
    } catch {
      // keep the status
    }
    throw new Error(message);
  }
  return (await response.json()) as T;
}

export interface RunJson {
  id: string;
  name: string;
  source: 'tensorboard' | 'wandb';
  path: string;
  status: 'running' | 'finished' | 'crashed';
  exitCode: number | null;
  startTime: number | null;
  durationSeconds: number | null;
  config: Record<string, unknown>;
  tags: string[];
  counts: Record<string, number>;
  problems: string[];
}

export interface RunsJson {
  runs: RunJson[];
  traces: string[];
  memory: { data: number; reserved: number };
}

export interface ScalarInfo {
  tag: string;
  count: number;
  min: number | null;
  max: number | null;
}

export interface TagsJson {
  run: string;
  scalars: ScalarInfo[];
  system: ScalarInfo[];
  histograms: { tag: string; count: number }[];
  texts: { tag: string; count: number }[];
  tables: { tag: string; count: number }[];
}

export interface SeriesJson {
  run: string;
  tag: string;
  steps: number[];
  wallTimes: number[];
  values: (number | null)[];
  total: number;
  min: number | null;
  max: number | null;
}

export interface TablePointJson {
  step: number;
  wallTime: number;
  columns: string[];
  rows: unknown[][];
}
