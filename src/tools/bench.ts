// `npm run bench`: the figures of issue 5. Builds the real data and synthetic
// sets of 1,000 and 10,000 projects, in-process and as `npm run build` runs
// (a child process, timed from outside), and prints the same fact sheets two
// reference ways: a browser per PDF, and one warm page. Prints a table with
// each target met or not; progress goes to stderr. A build that fails is
// reported in the table, not thrown: a benchmark should show what breaks.
// Then how long hostile YAML takes to be refused. --runs N: runs per figure
// (default 3, 1 for builds of a synthetic set); --quick: one run each and no
// 10,000-project set, for a CI smoke test; --sets real,1000,10000: which data
// sets (the 1,000-project one prints 2,000 sheets three times: the longest).
// The targets of issue 17 are ratios to floors measured in the same run, as
// the machine's load changes every absolute figure: for the real data, what
// Chromium itself needs (its launch, and one warm setContent + pdf of each
// document), what a workbook needs (Node's start, importing ExcelJS, writing
// the workbooks from the model in memory), and Node's bare start. Each row
// shows the 1-minute load average while it was measured.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page, PDFOptions } from 'puppeteer';
import { build, type BuildOptions } from '../build.ts';
import { PROJECT_ROOT, resolveConfig, type Config } from '../config.ts';
import { formatErrors } from '../errors.ts';
import { prepare } from '../prepare.ts';
import { selectOutputs, type Selection } from '../plan/select.ts';
import type { PlannedOutput } from '../plan/outputs.ts';
import { isBrief, renderBrief } from '../html/brief.ts';
import { renderPublication, type PublicationPlan } from '../html/publication.ts';
import { isWorkbook, xlsxSink } from '../xlsx/sink.ts';
import { closeBrowser, findBrowser, launchBrowser } from '../pdf/browser.ts';
import type { Asset } from '../html/styles.ts';
import { writeSyntheticData } from './synthetic-data.ts';

const LAUNCH = join(PROJECT_ROOT, 'src', 'launch.mjs');
/** Loaded before the CLI in a child: reports the process's own peak RSS (KiB) as it exits, Chromium not included. */
const RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmax-rss-kib "+process.resourceUsage().maxRSS+"\\n"))';
const SHARD = { index: 1, count: 20 } as const;
const NAIVE_SHEETS = 5;
const WARM_SHEETS = 20;
/** As the printer prints (src/pdf/printer.ts). */
const PDF_OPTIONS: PDFOptions = { printBackground: true, preferCSSPageSize: true, tagged: true, outline: true };

interface Target {
  text: string;
  met(value: number): boolean;
}
const atMost = (limit: number, text: string): Target => ({ text: `<= ${text}`, met: (v) => v <= limit });
const atLeast = (limit: number, text: string): Target => ({ text: `>= ${text}`, met: (v) => v >= limit });
const NOOP_TARGET = atMost(500, '0.5 s');
const RATIO_TARGET = atMost(1.5, '1.5×');
const NOOP_ABOVE_START = atMost(100, '0.1 s');
const VALIDATE_ABOVE_START = atMost(300, '0.3 s');
const REFUSAL_TARGET = atMost(15_000, '15 s');

/** The costliest cases of tests/hardening/hostile-yaml.test.ts, which checks how each is refused. */
const HOSTILE: { name: string; file: string; content: () => string }[] = [
  {
    name: 'a billion-laughs alias bomb',
    file: 'report.yaml',
    content: () =>
      ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        .concat(Array.from({ length: 8 }, (_, i) => `l${i}: &${'b'.repeat(i + 1)} [${Array(9).fill(i === 0 ? '*a' : `*${'b'.repeat(i)}`).join(',')}]`))
        .join('\n'),
  },
  { name: '10,000 nested lists', file: 'projects.yaml', content: () => `projects: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` },
  { name: 'a 50 MB file', file: 'projects.yaml', content: () => `projects:\n${'  - { id: x }\n'.repeat((50 * 1024 * 1024) / 15)}` },
];

interface DataSet {
  title: string;
  dir: string;
  /** Synthetic sets: how many projects to generate into `dir`. */
  projects?: number;
  /** Sets too large to print whole are built one deterministic share at a time. */
  shard?: Selection['shard'];
  /** Builds of this set count as expensive: one run unless --runs says otherwise. */
  expensive: boolean;
  /** Measure the floors of issue 17 on this set (the real data). */
  floors?: boolean;
  targets: { scratch?: Target; workbook?: Target; memory?: Target };
}

