// `npm run bench:shards`: how the build scales over machines. On the
// synthetic 10,000-project set (English: it has no translations) it builds a
// sample of the outputs once as a single build, then as n = 1, 2 and 4 shard
// processes running at once plus `merge`, each a child process timed from
// outside as `npm run build` and `npm run merge` run. It prints per-shard
// throughput, the merge's cost, whether the merged folder equals the single
// build byte for byte, and from these figures the projected wall time of the
// whole set on 1, 10 and 100 machines, with the assumptions it rests on.
// --projects N (default 10000), --only GLOB (the sample, default project/a*).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT, resolveConfig } from '../config.ts';
import { prepare } from '../prepare.ts';
import { writeSyntheticData } from './synthetic-data.ts';

const LAUNCH = join(PROJECT_ROOT, 'src', 'launch.mjs');
const COUNTS = [1, 2, 4];
const MACHINES = [1, 10, 100];

const { values: flags } = parseArgs({ options: { projects: { type: 'string', default: '10000' }, only: { type: 'string', default: 'project/a*' } } });
const projects = Number(flags.projects);
if (!Number.isInteger(projects) || projects < 1) throw new Error(`--projects must be a positive integer, got ${flags.projects}`);

interface Child {
  ms: number;
  code: number;
  built: number;
  stderr: string;
}

/** `node src/launch.mjs ...args --reporter json`, timed from spawn to exit. */
function child(args: readonly string[]): Promise<Child> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const run = spawn(process.execPath, [LAUNCH, ...args, '--reporter', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    run.stdout.on('data', (b: Buffer) => out.push(b));
    run.stderr.on('data', (b: Buffer) => err.push(b));
    run.on('error', reject);
    run.on('close', (code) => {
      const ms = performance.now() - started;
      let built = 0;
      try {
        built = (JSON.parse(Buffer.concat(out).toString()) as { built?: unknown[] }).built?.length ?? 0;
      } catch {
        // Not JSON: the failure is in stderr.
      }
      resolve({ ms, code: code ?? 1, built, stderr: Buffer.concat(err).toString() + Buffer.concat(out).toString().slice(0, 2000) });
    });
  });
}

function succeeded(run: Child, what: string): Child {
  if (run.code !== 0) throw new Error(`${what} failed (exit ${run.code}):\n${run.stderr}`);
  return run;
}

/** Every file below `dir` but the build state (it holds modification times), as path -> bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name !== '.build-state.json').map((e) => relative(dir, join(e.parentPath, e.name)));
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f))] as const)));
}

async function sameTree(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([tree(a), tree(b)]);
  return x.size === y.size && [...x].every(([path, bytes]) => y.get(path)?.equals(bytes) === true);
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const progress = (line: string) => process.stderr.write(`${line}\n`);

const root = await mkdtemp(join(tmpdir(), 'coop-bench-shards-'));
const loadAtStart = loadavg()[0]!;
try {
  const data = join(root, 'data');
  progress(`writing ${projects} synthetic projects`);
  await writeSyntheticData(data, projects);
  const base = ['--data', data, '--locale', 'en'];
  const sample = ['--only', flags.only];
  await child(['--help']); // The launcher bundles src/ on its first start; that is not measured.

  progress('counting the outputs of the whole set');
  const prepared = await prepare(resolveConfig({ data }), { locales: ['en'] });
  if (!prepared.ok) throw new Error('the synthetic data does not validate');
  const total = prepared.outputs.length;
  const firstProject = prepared.outputs.find((o) => o.entry.id === 'project')!.key.slice('en/'.length);

  progress('fixed cost of a process: a build of one fact sheet');
  const fixed = succeeded(await child(['build', ...base, '--only', firstProject, '--out', join(root, 'one')]), 'one fact sheet').ms;

  progress('preparing alone: validate');
  const validate = succeeded(await child(['validate', ...base]), 'validate').ms;

  progress('single build of the sample');
  const single = succeeded(await child(['build', ...base, ...sample, '--out', join(root, 'single')]), 'single build');
  const outputs = single.built;

  const rows: string[] = [];
  const merges: number[] = [];
  for (const n of COUNTS) {
    progress(`${n} shard process(es) at once, then merge`);
    const dirs = Array.from({ length: n }, (_, i) => join(root, `n${n}-shard-${i + 1}`));
    const started = performance.now();
    const shards = await Promise.all(dirs.map((out, i) => child(['build', ...base, ...sample, '--shard', `${i + 1}/${n}`, '--out', out]).then((r) => succeeded(r, `shard ${i + 1}/${n}`))));
    const shardWall = performance.now() - started;
    const merged = join(root, `n${n}-merged`);
    const merge = succeeded(await child(['merge', '--data', data, ...dirs, '--out', merged]), `merge of ${n}`);
    merges.push(merge.ms);
    const equal = await sameTree(join(root, 'single'), merged);
    const perShard = shards.map((r) => `${(r.built / (r.ms / 1000)).toFixed(1)}`).join(', ');
    rows.push(`| ${n} | ${s(shardWall)} | ${perShard} | ${(outputs / (shardWall / 1000)).toFixed(1)} | ${s(merge.ms)} | ${s(shardWall + merge.ms)} | ${equal ? 'yes' : '**no**'} |`);
  }

  // The model: a machine needs `fixed` to start and prepare, then `perOutput` per output; the merge
  // needs a start and the data prepared (about `validate`, no browser) plus `perCopy` per output it checks and copies.
  const perOutput = Math.max(0, single.ms - fixed) / outputs;
  const merge = Math.min(...merges);
  const perCopy = Math.max(0, merge - validate) / outputs;
  const projected = MACHINES.map((m) => {
    const build = fixed + Math.ceil(total / m) * perOutput;
    const joined = m === 1 ? 0 : validate + total * perCopy;
    return `| ${m} | ${s(build)} | ${m === 1 ? '—' : s(joined)} | ${s(build + joined)} |`;
  });

  console.log(
    [
      `cooperation-reports shard benchmark: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; load average (1 min) before: ${loadAtStart.toFixed(1)}, after: ${loadavg()[0]!.toFixed(1)}`,
      `synthetic set: ${projects} projects, English, ${total} outputs in all; the sample: --only ${flags.only}, ${outputs} outputs`,
      '',
      `single build of the sample: ${s(single.ms)} (${(outputs / (single.ms / 1000)).toFixed(1)} outputs/s); one fact sheet alone (start, prepare, browser): ${s(fixed)}; validate alone: ${s(validate)}`,
      '',
      '| shards (processes at once) | shards\' wall time | outputs/s per shard | outputs/s together | merge | shards + merge | merged = single build |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `projection for all ${total} outputs, machines like this one: ${s(fixed)} to start and prepare, ${perOutput.toFixed(0)} ms per output (single build of the sample), merge ${s(validate)} + ${perCopy.toFixed(1)} ms per output (the fastest merge of the sample less validate)`,
      '',
      '| machines | shards | merge | total |',
      '| --- | --- | --- | --- |',
      ...projected,
    ].join('\n'),
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
