import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEvent } from '../../src/trackers/tensorboard/proto.js';
import { frameRecord } from '../../src/trackers/tensorboard/record.js';
import type { ViewServer } from '../../src/view/view-server.js';
import { graphDefBytes, SMALL_GRAPH } from '../helpers/graph-def.js';
import { startView, tempDir, writeTrainscopeRun, XSS } from '../helpers/view.js';

/** Chromium for the real-browser tests: `CHROMIUM_PATH`, else Debian's or Ubuntu's package. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

const CHROMIUM = findChromium();
if (CHROMIUM === undefined) {
  console.log(
    'view browser tests skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)',
  );
}
const PAGES = ['runs', 'scalars', 'histograms', 'text', 'hparams', 'graph', 'profiler', 'system', 'console'];
const FIXTURES = join(import.meta.dirname, '../fixtures');
const DOCS = join(import.meta.dirname, '../../docs');

function scalarRecords(tag: string, steps: number, valueAt: (step: number) => number): Buffer {
  const parts: Buffer[] = [];
  for (let step = 0; step < steps; step++) {
    parts.push(
      frameRecord(
        encodeEvent({
          wallTime: 1_800_000_000 + step / 10,
          step,
          summary: { value: [{ tag, simpleValue: valueAt(step) }] },
        }),
      ),
    );
  }
  return Buffer.concat(parts);
}

async function open(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}#/${name}`);
  await page.waitForFunction(
    (expected) =>
      (globalThis as { __trainscopeView?: { rendered: string } }).__trainscopeView?.rendered === expected,
    name,
    { timeout: 15_000 },
  );
}

describe.skipIf(CHROMIUM === undefined)('trainscope view in headless Chromium', () => {
  let browser: Browser;
  let server: ViewServer;
  let url: string;
  const root = tempDir();
  const hostileRoot = tempDir();
  const cleanPaths = (): string[] => [
    join(root, 'runs'),
    join(root, 'wandb'),
    join(FIXTURES, 'wandb/offline-basic'),
    join(FIXTURES, 'tensorboard/histogram'),
  ];
  const liveFile = join(root, 'runs', 'live', 'events.out.tfevents.1.test');

  beforeAll(async () => {
    await writeTrainscopeRun(root, { name: 'baseline', steps: 200, progressBar: true });
    await writeTrainscopeRun(hostileRoot, { name: XSS.img, hostile: true });
    mkdirSync(join(root, 'runs', 'wave'), { recursive: true });
    const spikes = (step: number) =>
      step === 123_456 ? 9.5 : step === 54_321 ? -7.25 : Math.sin(step / 500);
    writeFileSync(
      join(root, 'runs', 'wave', 'events.out.tfevents.1.test'),
      scalarRecords('big/wave', 200_000, spikes),
    );
    mkdirSync(join(root, 'runs', 'live'), { recursive: true });
    writeFileSync(
      liveFile,
      scalarRecords('live/metric', 10, (s) => s / 10),
    );
    mkdirSync(join(root, 'runs', 'graph'), { recursive: true });
    writeFileSync(
      join(root, 'runs', 'graph', 'events.out.tfevents.1.test'),
      frameRecord(encodeEvent({ wallTime: 1_800_000_000, step: 0, graphDef: graphDefBytes(SMALL_GRAPH) })),
    );
    mkdirSync(join(hostileRoot, 'runs', 'graph'), { recursive: true });
    const hostileGraph = graphDefBytes([
      { name: XSS.script, op: XSS.img },
      { name: XSS.svg, op: XSS.link, inputs: [XSS.script] },
    ]);
    writeFileSync(
      join(hostileRoot, 'runs', 'graph', 'events.out.tfevents.1.test'),
      frameRecord(encodeEvent({ wallTime: 1_800_000_000, step: 0, graphDef: hostileGraph })),
    );
    mkdirSync(join(root, 'traces'));
    const trace: object[] = [];
    for (let i = 0; i < 6; i++) {
      const t = i * 1000;
      trace.push(
        { ph: 'X', name: 'Trainer.trainStep', ts: t, dur: 950, pid: 0, tid: 1 },
        { ph: 'X', name: 'Model.forward', ts: t + 20, dur: 420, pid: 0, tid: 1 },
        { ph: 'X', name: 'attention', ts: t + 40, dur: 250, pid: 0, tid: 1 },
        { ph: 'X', name: 'Model.backward', ts: t + 450, dur: 380, pid: 0, tid: 1 },
        { ph: 'X', name: 'Optimizer.step', ts: t + 840, dur: 100, pid: 0, tid: 1 },
        { ph: 'X', name: 'DataLoader.next', ts: t + 960, dur: 35, pid: 0, tid: 2 },
      );
    }
    writeFileSync(join(root, 'traces', 'run.1.pt.trace.json'), JSON.stringify({ traceEvents: trace }));
    mkdirSync(join(hostileRoot, 'traces'));
    const hostileTrace = [{ ph: 'X', name: XSS.script, ts: 0, dur: 300, pid: 0, tid: 1 }];
    writeFileSync(
      join(hostileRoot, 'traces', 'x.pt.trace.json'),
      JSON.stringify({ traceEvents: hostileTrace }),
    );
    ({ server, url } = await startView({
      paths: [...cleanPaths(), join(hostileRoot, 'runs'), join(hostileRoot, 'wandb')],
    }));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows a W&B run's console as the Logs tab does: a bar redrawn with \\r in its last state", async () => {
    const page = await browser.newPage();
    try {
      await open(page, url, 'console');
      const texts = await page.locator('pre').allTextContents();
      const baseline = texts.find((t) => t.includes('epoch 1'));
      expect(baseline).toContain('epoch 1 [####]');
      expect(baseline).not.toContain('[#   ]');
    } finally {
      await page.close();
    }
  });

  it('loads every page with no console error, runs no script from the logs (XSS corpus)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const name of PAGES) {
      await open(page, url, name);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), name).toBeUndefined();
    }
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    // The corpus shows as text: the markup is visible characters, not elements.
    await open(page, url, 'text');
    const body = await page.evaluate(() => document.body.textContent);
    expect(body).toContain(XSS.script);
    expect(body).toContain('onerror=');
    expect(await page.locator('main img, main script, main svg').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await open(page, url, 'runs');
    expect(await page.evaluate(() => document.body.textContent)).toContain(XSS.img);
    await page.close();
  });

  it.skipIf(process.env.TRAINSCOPE_SCREENSHOTS !== '1')(
    'saves a screenshot of every page to docs/',
    async () => {
      const clean = await startView({ paths: cleanPaths() });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        for (const name of PAGES) {
          await open(page, clean.url, name);
          await page.waitForTimeout(300);
          await page.screenshot({ path: join(DOCS, `view-${name}.png`) });
        }
      } finally {
        await page.close();
        await clean.server.stop();
      }
    },
  );

  it('draws a logged GraphDef: a canvas per graph, its nodes listed as text (hostile names included)', async () => {
    const page = await browser.newPage();
    await open(page, url, 'graph');
    const drawn = await page.evaluate(() => ({
      canvases: document.querySelectorAll('main .graph canvas').length,
      text: document.querySelector('main')?.textContent ?? '',
    }));
    expect(drawn.canvases).toBeGreaterThanOrEqual(2);
    expect(drawn.text).toContain('GraphDef: 7 nodes. Ops: MatMul × 1');
    expect(drawn.text).toContain('dense/kernel');
    expect(drawn.text).toContain(XSS.script);
    expect(await page.locator('main img, main script, main svg').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('draws a known 200,000-point series with its true extremes', async () => {
    const page = await browser.newPage();
    await open(page, url, 'scalars');
    const extremes = await page.evaluate(() => {
      const chart = (
        globalThis as unknown as { __trainscopeCharts: Record<string, { data: (number | null)[][] }> }
      ).__trainscopeCharts['big/wave']!;
      const raw = chart.data[2]!.filter((v): v is number => v !== null);
      return {
        min: Math.min(...raw),
        max: Math.max(...raw),
        points: raw.length,
        canvas: document.querySelectorAll('canvas').length,
      };
    });
    expect(extremes).toMatchObject({ min: -7.25, max: 9.5 });
    expect(extremes.points).toBeLessThanOrEqual(4000);
    expect(extremes.canvas).toBeGreaterThan(0);
    await page.close();
  });

  it('shows a point appended to a live file within 2 s', async () => {
    const page = await browser.newPage();
    await open(page, url, 'scalars');
    const readMax = () =>
      page.evaluate(() => {
        const chart = (
          globalThis as unknown as { __trainscopeCharts: Record<string, { data: (number | null)[][] }> }
        ).__trainscopeCharts['live/metric'];
        return chart === undefined
          ? null
          : Math.max(...(chart.data[2] ?? []).filter((v): v is number => v !== null));
      });
    expect(await readMax()).toBeCloseTo(0.9, 5);
    const t0 = Date.now();
    appendFileSync(
      liveFile,
      frameRecord(
        encodeEvent({
          wallTime: 1_800_000_100,
          step: 10,
          summary: { value: [{ tag: 'live/metric', simpleValue: 42 }] },
        }),
      ),
    );
    await page.waitForFunction(
      () => {
        const chart = (
          globalThis as unknown as { __trainscopeCharts: Record<string, { data: (number | null)[][] }> }
        ).__trainscopeCharts['live/metric'];
        return chart !== undefined && (chart.data[2] ?? []).includes(42);
      },
      undefined,
      { timeout: 2000 },
    );
    expect(Date.now() - t0).toBeLessThan(2000);
    await page.close();
  });
});
