import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { APP_CSS } from './page-style.js';

export interface ClientAsset {
  readonly contentType: string;
  readonly body: string;
}

/** Where `npm run build` puts the bundled page (`dist/view/client-bundle/`). */
export const BUNDLE_DIR = fileURLToPath(new URL('./client-bundle/', import.meta.url));
const CLIENT_ENTRY_TS = fileURLToPath(new URL('./client/main.ts', import.meta.url));
const CLIENT_ENTRY_JS = fileURLToPath(new URL('./client/main.js', import.meta.url));

export const ASSET_NAMES = ['app.js', 'app.css', 'uPlot.min.css'] as const;
export type AssetName = (typeof ASSET_NAMES)[number];

/**
 * Bundles the page (client TS + uPlot's ESM build) into one ES module with esbuild. Runs at build time
 * (`node dist/view/bundle-client.js`) and, when the server runs from source (tests, `tsx`) without a bundle,
 * once at start. esbuild is a devDependency: an installed package always ships the prebuilt bundle.
 */
export function bundleClient(): Promise<Record<AssetName, string>> {
  bundled ??= bundleClientNow();
  return bundled;
}

/** One bundle per process: servers started by tests share it. */
let bundled: Promise<Record<AssetName, string>> | undefined;

async function bundleClientNow(): Promise<Record<AssetName, string>> {
  const esbuild = await import('esbuild');
  const entry = existsSync(CLIENT_ENTRY_TS) ? CLIENT_ENTRY_TS : CLIENT_ENTRY_JS;
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'inline',
  });
  const require = createRequire(import.meta.url);
  return {
    'app.js': result.outputFiles[0]!.text,
    'app.css': APP_CSS,
    'uPlot.min.css': readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
}

const CONTENT_TYPES: Record<AssetName, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'uPlot.min.css': 'text/css; charset=utf-8',
};

/** The page's static files: the prebuilt bundle when present, otherwise bundled once from source. */
export class ClientAssets {
  private assets: Map<AssetName, ClientAsset> | undefined;

  async load(): Promise<void> {
    let files: Record<AssetName, string>;
    if (existsSync(`${BUNDLE_DIR}app.js`)) {
      files = Object.fromEntries(
        ASSET_NAMES.map((name) => [name, readFileSync(`${BUNDLE_DIR}${name}`, 'utf8')]),
      ) as Record<AssetName, string>;
    } else {
      files = await bundleClient();
    }
    this.assets = new Map(
      ASSET_NAMES.map((name) => [name, { contentType: CONTENT_TYPES[name], body: files[name] }]),
    );
  }

  get(name: string): ClientAsset | undefined {
    return this.assets?.get(name as AssetName);
  }
}
