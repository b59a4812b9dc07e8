/// <reference lib="dom" />
import { getJson, type TagsJson } from './api.js';
import { clear, el, formatNumber } from './dom.js';
import { type Page, runColor, runLabel, type ViewState } from './view-state.js';

interface HistogramPointJson {
  step: number;
  wallTime: number;
  buckets: [number, number, number][];
}

/** Histograms over steps, drawn as TensorBoard's offset view: one outline per step, later steps lower and darker. */
export class HistogramsPage implements Page {
  readonly title = 'Histograms';

  constructor(private readonly state: ViewState) {}

  async render(root: HTMLElement): Promise<void> {
    clear(root);
    const grid = el('div', { className: 'grid' });
    root.appendChild(grid);
    let any = false;
    for (const run of this.state.selectedRuns()) {
      const tags = await getJson<TagsJson>('/api/tags', { run: run.id });
      for (const { tag } of tags.histograms) {
        any = true;
        const body = await getJson<{ points: HistogramPointJson[] }>('/api/histograms', { run: run.id, tag });
        const canvas = el('canvas');
        canvas.width = 560;
        canvas.height = 260;
        grid.appendChild(
          el(
            'div',
            { className: 'card' },
            el('h4', {}, `${tag} · ${runLabel(run)}`),
            canvas,
            el('div', { className: 'muted' }, `${body.points.length} steps`),
          ),
        );
        drawOffsetHistograms(canvas, body.points, runColor(this.state.runs.indexOf(run)));
      }
    }
    if (!any) grid.appendChild(el('p', { className: 'muted' }, 'No histograms in the selected runs.'));
  }

  async update(): Promise<void> {
    // Histograms are re-read when the page is opened again; redrawing on every point would flicker.
  }
}

function drawOffsetHistograms(
  canvas: HTMLCanvasElement,
  points: readonly HistogramPointJson[],
  color: string,
): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null || points.length === 0) return;
  const shown =
    points.length > 60 ? points.filter((_, i) => i % Math.ceil(points.length / 60) === 0) : points;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let top = 0;
  for (const p of shown) {
    for (const [l, r, c] of p.buckets) {
      if (Number.isFinite(l)) left = Math.min(left, l);
      if (Number.isFinite(r)) right = Math.max(right, r);
      top = Math.max(top, c / Math.max(r - l, 1e-12));
    }
  }
  if (!(right > left) || !(top > 0)) return;
  const pad = 24;
  const width = canvas.width - 2 * pad;
  const offsetSpan = canvas.height * 0.45;
  const rowHeight = canvas.height - offsetSpan - 2 * pad;
  ctx.font = '11px sans-serif';
  shown.forEach((p, i) => {
    const base = pad + rowHeight + (shown.length === 1 ? 0 : (i / (shown.length - 1)) * offsetSpan);
    ctx.beginPath();
    ctx.moveTo(pad, base);
    for (const [l, r, c] of p.buckets) {
      const h = (c / Math.max(r - l, 1e-12) / top) * rowHeight;
      ctx.lineTo(pad + ((l - left) / (right - left)) * width, base - h);
      ctx.lineTo(pad + ((r - left) / (right - left)) * width, base - h);
    }
    ctx.lineTo(pad + width, base);
    ctx.globalAlpha = shown.length === 1 ? 1 : 0.25 + 0.75 * (i / (shown.length - 1));
    ctx.strokeStyle = color;
    ctx.stroke();
  });
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#656d76';
  ctx.fillText(formatNumber(left), pad, canvas.height - 6);
  const rightLabel = formatNumber(right);
  ctx.fillText(rightLabel, canvas.width - pad - ctx.measureText(rightLabel).width, canvas.height - 6);
  ctx.fillText(`step ${shown[0]!.step} … ${shown[shown.length - 1]!.step}`, pad, 12);
}
