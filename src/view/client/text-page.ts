/// <reference lib="dom" />
import { getJson, type TablePointJson } from './api.js';
import { clear, el, sortableTable } from './dom.js';
import { renderMarkdown } from './markdown.js';
import { type Page, runLabel, type ViewState } from './view-state.js';

interface TextPointJson {
  step: number;
  wallTime: number;
  text: string;
}

const MAX_STEPS_SHOWN = 20;

/** Text (Markdown, rendered as DOM nodes) and tables of the selected runs, latest step first. */
export class TextPage implements Page {
  readonly title = 'Text & tables';

  constructor(private readonly state: ViewState) {}

  async render(root: HTMLElement): Promise<void> {
    clear(root);
    let any = false;
    for (const run of this.state.selectedRuns()) {
      const body = await getJson<{
        texts: Record<string, TextPointJson[]>;
        tables: Record<string, TablePointJson[]>;
      }>('/api/texts', { run: run.id });
      const section = el('details', { open: true }, el('summary', {}, runLabel(run)));
      for (const [tag, points] of Object.entries(body.texts)) {
        any = true;
        const card = el('div', { className: 'card' }, el('h4', {}, tag));
        for (const point of points.slice(-MAX_STEPS_SHOWN).reverse()) {
          card.append(el('div', { className: 'muted' }, `step ${point.step}`), renderMarkdown(point.text));
        }
        section.appendChild(card);
      }
      for (const [tag, points] of Object.entries(body.tables)) {
        any = true;
        const last = points[points.length - 1];
        if (last === undefined) continue;
        section.appendChild(
          el(
            'div',
            { className: 'card' },
            el('h4', {}, `${tag} (step ${last.step}, ${points.length} logged)`),
            sortableTable(last.columns, last.rows),
          ),
        );
      }
      if (section.childElementCount > 1) root.appendChild(section);
    }
    if (!any) root.appendChild(el('p', { className: 'muted' }, 'No text or tables in the selected runs.'));
  }
}
