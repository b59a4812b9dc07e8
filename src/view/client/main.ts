/// <reference lib="dom" />
import { apiUrl } from './api.js';
import { clear, el } from './dom.js';
import { ConsolePage, GraphPage } from './graph-page.js';
import { HistogramsPage } from './histograms-page.js';
import { HparamsPage } from './hparams-page.js';
import { ProfilerPage } from './profiler-page.js';
import { RunsPage } from './runs-page.js';
import { ScalarsPage } from './scalars-page.js';
import { TextPage } from './text-page.js';
import { type Page, ViewState } from './view-state.js';

const state = new ViewState();
const pages: Record<string, Page> = {
  runs: new RunsPage(state),
  scalars: new ScalarsPage(state, 'Scalars', false),
  histograms: new HistogramsPage(state),
  text: new TextPage(state),
  hparams: new HparamsPage(state),
  graph: new GraphPage(state),
  profiler: new ProfilerPage(state),
  system: new ScalarsPage(state, 'System', true),
  console: new ConsolePage(state),
};

const app = document.getElementById('app')!;
const nav = document.getElementById('nav')!;
const live = document.getElementById('live')!;
/** Tests wait for `rendered` to name the page they opened. */
const status = { rendered: '', updates: 0 };
(globalThis as { __trainscopeView?: typeof status }).__trainscopeView = status;

function currentName(): string {
  const name = location.hash.replace(/^#\/?/, '');
  return name in pages ? name : 'scalars';
}

async function show(): Promise<void> {
  const name = currentName();
  clear(nav);
  for (const [key, page] of Object.entries(pages)) {
    const link = el('a', { className: key === name ? 'active' : '' }, page.title);
    link.href = `#/${key}`;
    nav.appendChild(link);
  }
  status.rendered = '';
  try {
    await pages[name]!.render(app);
  } catch (error) {
    clear(app);
    app.appendChild(el('p', { className: 'error' }, `Cannot show this page: ${(error as Error).message}`));
  }
  status.rendered = name;
}

function listen(): void {
  const events = new EventSource(apiUrl('/api/events'));
  const changed = new Set<string>();
  let busy = false;
  const update = async (): Promise<void> => {
    busy = true;
    try {
      while (changed.size > 0) {
        const runs = [...changed];
        changed.clear();
        await state.loadRuns();
        await pages[currentName()]!.update?.(runs);
        status.updates++;
        live.textContent = `live · updated ${new Date().toLocaleTimeString()}`;
      }
    } finally {
      busy = false;
    }
  };
  events.addEventListener('changed', (event) => {
    const body = JSON.parse((event as MessageEvent<string>).data) as { runs: string[] };
    for (const id of body.runs) changed.add(id);
    // Changes that arrive during an update are taken by the loop above, so none is lost.
    if (!busy) void update();
  });
  events.onerror = () => {
    live.textContent = 'reconnecting…';
  };
}

window.addEventListener('hashchange', () => void show());
await state.loadRuns();
await show();
listen();
