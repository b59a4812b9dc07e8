// System-metrics check (run on a machine with an NVIDIA GPU): the real nvidia-smi through trainscope's GPU
// inventory (wandb-metadata.json) and the extended query, and one profiler report mapped to W&B's system keys.
// Bundle: `npx esbuild scripts/system-stats-check.ts --bundle --platform=node --format=esm --outfile=.tmp/ssc.mjs`,
// run `node .tmp/ssc.mjs`; writes system-stats-check.json into $OUT (default: the current directory). Needs Node
// on that machine (the H200 used on 2026-12-04 had none: only the two nvidia-smi queries were run there).
import { writeFileSync } from 'node:fs';
import type { Logger, RunInfo } from '../src/core/backend.js';
import { parseOptions } from '../src/core/options.js';
import type { ProfilerHost } from '../src/core/run-handle.js';
import { probeGpuInventory } from '../src/profiler/gpu/gpu-inventory.js';
import { countNvidiaGpus, NvidiaSmiProvider } from '../src/profiler/gpu/nvidia-smi-provider.js';
import { Profiler } from '../src/profiler/profiler.js';
import { wandbSystemMetrics } from '../src/trackers/wandb/system-metrics.js';

const out = process.env.OUT ?? '.';
const report: Record<string, unknown> = {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const keepAlive = setInterval(() => {}, 1000);

const started = performance.now();
report.inventory = await probeGpuInventory();
report.inventoryMs = performance.now() - started;

const gpus = await countNvidiaGpus('nvidia-smi');
const provider = new NvidiaSmiProvider({
  intervalMs: 200,
  gpuCount: gpus,
  warn: (m) => console.warn('warn:', m),
});
provider.start();
await sleep(1500);
report.providerSample = await provider.sample();
report.providerFailures = provider.failures;
await provider.close();

const warnings: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: () => {},
  warn: (m: string) => warnings.push(m),
  warnOnce: (_k: string, m: string) => warnings.push(m),
  error: (m: string) => warnings.push(m),
} as unknown as Logger;
const systemLogs: Record<string, number>[] = [];
const host: ProfilerHost = {
  step: 0,
  run: { name: 'check', rank: 0, worldSize: 1 } as RunInfo,
  logger,
  log: () => {},
  logSystem: (m: Record<string, number>) => systemLogs.push({ ...m }),
} as unknown as ProfilerHost;
const options = parseOptions({ project: 'check' }).profiling;
const profiler = new Profiler(
  { ...options, trace: false, reportEverySteps: 0 },
  { systemMetricsIntervalMs: 200 },
);
profiler.start(host);
await profiler.gpuDetection;
await sleep(3500);
await profiler.finish();
report.reports = systemLogs.length;
const last = systemLogs.at(-1) ?? {};
const mapped = wandbSystemMetrics(Object.keys(last), Object.values(last));
report.wandb = Object.fromEntries(mapped.keys.map((k, i) => [k, mapped.values[i]]));
report.warnings = warnings;
clearInterval(keepAlive);
writeFileSync(`${out}/system-stats-check.json`, `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
