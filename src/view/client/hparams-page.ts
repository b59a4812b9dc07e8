/// <reference lib="dom" />
import { getJson } from './api.js';
import { clear, el, sortableTable } from './dom.js';
import { type Page, runLabel, type ViewState } from './view-state.js';

interface HparamsJson {
  hparams: string[];
  metrics: string[];
  rows: { run: string; name: string; hparams: Record<string, unknown>; metrics: Record<string, unknown> }[];
}

/** Runs × hyper-parameters × final metrics, sortable by any column. */
export class HparamsPage implements Page {
  readonly title = 'HParams';

  constructor(private readonly state: ViewState) {}

  async render(root: HTMLElement): Promise<void> {
    clear(root);
    const body = await getJson<HparamsJson>('/api/hparams');
    const rows = body.rows.filter((row) => this.state.isSelected(row.run));
    if (rows.length === 0 || body.hparams.length + body.metrics.length === 0) {
      root.appendChild(
        el('p', { className: 'muted' }, 'No hyper-parameters or metrics in the selected runs.'),
      );
      return;
    }
    const columns = ['run', ...body.hparams, ...body.metrics.map((m) => `${m} (final)`)];
    const cells = rows.map((row) => [
      ((run) => (run === undefined ? row.name : runLabel(run)))(
        this.state.runs.find((r) => r.id === row.run),
      ),
      ...body.hparams.map((h) => row.hparams[h] ?? null),
      ...body.metrics.map((m) => row.metrics[m] ?? null),
    ]);
    root.appendChild(el('div', { className: 'card' }, sortableTable(columns, cells)));
  }
}
