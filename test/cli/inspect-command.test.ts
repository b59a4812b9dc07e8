import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerInspectCommand } from '../../src/cli/commands/inspect.js';
import { encodeHParamsPluginData, DataClass } from '../../src/trackers/tensorboard/proto.js';
import { sessionStartInfoValue } from '../../src/trackers/tensorboard/hparams.js';
import { FIXTURES, tempDir, writeEventFile } from '../helpers/tensorboard.js';

async function runInspect(
  ...args: string[]
): Promise<{ stdout: string; stderr: string; exitCode: number | undefined }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const previous = process.exitCode;
  process.exitCode = undefined;
  try {
    const program = new Command().exitOverride();
    registerInspectCommand(program);
    await program.parseAsync(['node', 'trainscope', 'inspect', ...args]);
    return { stdout, stderr, exitCode: process.exitCode as number | undefined };
  } finally {
    process.exitCode = previous;
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('trainscope inspect', () => {
  it('prints runs, plugins and tags with count, steps, min, max and last', async () => {
    const { stdout, exitCode } = await runInspect(join(FIXTURES, 'scalars'));
    expect(exitCode).toBeUndefined();
    expect(stdout).toContain('Run .');
    expect(stdout).toContain('events.out.tfevents.1796000221.vm: 4836 bytes, 101 records, ok');
    expect(stdout).toMatch(/probe\/edge\s+50\s+0\.\.49\s+-Infinity\s+Infinity\s+3\.9/);
    expect(stdout).toMatch(/train\/loss\s+50\s+0\.\.49\s+0\.02\s+1\s+0\.02/);
  });

  it('exits 1 and names file and offset on a CRC mismatch', async () => {
    const { stdout, exitCode } = await runInspect(join(FIXTURES, 'crc-mismatch'));
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(
      /error: .*crc-mismatch\/events\.out\.tfevents\.1796000221\.vm: data CRC mismatch in record 50 at byte 2388/,
    );
  });

  it('reports a truncated tail as a warning and exits 0', async () => {
    const { stdout, exitCode } = await runInspect(join(FIXTURES, 'truncated'));
    expect(exitCode).toBeUndefined();
    expect(stdout).toMatch(/warning: .*truncated tail: record 100 at byte 4788/);
  });

  it('--json prints every point, with NaN and Infinity as strings', async () => {
    const { stdout } = await runInspect(join(FIXTURES, 'scalars'), '--json');
    const parsed = JSON.parse(stdout) as {
      runs: Record<string, { tags: Record<string, { points: { step: number; value: unknown }[] }> }>;
    };
    const points = parsed.runs['.']!.tags['probe/edge']!.points;
    expect(points).toHaveLength(50);
    expect(points[10]).toMatchObject({ step: 10, value: 'NaN' });
    expect(points[20]).toMatchObject({ step: 20, value: 'Infinity' });
    expect(points[30]).toMatchObject({ step: 30, value: '-Infinity' });
    expect(points[1]!.value).toBe(Math.fround(-0.9));
  });

  it('fails clearly on a missing directory', async () => {
    const { stderr, exitCode } = await runInspect(join(FIXTURES, 'missing'));
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/trainscope inspect: cannot inspect .*missing/);
  });
});

describe('trainscope inspect on hparams', () => {
  it('shows the hparams, the experiment and the session status', async () => {
    const { stdout } = await runInspect(join(FIXTURES, 'hparams'));
    expect(stdout).toContain('Run trial-0');
    expect(stdout).toMatch(/_hparams_\/session_start_info\s+1\s+0\s+hparams: .*lr=0\.001.*optimizer=adam/);
    expect(stdout).toMatch(/_hparams_\/experiment\s+1\s+0\s+experiment: 4 hparams, 2 metrics/);
    expect(stdout).toMatch(/_hparams_\/session_end_info\s+1\s+0\s+session end: STATUS_SUCCESS/);
  });
});

describe("trainscope inspect applies TensorBoard's reading rules", () => {
  const content = encodeHParamsPluginData({ sessionStartInfo: { hparams: { lr: { numberValue: 0.1 } } } });

  it("exits 1 naming the HPARAMS dashboard for trainscope's old hparams (data_class TENSOR, no tensor)", async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeEventFile(dir, [
        {
          step: 0,
          values: [
            {
              tag: '_hparams_/session_start_info',
              metadata: { pluginData: { pluginName: 'hparams', content }, dataClass: DataClass.TENSOR },
            },
          ],
        },
      ]);
      const { stdout, exitCode } = await runInspect(dir);
      expect(exitCode).toBe(1);
      expect(stdout).toContain(
        'error: run . (Python loader): HPARAMS dashboard: tag _hparams_/session_start_info has data_class TENSOR ' +
          "but no tensor; TensorBoard's read_tensors(plugin_name='hparams') fails",
      );
      expect(stdout).toContain('1 error(s), 0 warning(s)');
    } finally {
      cleanup();
    }
  });

  it('accepts the same value without a data class (tensorboardX: TensorBoard adds the null tensor)', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeEventFile(dir, [
        {
          step: 0,
          values: [
            {
              tag: '_hparams_/session_start_info',
              metadata: { pluginData: { pluginName: 'hparams', content } },
            },
          ],
        },
      ]);
      const { stdout, exitCode } = await runInspect(dir);
      expect(exitCode).toBeUndefined();
      expect(stdout).toMatch(/_hparams_\/session_start_info\s+1\s+0\s+hparams: lr=0\.1/);
      expect(stdout).toContain('0 error(s), 0 warning(s)');
    } finally {
      cleanup();
    }
  });

  it("accepts trainscope's own hparams values", async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeEventFile(dir, [
        { step: 0, values: [sessionStartInfoValue(new Map([['lr', 0.1]]), 1, undefined)] },
      ]);
      const { stdout, exitCode } = await runInspect(dir);
      expect(exitCode).toBeUndefined();
      expect(stdout).toMatch(/_hparams_\/session_start_info\s+1\s+0\s+hparams: lr=0\.1/);
    } finally {
      cleanup();
    }
  });
});

describe('trainscope inspect: odd inputs (issue 12)', () => {
  it('exits 1 with a clear message on a directory without event files', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { stderr, exitCode } = await runInspect(dir);
      expect(exitCode).toBe(1);
      expect(stderr).toContain(`no TensorBoard event files (names containing "tfevents") under ${dir}`);
    } finally {
      cleanup();
    }
  });

  it('caps the tag column: a 1,024-character tag is cut with … and does not widen the table', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const long = `t/${'x'.repeat(1022)}`;
      writeEventFile(dir, [
        {
          step: 1,
          values: [
            { tag: long, simpleValue: 1 },
            { tag: 'loss', simpleValue: 2 },
          ],
        },
      ]);
      const { stdout, exitCode } = await runInspect(dir);
      expect(exitCode ?? 0).toBe(0);
      const widest = Math.max(...stdout.split('\n').map((line) => line.length));
      expect(widest).toBeLessThan(160);
      expect(stdout).toContain(`t/${'x'.repeat(57)}…`);
    } finally {
      cleanup();
    }
  });
});
