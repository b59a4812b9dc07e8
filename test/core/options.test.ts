import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { init } from '../../src/init.js';
import { captureStderr, testOptions } from '../helpers/recording-backend.js';
import { ConfigFileError, loadConfigFile, loadOptions } from '../../src/core/config-loader.js';
import { OptionsError, parseOptions } from '../../src/core/options.js';

const SECRET = 'super-secret-api-key-9f8e7d';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

function tempFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'trainscope-options-'));
  const file = join(dir, 'trainscope.config.json');
  writeFileSync(file, content);
  return file;
}

describe('parseOptions errors', () => {
  it('names the inner field of the tensorboard / wandb unions and why', () => {
    const error = errorOf(() =>
      parseOptions({
        project: 'p',
        wandb: { baseUrl: 'ftp://example.com', timeoutMs: -1 },
        tensorboard: { flushSecs: 0 },
        logging: { interval: 0, level: 'verbose' },
      }),
    );
    expect(error).toBeInstanceOf(OptionsError);
    const issues = (error as OptionsError).issues;
    expect(issues).toContainEqual({ path: 'wandb.baseUrl', message: 'must be an http(s) URL' });
    expect(issues.find((i) => i.path === 'wandb.timeoutMs')?.message).toMatch(
      /^must be more than 0|^must be/,
    );
    expect(issues).toContainEqual({ path: 'tensorboard.flushSecs', message: 'must be positive' });
    expect(issues).toContainEqual({ path: 'logging.interval', message: 'must be at least 1' });
    expect(issues).toContainEqual({
      path: 'logging.level',
      message: 'must be one of "high", "medium", "all"',
    });
    expect(error.message).not.toMatch(/Invalid input/);
  });

  it('says what a union accepts when the shape is wrong, and that project is required', () => {
    const issues = (errorOf(() => parseOptions({ tensorboard: 'yes' })) as OptionsError).issues;
    expect(issues).toContainEqual({ path: 'project', message: 'is required' });
    expect(issues).toContainEqual({ path: 'tensorboard', message: 'must be false or an object' });
  });

  it('never includes option values (API key) in messages', () => {
    const error = errorOf(() =>
      parseOptions({
        project: 'p',
        name: '',
        wandb: { apiKey: SECRET, baseUrl: `not a url ${SECRET}`, runId: `${SECRET}!` },
      }),
    );
    expect(error.message).toMatch(/wandb\.baseUrl: must be an http\(s\) URL/);
    expect(error.message).toMatch(/wandb\.runId: must be 1-64 characters/);
    expect(error.message).not.toContain(SECRET);
    const typeError = errorOf(() => parseOptions({ project: 'p', wandb: { apiKey: 123456789 } }));
    expect(typeError.message).toMatch(/wandb\.apiKey: must be a string \(got a number\)/);
    expect(typeError.message).not.toContain('123456789');
  });
});

