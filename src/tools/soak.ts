// `npm run soak -- [--builds N] [--data DIR] [--out DIR]`: N forced builds of
// the data (data/ by default; CI soaks the frozen fixture) in one process through the programmatic API. Prints heap, open handles and
// child processes as it goes; then prints the printer alone through jobs of
// 2 MB of HTML each. Exits 1 if the heap or the handles grow beyond a small
// bound, or a browser outlives its build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from '../build.ts';
import { resolveConfig } from '../config.ts';
import { createPdfPrinter } from '../pdf/printer.ts';
import { browserProcesses } from '../pdf/processes.ts';

/** Heap growth allowed between the first measured build and the last. */
const HEAP_BOUND_MB = 30;
const HANDLE_SLACK = 3;
/** Builds before measuring starts: caches and JIT warm up. */
const WARM_UP = 3;
/** Printer jobs measured, after as many warm-up jobs as WARM_UP; heap growth allowed over them. */
const PRINTER_JOBS = 30;
const PRINTER_BOUND_MB = 20;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const { values } = parseArgs({ options: { builds: { type: 'string', default: '200' }, data: { type: 'string' }, out: { type: 'string' } } });
const builds = Number(values.builds);
const out = values.out ?? (await mkdtemp(join(tmpdir(), 'coop-soak-')));
const config = resolveConfig({ out, ...(values.data ? { data: values.data } : {}) });

const rows: { heapMb: number; handles: number; browsers: number }[] = [];
console.log('build      ms   heap MB  handles  browsers left');
for (let i = 1; i <= builds; i++) {
  const started = performance.now();
  const result = await build(config, { force: true });
  if (!result.ok) throw new Error(`build ${i} failed: ${result.errors.map((e) => e.message).join('; ')}`);
  gc();
  const row = { heapMb: process.memoryUsage().heapUsed / 2 ** 20, handles: process.getActiveResourcesInfo().length, browsers: browserProcesses().length };
  rows.push(row);
  console.log(`${String(i).padStart(5)} ${String(Math.round(performance.now() - started)).padStart(7)} ${row.heapMb.toFixed(1).padStart(9)} ${String(row.handles).padStart(8)} ${String(row.browsers).padStart(14)}`);
}
if (!values.out) await rm(out, { recursive: true, force: true });

// A job the printer keeps after printing (a listener left behind once held
// every job, HTML and PDF) shows here as about 2 MB per job.
const printer = createPdfPrinter();
const job = (i: number) => ({ id: `job-${i}`, html: `<html><body><p>${i}</p><!--${'x'.repeat(2 ** 21)}--></body></html>` });
let printerGrowth: number;
try {
  for (let i = 0; i < WARM_UP; i++) await printer.print(job(i));
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < PRINTER_JOBS; i++) await printer.print(job(WARM_UP + i));
  gc();
  printerGrowth = (process.memoryUsage().heapUsed - before) / 2 ** 20;
} finally {
  await printer.close();
}
console.log(`printer: heap ${printerGrowth >= 0 ? '+' : ''}${printerGrowth.toFixed(1)} MB over ${PRINTER_JOBS} jobs of 2 MB of HTML`);

const first = rows[Math.min(WARM_UP, rows.length - 1)]!;
const last = rows.at(-1)!;
const growth = last.heapMb - first.heapMb;
const problems = [
  growth > HEAP_BOUND_MB ? `heap grew by ${growth.toFixed(1)} MB (bound ${HEAP_BOUND_MB} MB)` : '',
  // A timer or two may be pending at any moment; a leak grows with every build.
  last.handles > first.handles + HANDLE_SLACK ? `open handles grew from ${first.handles} to ${last.handles}` : '',
  rows.some((r) => r.browsers > 0) ? 'a browser outlived its build' : '',
  printerGrowth > PRINTER_BOUND_MB ? `the printer's heap grew by ${printerGrowth.toFixed(1)} MB over ${PRINTER_JOBS} jobs (bound ${PRINTER_BOUND_MB} MB)` : '',
  browserProcesses().length > 0 ? 'a browser outlived the printer' : '',
].filter(Boolean);
console.log(`${builds} builds: heap ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB after build ${WARM_UP + 1}, handles ${first.handles} -> ${last.handles}, browsers left at the end ${last.browsers}`);
console.log(problems.length === 0 ? 'soak passed' : `soak FAILED: ${problems.join('; ')}`);
process.exitCode = problems.length === 0 ? 0 : 1;
