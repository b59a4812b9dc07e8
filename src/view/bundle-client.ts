/**
 * Build step (`npm run build`): writes the bundled page to `dist/view/client-bundle/` so that an installed
 * trainscope serves it offline, with no CDN and no bundler at run time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { BUNDLE_DIR, bundleClient } from './client-assets.js';

const files = await bundleClient();
mkdirSync(BUNDLE_DIR, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(`${BUNDLE_DIR}${name}`, text);
console.log(`view: wrote ${Object.keys(files).join(', ')} to ${BUNDLE_DIR}`);
