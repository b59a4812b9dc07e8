import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

const CORE = resolve(REPO_ROOT, 'src', 'core');

/** Every `.ts` file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The module specifiers of static imports, re-exports, side-effect imports and dynamic `import()`s. */
function importSpecifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[1] as string));
}

/** The specifiers of `file` (with `source`) that leave `root`: relative paths resolving outside it. */
function escapingImports(root: string, file: string, source: string): string[] {
  return importSpecifiers(source).filter((specifier) => {
    if (!specifier.startsWith('.')) return false; // node: builtins and packages (zod) are allowed
    const target = relative(root, resolve(dirname(file), specifier));
    return target === '..' || target.startsWith(`..${sep}`);
  });
}

describe('layering', () => {
  it('src/core imports nothing outside src/core (it is the ground floor; src/init.ts composes it)', () => {
    const files = sourceFiles(CORE);
    expect(files.length).toBeGreaterThan(20);
    const violations = files.flatMap((file) =>
      escapingImports(CORE, file, readFileSync(file, 'utf8')).map(
        (specifier) => `${relative(CORE, file)} imports ${specifier}`,
      ),
    );
    expect(violations).toEqual([]);
  });

  it('the check finds every kind of import that leaves the folder', () => {
    const file = join(CORE, 'sub', 'example.ts');
    const source = [
      "import { a } from '../../trackers/index.js';",
      "import type { B } from '../../profiler/index.js';",
      "export { c } from '../../decorators/index.js';",
      "import '../../side-effect.js';",
      "const d = await import('../../init.js');",
      "import {\n  e,\n  f,\n} from '../../multi-line.js';",
      "import { ok } from '../options.js';",
      "import { createHash } from 'node:crypto';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(escapingImports(CORE, file, source)).toEqual([
      '../../trackers/index.js',
      '../../profiler/index.js',
      '../../decorators/index.js',
      '../../multi-line.js',
      '../../side-effect.js',
      '../../init.js',
    ]);
  });
});