/** Measurements of one figure; a failed build ends the series with its reason. */
interface Series {
  values: number[];
  failure?: string;
  /** The 1-minute load average after each run. */
  loads?: number[];
}

interface Row {
  label: string;
  value: string;
  target: string;
  status: string;
  /** Median load average while measured. */
  load: string;
  note?: string;
}

/** A build that reported errors, as opposed to a benchmark that broke. */
class BuildFailure extends Error {}

const { values: flags } = parseArgs({ options: { runs: { type: 'string' }, quick: { type: 'boolean', default: false }, sets: { type: 'string' } } });
const SET_NAMES = ['real', '1000', '10000'] as const;
const wanted = new Set(flags.sets?.split(',') ?? (flags.quick ? ['real', '1000'] : SET_NAMES));
for (const name of wanted) if (!(SET_NAMES as readonly string[]).includes(name)) throw new Error(`--sets takes ${SET_NAMES.join(',')}, got ${name}`);
const fixedRuns = flags.runs === undefined ? undefined : Number(flags.runs);
if (fixedRuns !== undefined && !(Number.isInteger(fixedRuns) && fixedRuns >= 1)) throw new Error(`--runs must be a positive integer, got ${flags.runs}`);
const runsFor = (expensive: boolean) => fixedRuns ?? (flags.quick || expensive ? 1 : 3);

const started = performance.now();
const loadAtStart = loadavg()[0]!;
const root = await mkdtemp(join(tmpdir(), 'coop-bench-'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(root, { recursive: true, force: true });
    process.exit(130);
  });
}
let outDirs = 0;
const freshOut = async () => {
  const dir = join(root, `out-${++outDirs}`);
  await mkdir(dir);
  return dir;
};

try {
  // The launcher bundles src/ on its first start after a change; that is not what is measured.
  await runChild(['--help']);
  const sets: DataSet[] = [
    { title: 'real data', dir: join(PROJECT_ROOT, 'data'), expensive: false, floors: true, targets: { scratch: atMost(2000, '2 s') } },
    { title: 'synthetic, 1,000 projects', dir: join(root, 'data-1000'), projects: 1000, expensive: true, targets: { memory: atMost(300e6, '300 MB') } },
    { title: 'synthetic, 10,000 projects', dir: join(root, 'data-10000'), projects: 10_000, shard: SHARD, expensive: true, targets: { workbook: atMost(2000, '2 s') } },
  ].filter((_, i) => wanted.has(SET_NAMES[i]!));
  const sections: string[] = [];
  let chromium = '';
  for (const set of sets) {
    if (set.projects) {
      progress(`writing ${set.title}`);
      await writeSyntheticData(set.dir, set.projects);
    }
    const measured = await benchDataSet(set);
    chromium = measured.chromium;
    sections.push(measured.heading, table(measured.rows), '');
  }
  sections.push('hostile YAML, refused by `validate` in a child with a 96 MB heap:', table(await benchHostile()), '');
  const runs = fixedRuns ? `${fixedRuns} run(s)` : flags.quick ? '1 run' : "3 runs (1 for the synthetic sets' builds from scratch and of fact sheets)";
  console.log(
    [
      `cooperation-reports benchmark: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${chromium}`,
      `median of ${runs}; "child" is the wall time of \`node src/launch.mjs build\` (what \`npm run build\` runs), spawn to exit`,
      `load average (1 min) before the bench: ${loadAtStart.toFixed(1)}; other work on the machine slows every figure`,
      '',
      ...sections,
      `bench finished in ${seconds(performance.now() - started)}`,
    ].join('\n'),
  );
} finally {
  await rm(root, { recursive: true, force: true });
}

