import { afterEach, describe, expect, it } from 'vitest';
import { OptionsError, parseOptions } from '../../../src/core/options.js';

const saved = process.env.TRAINSCOPE_LOGGING_THREAD;
afterEach(() => {
  if (saved === undefined) delete process.env.TRAINSCOPE_LOGGING_THREAD;
  else process.env.TRAINSCOPE_LOGGING_THREAD = saved;
});

describe('logging.thread', () => {
  it("defaults to 'worker'; TRAINSCOPE_LOGGING_THREAD=main changes the default, not an explicit choice", () => {
    delete process.env.TRAINSCOPE_LOGGING_THREAD;
    expect(parseOptions({ project: 'p' }).logging.thread).toBe('worker');
    process.env.TRAINSCOPE_LOGGING_THREAD = 'main';
    expect(parseOptions({ project: 'p' }).logging.thread).toBe('main');
    expect(parseOptions({ project: 'p', logging: { thread: 'worker' } }).logging.thread).toBe('worker');
  });

  it('rejects anything else, naming the field', () => {
    let error: unknown;
    try {
      parseOptions({ project: 'p', logging: { thread: 'gpu' } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OptionsError);
    expect((error as OptionsError).issues.map((i) => i.path)).toEqual(['logging.thread']);
  });
});
