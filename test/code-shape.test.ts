import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/paths.js';

// The shape issue 11 set for hand-written code: small files, short functions. Generated protobuf code is exempt.
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
const SRC = join(REPO_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.(ts|mts)$/.test(entry.name) ? [path] : [];
  });
}

/** Every function-like node longer than `limit` lines, named as `file:line name (n lines)`. */
function longFunctions(path: string, text: string, limit: number): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) {
        const name = node.name !== undefined ? node.name.getText(file) : '(anonymous)';
        found.push(`${relative(REPO_ROOT, path)}:${start + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('code shape', () => {
  const files = sourceFiles(SRC);

  it(`no hand-written file under src/ is over ${MAX_FILE_LINES} lines`, () => {
    const long = files
      .map((path) => ({ path, lines: readFileSync(path, 'utf8').split('\n').length - 1 }))
      .filter((file) => file.lines > MAX_FILE_LINES)
      .map((file) => `${relative(REPO_ROOT, file.path)} (${file.lines} lines)`);
    expect(long).toEqual([]);
  });

  it(`no function under src/ is over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap((path) => longFunctions(path, readFileSync(path, 'utf8'), MAX_FUNCTION_LINES));
    expect(long).toEqual([]);
  });

  it('the function scanner finds a long function (so the check above can fail)', () => {
    const body = Array.from({ length: 90 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `class A {\n  method(): void {\n${body}\n  }\n}\nconst f = () => 1;\n`;
    expect(longFunctions(join(SRC, 'x.ts'), text, MAX_FUNCTION_LINES)).toEqual([
      'src/x.ts:2 method (92 lines)',
    ]);
  });
});