async function benchDataSet(set: DataSet): Promise<{ heading: string; rows: Row[]; chromium: string }> {
  const runs = runsFor(set.expensive);
  const cheap = runsFor(false);
  const selection: Selection = set.shard ? { shard: set.shard } : {};
  const shardArgs = set.shard ? ['--shard', `${set.shard.index}/${set.shard.count}`] : [];
  const share = set.shard ? ` (shard ${set.shard.index}/${set.shard.count})` : '';
  const step = (what: string) => `${set.title}: ${what}`;

  // In-process: build() as a caller of the engine sees it, each run into a fresh folder.
  const noopInProcess: number[] = [];
  const scratchInProcess = await series(runs, step('in-process build from scratch'), async () => {
    const config = resolveConfig({ data: set.dir, out: await freshOut() });
    const { ms } = await timeBuild(config, selection);
    for (let j = 0; j < cheap; j++) noopInProcess.push(await noop(() => timeBuild(config, selection)));
    return ms;
  });

  // Child processes, as a user runs the build; the later figures reuse the last output folder.
  const out = await freshOut();
  const childBuild = (...extra: string[]) => runChild(['build', '--data', set.dir, '--out', out, ...extra]);
  const childNoop = async () => {
    const run = succeeded(await childBuild(...shardArgs));
    return { ms: run.ms, built: run.built.length };
  };
  const noopChild: number[] = [];
  const rss: number[] = [];
  let built: ChildRun['built'] = [];
  const scratchChild = await series(runs, step('child build from scratch'), async () => {
    await rm(out, { recursive: true, force: true });
    const run = await childBuild(...shardArgs);
    rss.push(run.maxRssBytes);
    built = run.built;
    succeeded(run);
    for (let j = 0; j < cheap; j++) noopChild.push(await noop(childNoop));
    return run.ms;
  });

  let sheets = 0;
  const perSheet = await series(runs, step(`fact sheets (--force --only project${share})`), async () => {
    const run = succeeded(await childBuild('--force', '--only', 'project', ...shardArgs));
    sheets = run.built.length;
    return run.ms / sheets;
  });
  const ownWorkbook: number[] = [];
  const workbook = await series(cheap, step('workbook (--force --only workbook)'), async () => {
    const run = succeeded(await childBuild('--force', '--only', 'workbook'));
    ownWorkbook.push(run.built[0]!.ms);
    return run.ms;
  });
  progress(step('references'));
  const reference = await references(set.dir, { only: ['project'], ...selection });
  await rm(out, { recursive: true });

  const ours = median(perSheet.values);
  const naive = median(reference.naive);
  const warm = median(reference.warm);
  const after = (values: number[], scratch: Series): Series =>
    values.length === 0 && scratch.failure ? { values, failure: 'the build from scratch before it failed' } : { values };
  const rows: Row[] = [
    row(`build from scratch${share}, in-process`, scratchInProcess, seconds, set.targets.scratch),
    row(`build from scratch${share}, child`, scratchChild, seconds, set.targets.scratch),
    row('no-op build right after, in-process', after(noopInProcess, scratchInProcess), seconds, NOOP_TARGET),
    row('no-op build right after, child', after(noopChild, scratchChild), seconds, NOOP_TARGET),
    row(`per fact sheet: --force --only project${share}, child wall / ${sheets} sheets`, perSheet, milliseconds),
    row(`  reference: a browser per PDF (median of ${reference.naive.length} sheets)`, { values: reference.naive }, milliseconds),
    row(`  reference: one warm page, setContent + pdf (median of ${reference.warm.length})`, { values: reference.warm }, milliseconds),
    row('  naive / ours, per fact sheet', ratio(naive, ours, perSheet), times, atLeast(10, '10×')),
    row('  ours / warm page, per fact sheet', ratio(ours, warm, perSheet), times, atMost(1, '1×')),
    row('workbook: --force --only workbook, child', workbook, seconds, set.targets.workbook),
    row('  of which rendering and writing the workbook', { values: ownWorkbook }, seconds),
    row(`peak RSS of Node, child build from scratch${share}`, { values: rss }, megabytes, set.targets.memory),
  ];
  if (set.floors) rows.push(...(await floorRows(set, cheap, { scratchChild, noopChild: after(noopChild, scratchChild), workbook })));
  const heading = `${set.title}: ${await dataSize(set.dir)} of YAML; built from scratch${share}: ${countByEntry(built)}`;
  return { heading, rows, chromium: reference.chromium };
}

/**
 * Issue 17's figures: each of ours beside what it cannot go below, measured
 * now. The build from scratch against Chromium's launch plus one warm print of
 * every document it makes; the workbooks against Node's start, importing
 * ExcelJS and writing them from the model in memory; validate and the no-op
 * build against Node's bare start.
 */
