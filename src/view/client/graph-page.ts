/// <reference lib="dom" />
import { visibleConsole } from '../../trackers/wandb/console-text.js';
import { getJson } from './api.js';
import { clear, el, sortableTable } from './dom.js';
import { type GraphLayoutJson, type GraphNodeJson, graphDrawing } from './graph-drawing.js';
import { type Page, runLabel, type ViewState } from './view-state.js';

interface GraphJson {
  name: string;
  text: string;
  nodes?: GraphNodeJson[];
  layout?: GraphLayoutJson;
}

/** Rows of the node table shown under a drawn graph (and instead of it when too large to draw). */
const MAX_TABLE_NODES = 2000;

/** One logged graph: its summary line, the drawing when there is a layout, and its nodes as a sortable table. */
function graphCard(title: string, graph: GraphJson): HTMLElement {
  const card = el('div', { className: 'card' }, el('h4', {}, title), el('pre', {}, graph.text));
  const nodes = graph.nodes ?? [];
  if (graph.layout !== undefined) card.appendChild(graphDrawing(nodes, graph.layout));
  else if (nodes.length > 0)
    card.appendChild(el('p', { className: 'muted' }, 'Too many nodes to draw; listed below.'));
  if (nodes.length > 0) {
    const rows = nodes.slice(0, MAX_TABLE_NODES).map((n) => [n.name, n.op, n.inputs.join(', '), n.device]);
    const more =
      nodes.length > MAX_TABLE_NODES ? `the first ${MAX_TABLE_NODES} of ${nodes.length} nodes` : undefined;
    card.appendChild(
      el(
        'details',
        {},
        el('summary', {}, more ?? `${nodes.length} nodes`),
        sortableTable(['node', 'op', 'inputs', 'device'], rows),
      ),
    );
  }
  return card;
}

/** Model graph / summary text where a run logged one; W&B console output. */
export class GraphPage implements Page {
  readonly title = 'Graph';

  constructor(private readonly state: ViewState) {}

  async render(root: HTMLElement): Promise<void> {
    clear(root);
    let any = false;
    for (const run of this.state.selectedRuns()) {
      const body = await getJson<{ graphs: GraphJson[] }>('/api/graphs', { run: run.id });
      for (const graph of body.graphs) {
        any = true;
        root.appendChild(graphCard(`${runLabel(run)} · ${graph.name}`, graph));
      }
    }
    if (!any)
      root.appendChild(
        el(
          'p',
          { className: 'muted' },
          'No model graph or summary logged by the selected runs (a TensorBoard GraphDef, a Keras model, or a text tag named "model" or "graph").',
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
      // As W&B's Logs tab shows it: a line redrawn with `\r` (a progress bar) in its last state.
      const text = visibleConsole(body.lines.map((l) => l.line).join(''));
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
