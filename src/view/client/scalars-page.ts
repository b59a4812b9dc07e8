/// <reference lib="dom" />
import { apiUrl, getJson, type ScalarInfo, type SeriesJson, type TagsJson } from './api.js';
import { clear, el } from './dom.js';
import {
  type ChartLine,
  type ChartSettings,
  destroyCharts,
  drawScalarChart,
  type XAxis,
} from './scalar-chart.js';
import { type Page, runColor, runLabel, type ViewState } from './view-state.js';

const BUCKETS = 1000;

/** Scalars (or system metrics): one chart per tag, selected runs overlaid, grouped by the tag's prefix. */
export class ScalarsPage implements Page {
  private settings: ChartSettings = { smoothing: 0.6, logScale: false, xAxis: 'step' };
  private filter = '';
  private root: HTMLElement | undefined;
  /** Drawn charts by tag: their elements and runs, so a live update redraws only the charts that changed. */
  private drawn = new Map<string, { plot: HTMLElement; downloads: HTMLElement; runIds: string[] }>();

  constructor(
    private readonly state: ViewState,
    readonly title: string,
    private readonly system: boolean,
  ) {}

  async render(root: HTMLElement): Promise<void> {
    this.root = root;
    clear(root);
    root.append(this.toolbar(), el('div', { className: 'charts' }));
    await this.draw();
  }

  async update(changedRuns: readonly string[] = []): Promise<void> {
    if (this.root === undefined) return;
    const byTag = await this.tagsOfSelectedRuns();
    const same =
      byTag.size === this.drawn.size &&
      [...byTag].every(([tag, runIds]) => this.drawn.get(tag)?.runIds.join('\n') === runIds.join('\n'));
    if (!same) {
      await this.draw();
      return;
    }
    const work: Promise<void>[] = [];
    for (const [tag, chart] of this.drawn) {
      if (chart.runIds.some((id) => changedRuns.includes(id))) work.push(this.drawTag(tag, chart));
    }
    await Promise.all(work);
  }

  private async tagsOfSelectedRuns(): Promise<Map<string, string[]>> {
    const runs = this.state.selectedRuns();
    const tagLists = await Promise.all(runs.map((run) => getJson<TagsJson>('/api/tags', { run: run.id })));
    const byTag = new Map<string, string[]>();
    const keep = this.tagFilter();
    for (const tags of tagLists) {
      for (const info of (this.system ? tags.system : tags.scalars) as ScalarInfo[]) {
        if (!keep(info.tag)) continue;
        const list = byTag.get(info.tag) ?? [];
        list.push(tags.run);
        byTag.set(info.tag, list);
      }
    }
    return byTag;
  }

  private toolbar(): HTMLElement {
    const smoothing = el('input', { type: 'range', title: 'smoothing' });
    // min/max/step before the value: a range input clamps its value to the bounds it has at that moment.
    Object.assign(smoothing, { min: '0', max: '0.99', step: '0.01' });
    smoothing.value = String(this.settings.smoothing);
    const shown = el('span', {}, String(this.settings.smoothing));
    smoothing.oninput = () => {
      this.settings.smoothing = Number(smoothing.value);
      shown.textContent = smoothing.value;
      void this.draw();
    };
    const log = el('input', { type: 'checkbox', checked: this.settings.logScale });
    log.onchange = () => {
      this.settings.logScale = log.checked;
      void this.draw();
    };
    const axis = el(
      'select',
      {},
      el('option', { value: 'step' }, 'step'),
      el('option', { value: 'relative' }, 'relative time (s)'),
      el('option', { value: 'wall' }, 'wall time'),
    );
    axis.value = this.settings.xAxis;
    axis.onchange = () => {
      this.settings.xAxis = axis.value as XAxis;
      void this.draw();
    };
    const filter = el('input', { type: 'text', placeholder: 'filter tags (regex)', value: this.filter });
    filter.oninput = () => {
      this.filter = filter.value;
      void this.draw();
    };
    return el(
      'div',
      { className: 'toolbar' },
      filter,
      el('label', {}, 'smoothing ', smoothing, ' ', shown),
      el('label', {}, log, ' log scale'),
      el('label', {}, 'x ', axis),
    );
  }

  private tagFilter(): (tag: string) => boolean {
    try {
      const regex = new RegExp(this.filter, 'i');
      return (tag) => regex.test(tag);
    } catch {
      return (tag) => tag.includes(this.filter);
    }
  }

  private async draw(): Promise<void> {
    const container = this.root?.querySelector<HTMLElement>('.charts');
    if (container === undefined || container === null) return;
    const byTag = await this.tagsOfSelectedRuns();
    destroyCharts();
    this.drawn.clear();
    clear(container);
    if (byTag.size === 0) {
      const none = this.state.selectedRuns().length === 0 ? 'No run selected.' : 'No scalar tags match.';
      container.appendChild(el('p', { className: 'muted' }, none));
      return;
    }
    const groups = new Map<string, string[]>();
    for (const tag of [...byTag.keys()].sort()) {
      const prefix = tag.includes('/') ? tag.slice(0, tag.indexOf('/')) : '(no prefix)';
      groups.set(prefix, [...(groups.get(prefix) ?? []), tag]);
    }
    const work: Promise<void>[] = [];
    for (const [prefix, tags] of groups) {
      const grid = el('div', { className: 'grid' });
      container.appendChild(
        el('details', { open: true }, el('summary', {}, `${prefix} (${tags.length})`), grid),
      );
      for (const tag of tags) {
        const chart = {
          plot: el('div'),
          downloads: el('div', { className: 'downloads' }),
          runIds: byTag.get(tag)!,
        };
        grid.appendChild(el('div', { className: 'card' }, el('h4', {}, tag), chart.plot, chart.downloads));
        this.drawn.set(tag, chart);
        work.push(this.drawTag(tag, chart));
      }
    }
    await Promise.all(work);
  }

  private async drawTag(
    tag: string,
    chart: { plot: HTMLElement; downloads: HTMLElement; runIds: string[] },
  ): Promise<void> {
    const systemParam: Record<string, string> = this.system ? { system: '1' } : {};
    const all = await Promise.all(
      chart.runIds.map((run) =>
        getJson<SeriesJson>('/api/scalars', { run, tag, buckets: BUCKETS, ...systemParam }),
      ),
    );
    const lines: ChartLine[] = [];
    clear(chart.downloads);
    all.forEach((series, i) => {
      const runId = chart.runIds[i]!;
      const index = this.state.runs.findIndex((r) => r.id === runId);
      const run = this.state.runs[index];
      const name = run === undefined ? runId : runLabel(run);
      lines.push({ label: name, color: runColor(index), series });
      for (const format of ['csv', 'json']) {
        const link = el('a', {}, `${name} ${format.toUpperCase()} (${series.total} points)`);
        link.href = apiUrl('/api/download', { run: runId, tag, format, ...systemParam });
        chart.downloads.appendChild(link);
      }
    });
    drawScalarChart(`${this.system ? 'system:' : ''}${tag}`, chart.plot, lines, this.settings);
  }
}
