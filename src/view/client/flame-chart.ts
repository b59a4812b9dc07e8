/// <reference lib="dom" />
import { el } from './dom.js';

export interface FlameChartJson {
  spans: { name: string; start: number; duration: number; row: number }[];
  rows: number;
  lanes: { row: number; label: string }[];
  totalSpans: number;
  truncated: boolean;
}

const ROW_HEIGHT = 16;

export function colorOf(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
  return `hsl(${Math.abs(hash) % 360}, 60%, 70%)`;
}

/** The trace's spans on a canvas, time left to right, lanes and nesting top to bottom; hover names a span. */
export function flameChart(chart: FlameChartJson): HTMLElement {
  const canvas = el('canvas');
  const width = 1100;
  canvas.width = width;
  canvas.height = Math.max(1, chart.rows) * ROW_HEIGHT + 4;
  const tip = el('div', { className: 'flame-tip' });
  const end = chart.spans.reduce((m, s) => Math.max(m, s.start + s.duration), 1);
  const scale = width / end;
  const ctx = canvas.getContext('2d');
  if (ctx !== null) {
    ctx.font = '11px sans-serif';
    for (const span of chart.spans) {
      const x = span.start * scale;
      const w = Math.max(0.5, span.duration * scale);
      const y = span.row * ROW_HEIGHT;
      ctx.fillStyle = colorOf(span.name);
      ctx.fillRect(x, y, w, ROW_HEIGHT - 1);
      if (w > 40) {
        ctx.fillStyle = '#1f2328';
        ctx.fillText(span.name, x + 2, y + 12, w - 4);
      }
    }
  }
  canvas.onmousemove = (event) => {
    const rect = canvas.getBoundingClientRect();
    const t = ((event.clientX - rect.left) * (canvas.width / rect.width)) / scale;
    const row = Math.floor(((event.clientY - rect.top) * (canvas.height / rect.height)) / ROW_HEIGHT);
    const hit = chart.spans.find((s) => s.row === row && s.start <= t && t <= s.start + s.duration);
    tip.style.display = hit ? 'block' : 'none';
    if (hit) {
      tip.textContent = `${hit.name}: ${(hit.duration / 1000).toFixed(3)} ms at ${(hit.start / 1000).toFixed(3)} ms`;
      tip.style.left = `${event.clientX + 12}px`;
      tip.style.top = `${event.clientY + 12}px`;
    }
  };
  canvas.onmouseleave = () => {
    tip.style.display = 'none';
  };
  const lanes = chart.lanes.map((l) => `${l.label} (row ${l.row})`).join(', ');
  const note = `${chart.spans.length} of ${chart.totalSpans} spans${chart.truncated ? ' (longest kept)' : ''}, ${(end / 1000).toFixed(1)} ms; lanes: ${lanes}`;
  return el(
    'div',
    {},
    el('div', { className: 'muted' }, note),
    el('div', { className: 'flame' }, canvas),
    tip,
  );
}
