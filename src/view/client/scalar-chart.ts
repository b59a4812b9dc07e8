/// <reference lib="dom" />
import uPlot from 'uplot';
import type { SeriesJson } from './api.js';
import { debiasedEma } from './smoothing.js';

export type XAxis = 'step' | 'relative' | 'wall';

export interface ChartSettings {
  smoothing: number;
  logScale: boolean;
  xAxis: XAxis;
}

export interface ChartLine {
  readonly label: string;
  readonly color: string;
  readonly series: SeriesJson;
}

/** Charts drawn by the page, by key, so tests can read what uPlot holds (`window.__trainscopeCharts`). */
const registry: Record<string, uPlot> = {};
(globalThis as { __trainscopeCharts?: Record<string, uPlot> }).__trainscopeCharts = registry;

function xOf(series: SeriesJson, axis: XAxis): number[] {
  if (axis === 'step') return series.steps;
  if (axis === 'wall') return series.wallTimes;
  const start = series.wallTimes[0] ?? 0;
  return series.wallTimes.map((t) => t - start);
}

/** uPlot wants one x array for all lines: the union of the runs' x values, with gaps where a run has none. */
function alignedData(lines: readonly ChartLine[], settings: ChartSettings): uPlot.AlignedData {
  const xs = lines.map((line) => xOf(line.series, settings.xAxis));
  const union = [...new Set(xs.flat())].sort((a, b) => a - b);
  const position = new Map(union.map((x, i) => [x, i]));
  const data: (number | null)[][] = [];
  lines.forEach((line, i) => {
    const raw = line.series.values.map((v) => (settings.logScale && v !== null && v <= 0 ? null : v));
    const variants = settings.smoothing > 0 ? [debiasedEma(raw, settings.smoothing), raw] : [raw];
    for (const values of variants) {
      const column: (number | null)[] = new Array(union.length).fill(null);
      xs[i]!.forEach((x, k) => {
        column[position.get(x)!] = values[k] ?? null;
      });
      data.push(column);
    }
  });
  return [union, ...data] as uPlot.AlignedData;
}

/** Draws one tag's lines (one per run; smoothed plus a faint raw line when smoothing is on) with uPlot. */
export function drawScalarChart(
  key: string,
  target: HTMLElement,
  lines: readonly ChartLine[],
  settings: ChartSettings,
): uPlot {
  registry[key]?.destroy();
  const series: uPlot.Series[] = [{ label: settings.xAxis === 'step' ? 'step' : 'time' }];
  for (const line of lines) {
    // A line needs two points: a series of one or two (a final metric, a summary value) is drawn as markers.
    const sparse = line.series.values.length <= 2;
    series.push({
      label: line.label,
      stroke: line.color,
      width: 1.5,
      spanGaps: true,
      points: { show: sparse, size: 7 },
    });
    if (settings.smoothing > 0) {
      series.push({
        label: `${line.label} (raw)`,
        stroke: `${line.color}44`,
        width: 1,
        spanGaps: true,
        points: { show: false },
      });
    }
  }
  const options: uPlot.Options = {
    width: Math.max(300, target.clientWidth || 440),
    height: 220,
    series,
    scales: {
      x: { time: settings.xAxis === 'wall' },
      y: settings.logScale ? { distr: 3 } : { range: valueRange },
    },
    axes: [
      {},
      {
        // Wide enough for the longest label (0.002434 would otherwise be clipped to 002434).
        size: (_u, values) => Math.max(40, 18 + 8 * Math.max(0, ...(values ?? []).map((v) => v.length))),
        values: (_u, splits) => splits.map((v) => (v === 0 ? '0' : String(Number(v.toPrecision(4))))),
      },
    ],
    legend: { live: true },
    cursor: { drag: { x: true, y: false } },
  };
  const chart = new uPlot(options, alignedData(lines, settings), target);
  registry[key] = chart;
  return chart;
}

export function destroyCharts(): void {
  for (const key of Object.keys(registry)) {
    registry[key]!.destroy();
    delete registry[key];
  }
}

/**
 * The y range: uPlot's padded range, except around values that are (nearly) all equal, where float32 (TensorBoard)
 * and float64 (W&B) copies of one value would otherwise be spread over the whole height with identical labels.
 */
function valueRange(_u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  const mid = (min + max) / 2;
  if (Number.isFinite(mid) && max - min <= Math.abs(mid) * 1e-6) {
    const pad = mid === 0 ? 1 : Math.abs(mid) * 0.1;
    return [mid - pad, mid + pad];
  }
  return uPlot.rangeNum(min, max, 0.1, true);
}
