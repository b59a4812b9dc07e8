import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectLogDir } from '../../../src/trackers/tensorboard/inspect-log-dir.js';
import type { TagPointValue } from '../../../src/trackers/tensorboard/tag-point-value.js';
import { frameRecord } from '../../../src/trackers/tensorboard/record.js';
import { FIXTURES, tempDir } from '../../helpers/tensorboard.js';

interface ExpectedFile {
  name: string;
  size_bytes: number;
  records_read: number;
  status: string;
  first_record: { file_version: string; wall_time: number };
  bad_record_index?: number;
  bad_record_offset?: number;
  unread_bytes?: number;
}

interface ExpectedTag {
  plugin: string;
  data_class: string;
  count: number;
  points: [number, number, unknown][];
  plugin_content_decoded?: Record<string, unknown>;
}

interface Expected {
  runs: Record<
    string,
    { event_files: ExpectedFile[]; run_first_event_wall_time: number; tags: Record<string, ExpectedTag> }
  >;
}

const SCENARIOS = [
  'scalars',
  'text',
  'histogram',
  'image',
  'hparams',
  'truncated',
  'crc-mismatch',
  'two-files',
];

/** Our point value in expected.json's notation. */
function asExpected(plugin: string, value: TagPointValue): unknown {
  if (plugin === 'hparams')
    return 'metadata-only value (reader substitutes an empty DT_FLOAT tensor, shape [0])';
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return {
      width: value.width,
      height: value.height,
      images: value.images.map((i) => ({
        bytes: i.bytes,
        format: i.format,
        sha256: i.sha256,
        png_base64: i.pngBase64,
      })),
    };
  }
  return value;
}

function expectSameValue(actual: unknown, expected: unknown, where: string): void {
  if (typeof actual === 'number') {
    // Scalars: expected.json writes NaN and ±Infinity as strings; Number() restores them. Exact float32 values.
    expect(
      Object.is(actual, Number(expected)) || actual === Number(expected),
      `${where}: ${actual} vs ${expected}`,
    ).toBe(true);
  } else {
    expect(actual, where).toEqual(expected);
  }
}

describe('inspectLogDir reads the tensorboardX fixtures as TensorBoard does', () => {
  for (const scenario of SCENARIOS) {
    it(scenario, () => {
      const dir = join(FIXTURES, scenario);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const result = inspectLogDir(dir);
      expect(Object.keys(result.runs).sort()).toEqual(Object.keys(expected.runs).sort());
      for (const [runName, expectedRun] of Object.entries(expected.runs)) {
        const run = result.runs[runName]!;
        expect(run.firstEventWallTime).toBe(expectedRun.run_first_event_wall_time);
        expect(run.files.map((f) => f.name)).toEqual(expectedRun.event_files.map((f) => f.name));
        for (const [i, expectedFile] of expectedRun.event_files.entries()) {
          const file = run.files[i]!;
          expect(file.sizeBytes).toBe(expectedFile.size_bytes);
          expect(file.recordsRead).toBe(expectedFile.records_read);
          expect(file.status).toBe(expectedFile.status);
          expect(file.firstRecord).toEqual({
            fileVersion: expectedFile.first_record.file_version,
            wallTime: expectedFile.first_record.wall_time,
          });
          if (expectedFile.bad_record_offset !== undefined) {
            const problem = result.problems.find((p) => p.file === file.path);
            expect(problem).toMatchObject({
              recordIndex: expectedFile.bad_record_index,
              offset: expectedFile.bad_record_offset,
              unreadBytes: expectedFile.unread_bytes,
              severity: expectedFile.status === 'truncated' ? 'warning' : 'error',
            });
          }
        }
        expect(Object.keys(run.tags).sort()).toEqual(Object.keys(expectedRun.tags).sort());
        for (const [tagName, expectedTag] of Object.entries(expectedRun.tags)) {
          const tag = run.tags[tagName]!;
          expect(tag.plugin).toBe(expectedTag.plugin);
          expect(tag.dataClass).toBe(expectedTag.data_class);
          expect(tag.count).toBe(expectedTag.count);
          expect(tag.points).toHaveLength(expectedTag.points.length);
          for (const [i, [step, wallTime, value]] of expectedTag.points.entries()) {
            const point = tag.points[i]!;
            const where = `${runName} ${tagName} #${i}`;
            expect(point.step, where).toBe(step);
            expect(point.wallTime, where).toBe(wallTime);
            expectSameValue(asExpected(tag.plugin, point.value), value, where);
          }
          if (expectedTag.plugin_content_decoded)
            expect(tag.pluginContent).toEqual(expectedTag.plugin_content_decoded);
          expect(tag.firstStep).toBe(expectedTag.points[0]![0]);
          expect(tag.lastStep).toBe(expectedTag.points[expectedTag.points.length - 1]![0]);
        }
      }
      const damaged = scenario === 'truncated' || scenario === 'crc-mismatch';
      expect(result.problems).toHaveLength(damaged ? 1 : 0);
      expect(result.errors).toBe(scenario === 'crc-mismatch' ? 1 : 0);
    });
  }

  it('summarizes scalars with min/max (NaN excluded, ±Infinity kept) and last', () => {
    const edge = inspectLogDir(join(FIXTURES, 'scalars')).runs['.']!.tags['probe/edge']!;
    expect(edge.min).toBe(Number.NEGATIVE_INFINITY);
    expect(edge.max).toBe(Number.POSITIVE_INFINITY);
    expect(edge.last).toBe(Math.fround(3.9));
    const loss = inspectLogDir(join(FIXTURES, 'two-files')).runs['.']!.tags.loss!;
    expect([loss.min, loss.max, loss.last, loss.firstStep, loss.lastStep]).toEqual([
      Math.fround(0.1),
      1,
      Math.fround(0.1),
      0,
      9,
    ]);
  });

  it('names runs by their path relative to the log directory', () => {
    const result = inspectLogDir(FIXTURES);
    expect(Object.keys(result.runs)).toContain('hparams/trial-0');
    expect(Object.keys(result.runs)).toContain('scalars');
    expect(result.errors).toBe(1);
    expect(result.warnings).toBe(1);
  });

  it('throws a clear error for a missing directory', () => {
    expect(() => inspectLogDir(join(FIXTURES, 'no-such-dir'))).toThrow(/cannot inspect .*no-such-dir/);
  });
});

describe('inspectLogDir on damaged or single files', () => {
  it('accepts one event file as the log directory', () => {
    const file = join(FIXTURES, 'two-files', 'events.out.tfevents.1796000222.vm');
    const result = inspectLogDir(file);
    expect(Object.keys(result.runs)).toEqual(['.']);
    expect(result.runs['.']!.tags.loss!.points.map((p) => p.step)).toEqual([5, 6, 7, 8, 9]);
  });

  it('reports a record with valid CRCs that is not an Event as an error and stops there', () => {
    const { dir, cleanup } = tempDir();
    try {
      const good = readFileSync(join(FIXTURES, 'two-files', 'events.out.tfevents.1796000221.vm'));
      const garbage = frameRecord(Buffer.from([0x0f, 0xff, 0xff, 0xff]));
      writeFileSync(join(dir, 'events.out.tfevents.1.bad'), Buffer.concat([good, garbage, good]));
      const result = inspectLogDir(dir);
      expect(result.errors).toBe(1);
      expect(result.problems[0]).toMatchObject({ kind: 'decode_error', recordIndex: 6, offset: good.length });
      expect(result.runs['.']!.files[0]!.status).toBe('decode_error');
      expect(result.runs['.']!.tags.loss!.count).toBe(5);
    } finally {
      cleanup();
    }
  });
});
