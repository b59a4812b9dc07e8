/// <reference lib="dom" />
import { getJson, type RunJson, type RunsJson } from './api.js';

/** What every page shares: the runs, which are selected, the traces; kept current by the event stream. */
export class ViewState {
  runs: RunJson[] = [];
  traces: string[] = [];
  /** Runs the user unticked (new runs start selected). */
  private readonly deselected = new Set<string>(this.loadDeselected());

  async loadRuns(): Promise<void> {
    const body = await getJson<RunsJson>('/api/runs');
    this.runs = body.runs;
    this.traces = body.traces;
  }

  isSelected(id: string): boolean {
    return !this.deselected.has(id);
  }

  setSelected(id: string, selected: boolean): void {
    if (selected) this.deselected.delete(id);
    else this.deselected.add(id);
    try {
      localStorage.setItem('trainscope.deselected', JSON.stringify([...this.deselected]));
    } catch {
      // private mode: selection lasts for this page only
    }
  }

  selectedRuns(): RunJson[] {
    return this.runs.filter((run) => this.isSelected(run.id));
  }

  private loadDeselected(): string[] {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem('trainscope.deselected') ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }
}

/** A page of the dashboard: renders into its root, and updates when runs change. */
export interface Page {
  readonly title: string;
  render(root: HTMLElement): Promise<void>;
  /** New data for these runs arrived (the page re-fetches what it shows of them). */
  update?(changedRuns: readonly string[]): Promise<void>;
}

/** A run's name with its source, so a run written to both backends reads as two distinct lines. */
export function runLabel(run: RunJson): string {
  return `${run.name} (${run.source === 'wandb' ? 'W&B' : 'TB'})`;
}

/** The colour of a run in every chart (stable by position in the runs list). */
export function runColor(index: number): string {
  const palette = [
    '#0969da',
    '#cf222e',
    '#1a7f37',
    '#8250df',
    '#bf8700',
    '#1b7c83',
    '#e16f24',
    '#6e7781',
    '#bc4c00',
    '#0550ae',
  ];
  return palette[index % palette.length]!;
}
