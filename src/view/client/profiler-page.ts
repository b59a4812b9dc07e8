/// <reference lib="dom" />
import { getJson, type TablePointJson } from './api.js';
import { clear, el, sortableTable } from './dom.js';
import { type FlameChartJson, flameChart } from './flame-chart.js';
import { type Page, runLabel, type ViewState } from './view-state.js';

interface ProfilerJson {
  tables: Record<string, TablePointJson>;
  timings: string[];
  traces: string[];
}

/** The profiler's operation and bottleneck tables (bottleneck rows marked) and a Chrome trace as a flame chart. */
export class ProfilerPage implements Page {
  readonly title = 'Profiler';

  constructor(private readonly state: ViewState) {}

  async render(root: HTMLElement): Promise<void> {
    clear(root);
    let any = false;
    for (const run of this.state.selectedRuns()) {
      const body = await getJson<ProfilerJson>('/api/profiler', { run: run.id });
      const entries = Object.entries(body.tables);
      if (entries.length === 0) continue;
      any = true;
      const bottlenecks = body.tables['profiling/bottlenecks'];
      const opColumn = bottlenecks?.columns.findIndex((c) => /^(op|operation|name)$/i.test(c)) ?? -1;
      const marked = new Set(opColumn >= 0 ? bottlenecks!.rows.map((r) => String(r[opColumn])) : []);
      const section = el('details', { open: true }, el('summary', {}, runLabel(run)));
      for (const [tag, table] of entries) {
        const nameColumn = table.columns.findIndex((c) => /^(op|operation|name)$/i.test(c));
        const rowClass = (row: readonly unknown[]): string =>
          tag === 'profiling/bottlenecks' || (nameColumn >= 0 && marked.has(String(row[nameColumn])))
            ? 'bottleneck'
            : '';
        section.appendChild(
          el(
            'div',
            { className: 'card' },
            el('h4', {}, `${tag} (step ${table.step})`),
            sortableTable(table.columns, table.rows, rowClass),
          ),
        );
      }
      root.appendChild(section);
    }
    if (!any)
      root.appendChild(
        el('p', { className: 'muted' }, 'No profiler tables (profiling/...) in the selected runs.'),
      );
    root.appendChild(this.traces());
  }

  private traces(): HTMLElement {
    const box = el('div', { className: 'card' }, el('h4', {}, 'Chrome trace (flame chart)'));
    if (this.state.traces.length === 0) {
      box.appendChild(
        el(
          'p',
          { className: 'muted' },
          'No trace files (*.trace.json) under the paths or in traces/ next to them.',
        ),
      );
      return box;
    }
    const select = el('select', {}, ...this.state.traces.map((t) => el('option', { value: t }, t)));
    const target = el('div');
    const show = async (): Promise<void> => {
      clear(target);
      try {
        target.appendChild(flameChart(await getJson<FlameChartJson>('/api/trace', { file: select.value })));
      } catch (error) {
        target.appendChild(el('p', { className: 'error' }, (error as Error).message));
      }
    };
    select.onchange = () => void show();
    box.append(select, target);
    void show();
    return box;
  }
}
