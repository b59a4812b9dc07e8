/// <reference lib="dom" />
import type { RunJson } from './api.js';
import { clear, el, formatDuration } from './dom.js';
import { type Page, runColor, type ViewState } from './view-state.js';

/** The runs table: source, status, start, duration, tags, config; filter and select. */
export class RunsPage implements Page {
  readonly title = 'Runs';
  private filter = '';
  private root: HTMLElement | undefined;

  constructor(private readonly state: ViewState) {}

  async render(root: HTMLElement): Promise<void> {
    this.root = root;
    clear(root);
    const filter = el('input', {
      type: 'text',
      placeholder: 'filter runs (name, tag, source)',
      value: this.filter,
    });
    filter.oninput = () => {
      this.filter = filter.value;
      this.fill();
    };
    const all = el('button', { onclick: () => this.selectAll(true) }, 'select all');
    const none = el('button', { onclick: () => this.selectAll(false) }, 'select none');
    root.append(el('div', { className: 'toolbar' }, filter, all, none), el('div', { className: 'runs' }));
    this.fill();
  }

  async update(): Promise<void> {
    this.fill();
  }

  private visible(): RunJson[] {
    const needle = this.filter.toLowerCase();
    return this.state.runs.filter((run) =>
      [run.name, run.source, run.status, ...run.tags].some((text) => text.toLowerCase().includes(needle)),
    );
  }

  private selectAll(selected: boolean): void {
    for (const run of this.visible()) this.state.setSelected(run.id, selected);
    this.fill();
  }

  private fill(): void {
    const target = this.root?.querySelector<HTMLElement>('.runs');
    if (!target) return;
    clear(target);
    if (this.state.runs.length === 0) {
      target.appendChild(
        el(
          'p',
          { className: 'muted' },
          'No runs found yet under the given paths (they appear here when written).',
        ),
      );
      return;
    }
    const head = el(
      'tr',
      {},
      ...['', 'run', 'source', 'status', 'start', 'duration', 'tags', 'config', 'data'].map((h) =>
        el('th', {}, h),
      ),
    );
    const body = el('tbody');
    for (const run of this.visible()) body.appendChild(this.row(run));
    target.appendChild(el('table', {}, el('thead', {}, head), body));
  }

  private row(run: RunJson): HTMLElement {
    const box = el('input', { type: 'checkbox', checked: this.state.isSelected(run.id) });
    box.onchange = () => this.state.setSelected(run.id, box.checked);
    const index = this.state.runs.indexOf(run);
    const swatch = el('span', {}, '■ ');
    swatch.style.color = runColor(index);
    const status =
      run.status === 'finished' || run.exitCode !== null
        ? `${run.status}${run.exitCode !== null ? ` (exit ${run.exitCode})` : ''}`
        : run.status;
    const configKeys = Object.keys(run.config);
    const config =
      configKeys.length === 0
        ? ''
        : el(
            'details',
            {},
            el('summary', {}, `${configKeys.length} keys`),
            el('pre', {}, JSON.stringify(run.config, null, 2)),
          );
    const counts = Object.entries(run.counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    return el(
      'tr',
      {},
      el('td', {}, box),
      el(
        'td',
        { title: run.path },
        swatch,
        run.name,
        run.problems.length > 0 ? el('div', { className: 'error' }, run.problems.join('; ')) : null,
      ),
      el('td', {}, run.source === 'wandb' ? 'W&B' : 'TensorBoard'),
      el('td', { className: `status-${run.status}` }, status),
      el('td', {}, run.startTime === null ? '' : new Date(run.startTime * 1000).toLocaleString()),
      el('td', {}, formatDuration(run.durationSeconds)),
      el('td', {}, ...run.tags.map((t) => el('span', { className: 'tag' }, t))),
      el('td', {}, config),
      el('td', { className: 'muted' }, counts),
    );
  }
}