async function floorRows(set: DataSet, runs: number, ours: { scratchChild: Series; noopChild: Series; workbook: Series }): Promise<Row[]> {
  const step = (what: string) => `${set.title}: floor, ${what}`;
  const nodeStart = await series(runs, step('Node start'), () => timeNode(['-e', '0']));
  const excelImport = await series(runs, step('Node start + import ExcelJS'), () => timeNode(['--input-type=module', '-e', "await import('exceljs')"]));
  const validate = await series(runs, step('validate, child'), async () => (await runChild(['validate', '--data', set.dir])).ms);

  progress(step('printing each document on a warm page'));
  const prepared = await prepare(resolveConfig({ data: set.dir }));
  if (!prepared.ok) throw new Error(formatErrors(prepared.errors, prepared.sources));
  const briefs = prepared.outputs.filter(isBrief);
  // The publications are documents Chromium must print too (once each: printing a draft first is our cost).
  const publications = prepared.outputs.filter((output): output is PlannedOutput<PublicationPlan> => output.entry.kind === 'publication');
  const htmls = [...briefs.map(renderBrief), ...publications.map((output) => renderPublication(output)())];
  const assets = briefs[0]?.plan.styles.assets ?? new Map<string, Asset>();
  const { executablePath } = findBrowser({});
  const launch = await series(runs, step('Chromium launch'), async () => {
    const at = performance.now();
    const browser = await launchBrowser(executablePath);
    const ms = performance.now() - at;
    await closeBrowser(browser);
    return ms;
  });
  const browser = await launchBrowser(executablePath);
  let prints: Series;
  try {
    const page = await openPage(browser, assets);
    await printOn(page, htmls[0]!);
    prints = await series(runs, step(`one warm print of each of ${htmls.length} documents`), async () => {
      let sum = 0;
      for (const html of htmls) {
        const at = performance.now();
        await printOn(page, html);
        sum += performance.now() - at;
      }
      return sum;
    });
  } finally {
    await closeBrowser(browser);
  }

  const workbooks = prepared.outputs.filter(isWorkbook);
  const write = async () => {
    let sum = 0;
    for (const output of workbooks) {
      const work = await xlsxSink.work(output, prepared.env);
      const at = performance.now();
      await work.make();
      sum += performance.now() - at;
    }
    return sum;
  };
  // The first one loads ExcelJS, which the floor counts apart.
  await write();
  const writing = await series(runs, step(`writing ${workbooks.length} workbooks from the model in memory`), write);

  const printFloor = median(launch.values) + median(prints.values);
  const workbookFloor = median(excelImport.values) + median(writing.values);
  const start = median(nodeStart.values);
  const quotient = (value: Series, floor: number): Series => (value.values.length === 0 ? value : { values: [median(value.values) / floor], loads: value.loads });
  const above = (value: Series): Series => (value.values.length === 0 ? value : { values: value.values.map((v) => v - start), loads: value.loads });
  return [
    row('floor: Chromium launch', launch, seconds),
    row(`floor: one warm setContent + pdf of each of ${htmls.length} documents, summed`, prints, seconds),
    row('floor: the two together', { values: [printFloor], loads: prints.loads }, seconds),
    row('  build from scratch, child / floor', quotient(ours.scratchChild, printFloor), times, RATIO_TARGET),
    row('floor: Node start (node -e 0)', nodeStart, seconds),
    row('  validate, child', validate, seconds),
    row('  validate, child, above Node start', above(validate), seconds, VALIDATE_ABOVE_START),
    row('  no-op build, child, above Node start', above(ours.noopChild), seconds, NOOP_ABOVE_START),
    row('floor: Node start + import ExcelJS', excelImport, seconds),
    row(`floor: writing the ${workbooks.length} workbooks from the model in memory`, writing, seconds),
    row('  workbook (--force --only workbook), child / floor', quotient(ours.workbook, workbookFloor), times, RATIO_TARGET),
  ];
}

/** Wall time of plain `node` with `args` (and the child's RSS hook, as the builds have), spawn to exit. */
function timeNode(args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const at = performance.now();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, ...args], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - at) : reject(new Error(`node ${args.join(' ')} exited with ${code}`))));
  });
}

