import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

// The public API is a compatibility promise: adding or removing a runtime name must be a deliberate edit here
// (and in the README), never a side effect of a refactor.
const ENTRIES: Record<string, { source: string; names: string[] }> = {
  '.': {
    source: 'src/index.ts',
    names: [
      'CONFIG_FILE_NAME',
      'ConfigFileError',
      'OptionsError',
      'Priority',
      'Profiled',
      'RankZeroOnly',
      'ResumeError',
      'Run',
      'TRAINSCOPE_METADATA',
      'TrackMetrics',
      'TrainscopeOptionsSchema',
      'VERSION',
      'currentRun',
      'decorationsOf',
      'emptyBackendStats',
      'histogram',
      'init',
      'instrument',
      'loadConfigFile',
      'loadOptions',
      'parseOptions',
      'processRank',
      'profileOperation',
      'profiled',
      'rankZeroOnly',
      'resolveRank',
      'table',
      'text',
    ],
  },
  './tensorboard': {
    source: 'src/exports/tensorboard.ts',
    names: [
      'EventFileWriter',
      'TensorBoardBackend',
      'createTensorBoardBackend',
      'inspectLogDir',
      'readEventFile',
    ],
  },
  './wandb': {
    source: 'src/exports/wandb.ts',
    names: [
      'SYNC_STATE_FILE',
      'SyncError',
      'WandbBackend',
      'createWandbBackend',
      'readWandbFile',
      'resolveWandbCredentials',
      'resolveWandbMode',
      'syncRun',
    ],
  },
  './profiler': {
    source: 'src/exports/profiler.ts',
    names: [
      'BottleneckAnalyzer',
      'ChromeTraceWriter',
      'NvidiaSmiProvider',
      'OperationStats',
      'Profiler',
      'QUANTILE_RELATIVE_ERROR',
      'TfjsMemoryProvider',
      'createProfiler',
    ],
  },
};

interface ExportTarget {
  readonly types: string;
  readonly import: string;
  readonly require: string;
  readonly default: string;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, ExportTarget | string>;
};

describe('public API', () => {
  for (const [subpath, entry] of Object.entries(ENTRIES)) {
    it(`"trainscope${subpath.slice(1)}" exports exactly its documented runtime names`, async () => {
      const module = (await import(join(REPO_ROOT, entry.source))) as Record<string, unknown>;
      expect(Object.keys(module).sort()).toEqual([...entry.names].sort());
      for (const name of entry.names) expect(module[name], name).toBeDefined();
    });

    it(`package.json maps "${subpath}" to the build of ${entry.source}, one ESM file for import and require`, () => {
      const target = manifest.exports[subpath] as ExportTarget;
      const built = entry.source.replace(/^src\//, './dist/').replace(/\.ts$/, '');
      // One build for both: require(esm) loads the same module instance, so there is no dual-package hazard.
      expect(target).toEqual({
        types: `${built}.d.ts`,
        import: `${built}.js`,
        require: `${built}.js`,
        default: `${built}.js`,
      });
      expect(Object.keys(target)[0]).toBe('types');
    });
  }

  it('the package exports nothing else (internals stay reachable only by path inside the repo)', () => {
    expect(Object.keys(manifest.exports).sort()).toEqual([...Object.keys(ENTRIES), './package.json'].sort());
  });

  it('the root entry stays small: about 35 runtime names at most', () => {
    expect(ENTRIES['.']?.names.length).toBeLessThanOrEqual(35);
  });
});
