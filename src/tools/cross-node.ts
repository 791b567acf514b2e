// `npm run cross-node -- --node PATH --node PATH ... [--data DIR] [--out DIR]`:
// builds the data (the frozen fixture by default) with --release under each
// Node binary given, one after the other, as `npm run build` does (a child
// process running src/launch.mjs), each into its own folder; then compares the
// sha256 of every file they wrote (outputs, manifest, change report, web
// edition, release bundles) and prints a table and a verdict. Exits 1 when a
// build fails or any file differs, keeping the folders to look into; 2 on a
// usage error. Without --node it builds twice under the Node running it.
// CI (.ci/run) runs it with the machine's Node and Node 22 and 24.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../config.ts';
import { compareTrees, formatComparison, hashTree, NOT_COMPARED } from './compare-trees.ts';

const LAUNCH = join(PROJECT_ROOT, 'src', 'launch.mjs');

let parsed;
try {
  parsed = parseArgs({ options: { node: { type: 'string', multiple: true }, data: { type: 'string' }, out: { type: 'string' } } });
} catch (error) {
  console.error(`cross-node: ${(error as Error).message}`);
  process.exit(2);
}
const { values } = parsed;
const nodes = (values.node ?? [process.execPath, process.execPath]).map((n) => resolve(n));
const data = resolve(values.data ?? join(PROJECT_ROOT, 'tests/fixtures/data-2005'));
const root = values.out ? resolve(values.out) : await mkdtemp(join(tmpdir(), 'coop-cross-node-'));

const trees = [];
let failed = false;
console.log(`cross-node: building ${data} with --release under ${nodes.length} Node binaries, into ${root}`);
for (const [i, node] of nodes.entries()) {
  const version = spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    console.error(`cross-node: ${node} does not run: ${version.error?.message ?? version.stderr}`);
    process.exit(2);
  }
  const label = version.stdout.trim();
  const out = join(root, `${i + 1}-node-${label}`);
  const started = performance.now();
  // Its own folder first on PATH too, so anything the build starts by name gets the same Node.
  const env = { ...process.env, PATH: [dirname(node), process.env.PATH].join(delimiter) };
  const run = spawnSync(node, [LAUNCH, 'build', '--data', data, '--out', out, '--release'], { cwd: PROJECT_ROOT, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    console.error(`cross-node: the build under Node ${label} (${node}) exited ${run.status ?? run.signal}:\n${run.stdout}${run.stderr}`);
    failed = true;
    continue;
  }
  console.log(`cross-node: Node ${label} (${node}) built in ${seconds.toFixed(1)} s`);
  trees.push({ label: `Node ${label}`, files: await hashTree(out), note: `built in ${seconds.toFixed(1)} s` });
}

if (trees.length > 0) {
  const comparison = compareTrees(trees);
  console.log(`\nsha256 of every file written, but ${NOT_COMPARED.join(', ')} (modification times):`);
  console.log(formatComparison(trees, comparison));
  if (comparison.differing.length > 0) failed = true;
}
if (failed) {
  console.error(`cross-node: failed; the builds are kept in ${root}`);
  process.exitCode = 1;
} else if (!values.out) {
  await rm(root, { recursive: true, force: true });
}