async function benchHostile(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [i, { name, file, content }] of HOSTILE.entries()) {
    const dir = join(root, `hostile-${i}`);
    await cp(join(PROJECT_ROOT, 'data'), dir, { recursive: true });
    await writeFile(join(dir, file), content());
    rows.push(row(name, await series(runsFor(false), `hostile YAML: ${name}`, () => timeRefusal(dir)), seconds, REFUSAL_TARGET));
  }
  return rows;
}

/** Wall time of `validate` refusing the data (exit 1), spawn to exit. */
function timeRefusal(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const at = performance.now();
    const child = spawn(process.execPath, ['--max-old-space-size=96', LAUNCH, 'validate', '--data', dataDir], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 1 ? resolve(performance.now() - at) : reject(new BuildFailure(`validate exited with ${code}, not 1`))));
  });
}

/** Times `run` `n` times, one after the other; a build that fails ends the series. */
async function series(n: number, what: string, run: () => Promise<number>): Promise<Series> {
  const values: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < n; i++) {
    progress(`${what}, run ${i + 1} of ${n}`);
    try {
      values.push(await run());
      loads.push(loadavg()[0]!);
    } catch (error) {
      if (!(error instanceof BuildFailure)) throw error;
      progress(`  failed: ${error.message}`);
      return { values, failure: error.message, loads };
    }
  }
  return { values, loads };
}

/**
 * The time of a build that finds nothing to do. One that rebuilds is measured
 * again: an edit under src/ or templates/ during the bench (others work in the
 * same tree) changes the inputs, and the next build is a real one.
 */
async function noop(run: () => Promise<{ ms: number; built: number }>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const { ms, built } = await run();
    if (built === 0) return ms;
    if (attempt === 3) throw new Error(`the no-op build rebuilt ${built} outputs, three times in a row`);
    progress(`  the no-op build rebuilt ${built} outputs: its inputs changed during the bench; measuring again`);
  }
}

async function timeBuild(config: Config, options: BuildOptions): Promise<{ ms: number; built: number }> {
  const at = performance.now();
  const result = await build(config, options);
  const ms = performance.now() - at;
  if (!result.ok) throw new BuildFailure(firstError(result.errors));
  return { ms, built: result.built.length };
}

interface ChildRun {
  ms: number;
  built: { key: string; ms: number }[];
  maxRssBytes: number;
  /** The build's first error, when it reported errors. */
  failure?: string;
}

/** The run of a build that succeeded; a BuildFailure otherwise. */
function succeeded(run: ChildRun): ChildRun {
  if (run.failure !== undefined) throw new BuildFailure(run.failure);
  return run;
}

/** The CLI as `npm run build` starts it, with the JSON reporter; wall time from spawn to exit. */
function runChild(args: readonly string[]): Promise<ChildRun> {
  const reporter = args[0] === 'build' ? ['--reporter', 'json'] : [];
  return new Promise((resolve, reject) => {
    const at = performance.now();
    const child = spawn(process.execPath, ['--import', RSS_HOOK, LAUNCH, ...args, ...reporter], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - at;
      const report = reporter.length > 0 && stdout.trimStart().startsWith('{') ? (JSON.parse(stdout) as { built: ChildRun['built']; errors?: { message: string }[] }) : undefined;
      const failure = code === 1 && report?.errors ? firstError(report.errors) : undefined;
      if (code !== 0 && !failure) return reject(new Error(`node src/launch.mjs ${args.join(' ')} exited with ${code}:\n${stdout}${stderr}`));
      const maxRssBytes = Number(/max-rss-kib (\d+)/.exec(stderr)?.[1]) * 1024;
      resolve({ ms, built: report?.built ?? [], maxRssBytes, ...(failure ? { failure } : {}) });
    });
  });
}

