import type { SeriesColumn } from './series-column.js';

/** Every point of a series as CSV (`step,wall_time,value`; NaN and ±Infinity spelled out), in chunks. */
export function* seriesCsv(series: SeriesColumn): Generator<string> {
  yield 'step,wall_time,value\n';
  const steps = series.steps;
  const wallTimes = series.wallTimes;
  const values = series.values;
  const rowsPerChunk = 16_384;
  for (let start = 0; start < series.length; start += rowsPerChunk) {
    let out = '';
    const end = Math.min(series.length, start + rowsPerChunk);
    for (let i = start; i < end; i++) out += `${steps[i]},${wallTimes[i]},${values[i]}\n`;
    yield out;
  }
}

/** Every point as JSON (`{"tag", "points": [[step, wall_time, value], ...]}`; non-finite values as strings). */
export function* seriesJson(tag: string, series: SeriesColumn): Generator<string> {
  yield `{"tag":${JSON.stringify(tag)},"points":[`;
  const steps = series.steps;
  const wallTimes = series.wallTimes;
  const values = series.values;
  const rowsPerChunk = 16_384;
  for (let start = 0; start < series.length; start += rowsPerChunk) {
    const end = Math.min(series.length, start + rowsPerChunk);
    let out = '';
    for (let i = start; i < end; i++) {
      const v = values[i]!;
      out += `${i > 0 ? ',' : ''}[${steps[i]},${wallTimes[i]},${Number.isFinite(v) ? v : `"${v}"`}]`;
    }
    yield out;
  }
  yield ']}\n';
}