describe('loadConfigFile / loadOptions', () => {
  it('reads a JSON config file and fills in defaults', () => {
    const file = tempFile(
      JSON.stringify({ project: 'seo', logging: { level: 'high' }, config: { lr: 0.1 } }),
    );
    expect(loadConfigFile(file)).toEqual({ project: 'seo', logging: { level: 'high' }, config: { lr: 0.1 } });
    const options = loadOptions({ file, env: {} });
    expect(options.project).toBe('seo');
    expect(options.logging.level).toBe('high');
    expect(options.logging.interval).toBe(1);
    expect(options.config).toEqual({ lr: 0.1 });
  });

  it('an invalid file is reported naming the file, the field and the reason, without values', () => {
    const file = tempFile(
      JSON.stringify({ project: 'p', wandb: { baseUrl: `x${SECRET}` }, logging: { interval: 0 } }),
    );
    const error = errorOf(() => loadConfigFile(file));
    expect(error).toBeInstanceOf(ConfigFileError);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/wandb\.baseUrl: must be an http\(s\) URL/);
    expect(error.message).toMatch(/logging\.interval: must be at least 1/);
    expect(error.message).not.toContain(SECRET);
    const syntax = errorOf(() => loadConfigFile(tempFile('{"project": ')));
    expect(syntax.message).toContain('trainscope.config.json');
    expect(syntax.message).toMatch(/not valid JSON/);
    expect(errorOf(() => loadOptions({ file: '/nonexistent/trainscope.config.json' })).message).toMatch(
      /nonexistent\/trainscope\.config\.json:\n {2}- \(root\): file not found/,
    );
  });

  it('WANDB_* variables win over the file, explicit overrides win over both', () => {
    const file = tempFile(
      JSON.stringify({
        project: 'from-file',
        name: 'file-name',
        tags: ['a'],
        wandb: { mode: 'offline', entity: 'file-entity', dir: 'file-dir' },
        logging: { level: 'all' },
      }),
    );
    const env = {
      WANDB_PROJECT: 'env-project',
      WANDB_ENTITY: 'env-entity',
      WANDB_MODE: 'dryrun',
      WANDB_API_KEY: SECRET,
      WANDB_BASE_URL: 'http://127.0.0.1:8080',
      WANDB_NAME: 'env-name',
      WANDB_NOTES: 'some notes',
      WANDB_TAGS: 'x, y,,z',
      WANDB_RUN_GROUP: 'g1',
      WANDB_JOB_TYPE: 'train',
      WANDB_DIR: '/tmp/wandb-dir',
    };
    const options = loadOptions({ file, env, overrides: { name: 'cli-name', logging: { level: 'medium' } } });
    expect(options.project).toBe('env-project');
    expect(options.name).toBe('cli-name');
    expect(options.notes).toBe('some notes');
    expect(options.tags).toEqual(['x', 'y', 'z']);
    expect(options.group).toBe('g1');
    expect(options.jobType).toBe('train');
    expect(options.logging.level).toBe('medium');
    expect(options.wandb).toMatchObject({
      mode: 'offline',
      entity: 'env-entity',
      apiKey: SECRET,
      baseUrl: 'http://127.0.0.1:8080',
      dir: '/tmp/wandb-dir',
    });
  });

  it('errors from the environment name the variable, never its value', () => {
    const error = errorOf(() =>
      loadOptions({
        file: false,
        env: { WANDB_PROJECT: 'p', WANDB_BASE_URL: `bad ${SECRET}`, WANDB_MODE: 'loud' },
      }),
    );
    expect(error.message).toMatch(/wandb\.baseUrl: must be an http\(s\) URL \(from WANDB_BASE_URL\)/);
    expect(error.message).toMatch(/wandb\.mode: must be one of .* \(from WANDB_MODE\)/);
    expect(error.message).not.toContain(SECRET);
    const missing = errorOf(() => loadOptions({ file: false, env: {} }));
    expect(missing.message).toMatch(
      /project: is required: set it in trainscope\.config\.json, WANDB_PROJECT/,
    );
  });

  it('WANDB_MODE turns W&B on even when the file turns it off; other wandb variables do not', () => {
    const file = tempFile(JSON.stringify({ project: 'p', wandb: false }));
    expect(loadOptions({ file, env: { WANDB_ENTITY: 'e' } }).wandb).toBe(false);
    expect(loadOptions({ file, env: { WANDB_MODE: 'online' } }).wandb).toMatchObject({ mode: 'online' });
  });
});

describe('unknown option names', () => {
  it('are warned about, from a config file and from init()', async () => {
    const stderr = captureStderr();
    try {
      const file = tempFile(
        JSON.stringify({ project: 'p', loging: { level: 'high' }, wandb: { projct: 'x' } }),
      );
      loadConfigFile(file);
      expect(stderr.text()).toContain(`unknown options "loging", "wandb.projct" in ${file} ignored`);
      const run = await init({ ...testOptions(), tensorbord: { logDir: 'x' } } as never);
      await run.finish();
      expect(stderr.text()).toContain('unknown option "tensorbord" in the options ignored');
    } finally {
      stderr.restore();
    }
  });
});