function firstError(errors: readonly { message: string }[]): string {
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more errors)` : '';
  return `${errors[0]?.message ?? 'failed without an error'}${more}`;
}

/** "overview 1, programme 2, project 500": outputs by catalogue entry, the key's second part. */
function countByEntry(built: ChildRun['built']): string {
  const counts = new Map<string, number>();
  for (const { key } of built) {
    const entry = key.split('/')[1]!;
    counts.set(entry, (counts.get(entry) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([entry, n]) => `${entry} ${n}`).join(', ') || 'nothing';
}

/**
 * The same fact sheets printed by hand: launching a browser for each (as a
 * naive script would), and on one warm page. Both answer the font requests
 * from the build's assets, as the printer does; a sheet printed with a
 * fallback font would make the comparison unfair, so it fails instead.
 */
async function references(dataDir: string, selection: Selection): Promise<{ naive: number[]; warm: number[]; chromium: string }> {
  const prepared = await prepare(resolveConfig({ data: dataDir }));
  if (!prepared.ok) throw new Error(formatErrors(prepared.errors, prepared.sources));
  // The sheets a build with the same selection prints first.
  const sheets = selectOutputs(prepared.outputs, selection).slice(0, WARM_SHEETS);
  const briefs = sheets.filter(isBrief);
  const htmls = briefs.map(renderBrief);
  const assets = briefs[0]?.plan.styles.assets ?? new Map<string, Asset>();
  const { executablePath } = findBrowser({});

  const naive: number[] = [];
  for (const html of htmls.slice(0, NAIVE_SHEETS)) {
    const at = performance.now();
    const browser = await launchBrowser(executablePath);
    try {
      await printOn(await openPage(browser, assets), html);
    } finally {
      await closeBrowser(browser);
    }
    naive.push(performance.now() - at);
  }

  const browser = await launchBrowser(executablePath);
  try {
    const page = await openPage(browser, assets);
    // The first print on a page sets it up; "warm" is every print after it.
    await printOn(page, htmls[0]!);
    const warm: number[] = [];
    for (const html of htmls) {
      const at = performance.now();
      await printOn(page, html);
      warm.push(performance.now() - at);
    }
    return { naive, warm, chromium: await browser.version() };
  } finally {
    await closeBrowser(browser);
  }
}

async function openPage(browser: Browser, assets: ReadonlyMap<string, Asset>): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const asset = assets.get(request.url());
    const answer = asset
      ? request.respond({ status: 200, contentType: asset.contentType, body: asset.body, headers: { 'Access-Control-Allow-Origin': '*' } })
      : request.continue();
    void answer.catch(() => undefined);
  });
  return page;
}

async function printOn(page: Page, html: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].map((f) => f.status);
  });
  if (!fonts.includes('loaded') || fonts.includes('error')) throw new Error(`reference: the fonts did not load (${fonts.join(', ')})`);
  await page.pdf(PDF_OPTIONS);
}

async function dataSize(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml'));
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(dir, f))).size));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  return bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : megabytes(bytes, 1);
}

/** A quotient of two medians; it fails with the series it depends on. */
function ratio(numerator: number, denominator: number, from: Series): Series {
  return from.failure && from.values.length === 0 ? { values: [], failure: from.failure } : { values: [numerator / denominator] };
}

function row(label: string, measured: Series, format: (v: number) => string, target?: Target): Row {
  const load = measured.loads?.length ? `load ${median(measured.loads).toFixed(1)}` : '';
  if (measured.values.length === 0) {
    return { label, value: 'failed', target: target?.text ?? '', status: target ? 'NOT MET' : '', load, note: measured.failure ?? 'nothing measured' };
  }
  const value = median(measured.values);
  return { label, value: format(value), target: target?.text ?? '', status: target ? (target.met(value) ? 'met' : 'NOT MET') : '', load };
}

function table(rows: readonly Row[]): string {
  const width = (key: 'label' | 'value' | 'target' | 'status') => Math.max(...rows.map((r) => r[key].length));
  const [label, value, target, status] = [width('label'), width('value'), width('target'), width('status')];
  return rows
    .flatMap((r) => [
      `  ${r.label.padEnd(label)}  ${r.value.padStart(value)}  ${r.target.padEnd(target)}  ${r.status.padEnd(status)}  ${r.load}`.trimEnd(),
      ...(r.note ? [`      ${r.note}`] : []),
    ])
    .join('\n');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function milliseconds(ms: number): string {
  return `${Math.round(ms)} ms`;
}

function times(quotient: number): string {
  return `${quotient.toFixed(1)}×`;
}

function megabytes(bytes: number, digits = 0): string {
  return `${(bytes / 1e6).toFixed(digits)} MB`;
}

function progress(message: string): void {
  process.stderr.write(`[${seconds(performance.now() - started).padStart(8)}] ${message}\n`);
}
