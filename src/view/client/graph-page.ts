/// <reference lib="dom" />
import { getJson } from './api.js';
import { clear, el } from './dom.js';
import { type Page, runLabel, type ViewState } from './view-state.js';

/** Model graph / summary text where a run logged one; W&B console output. */
export class GraphPage implements Page {
  readonly title = 'Graph';

  constructor(private readonly state: ViewState) {}

  async render(root: HTMLElement): Promise<void> {
    clear(root);
    let any = false;
    for (const run of this.state.selectedRuns()) {
      const body = await getJson<{ graphs: { name: string; text: string }[] }>('/api/graphs', {
        run: run.id,
      });
      for (const graph of body.graphs) {
        any = true;
        root.appendChild(
          el(
            'div',
            { className: 'card' },
            el('h4', {}, `${runLabel(run)} · ${graph.name}`),
            el('pre', {}, graph.text),
          ),
        );
      }
    }
    if (!any)
      root.appendChild(
        el(
          'p',
          { className: 'muted' },
          'No model graph or summary logged by the selected runs (a text tag named "model" or "graph", or a TensorBoard GraphDef).',
        ),
      );
  }
}

/** W&B console output (`output`/`output_raw` records) of the selected runs. */
export class ConsolePage implements Page {
  readonly title = 'Console';

  constructor(private readonly state: ViewState) {}

  async render(root: HTMLElement): Promise<void> {
    clear(root);
    let any = false;
    for (const run of this.state.selectedRuns()) {
      if (run.source !== 'wandb') continue;
      const body = await getJson<{ lines: { stream: string; line: string }[] }>('/api/console', {
        run: run.id,
      });
      if (body.lines.length === 0) continue;
      any = true;
      const text = body.lines.map((l) => l.line).join('');
      root.appendChild(el('div', { className: 'card' }, el('h4', {}, runLabel(run)), el('pre', {}, text)));
    }
    if (!any)
      root.appendChild(el('p', { className: 'muted' }, 'No console output in the selected W&B runs.'));
  }

  async update(): Promise<void> {
    const root = document.getElementById('app');
    if (root) await this.render(root);
  }
}
