// GPU check (run on a machine with an NVIDIA GPU and PyTorch): real nvidia-smi sampling through trainscope's provider
// and profiler. `npx tsx scripts/gpu-check.ts` writes gpu-check.json into $OUT (default: the current directory).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { NvidiaSmiProvider, countNvidiaGpus } from '../src/profiler/gpu/nvidia-smi-provider.js';
import { createProfiler } from '../src/profiler/index.js';
import { parseOptions } from '../src/core/options.js';

const out = process.env.OUT ?? '.';
const report: Record<string, unknown> = {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const gpus = await countNvidiaGpus('nvidia-smi');
report.gpuCount = gpus;
const provider = new NvidiaSmiProvider({
  intervalMs: 200,
  gpuCount: gpus,
  warn: (m) => console.warn('warn:', m),
});
provider.start();
const keepAlive = setInterval(() => {}, 1000);
await sleep(1500);
report.idle = await provider.sample();
// Hold 8 GiB on the GPU from another process, as a trainer would, and watch it through the provider.
const holder = spawn(
  'python3',
  [
    '-c',
    `
import torch, time, sys
x = torch.empty(8 * 1024**3, dtype=torch.uint8, device='cuda'); x.fill_(1); torch.cuda.synchronize()
print('held', flush=True); time.sleep(4)
`,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const exited = new Promise((r) => holder.on('exit', r));
await new Promise<void>((resolve) => {
  holder.stdout.on('data', (d: Buffer) => String(d).includes('held') && resolve());
  holder.on('exit', () => resolve());
});
await sleep(1200);
report.loaded = await provider.sample();
await exited;
await sleep(1200);
report.released = await provider.sample();
await provider.close();

// The whole profiler with gpu 'auto' and a recording host.
const logged: { kind: string; metrics: Record<string, unknown> }[] = [];
const profiler = createProfiler(
  parseOptions({ project: 'gpu-check', profiling: { systemMetricsSecs: 0.5 } }).profiling,
);
profiler.start({
  run: {
    id: 'gpucheck',
    name: 'gpu-check',
    project: 'gpu-check',
    entity: undefined,
    group: undefined,
    jobType: undefined,
    tags: [],
    notes: undefined,
    config: {},
    startTime: Date.now(),
    host: 'device',
    program: 'gpu-check',
    rank: 0,
    worldSize: 1,
  },
  logger: {
    debug() {},
    info: console.log,
    warn: console.warn,
    error: console.error,
    warnOnce: (_k: string, m: string) => console.warn(m),
  },
  step: 0,
  log: (metrics) => logged.push({ kind: 'history', metrics: { ...metrics } }),
  logSystem: (metrics) => logged.push({ kind: 'system', metrics: { ...metrics } }),
});
await sleep(3000);
const finishStarted = Date.now();
await profiler.finish();
report.profilerFinishMs = Date.now() - finishStarted;
report.profilerLogged = logged.filter((l) => JSON.stringify(l).includes('gpu'));
clearInterval(keepAlive);
writeFileSync(`${out}/gpu-check.json`, JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2).slice(0, 6000));
