// `build --release`: a zip per language that Python's zipfile opens, whose
// SHA256SUMS coreutils' `sha256sum -c` verifies, and that two clean builds
// (in different time zones) write byte for byte the same.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyData, removeDir } from '../helpers/data-copy.ts';
import { runCli } from '../helpers/run-node.ts';
import { systemTool } from '../helpers/system-tool.ts';

const python = systemTool('python3', 'python3', 'tests/release/release.test.ts');
const sha256sum = systemTool('sha256sum', 'coreutils', 'tests/release/release.test.ts');
const NAME = 'leningrad-oblast-2005-international-cooperation-2005-12-31-en';
/** Opens a zip with Python's zipfile, checks every CRC, extracts it, and lists the entries. */
const UNZIP = 'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nz.extractall(sys.argv[2])\nprint(json.dumps([[i.filename, list(i.date_time), i.external_attr >> 16] for i in z.infolist()]))';

let dir: string;
let extracted: string;
let first: { code: number | null; stdout: string; stderr: string };
let entries: [string, number[], number][];
const zipOf = (out: string) => join(out, 'release', `${NAME}.zip`);

beforeAll(async () => {
  dir = await copyData();
  first = await runCli(['build', '--data', dir, '--out', join(dir, 'out'), '--locale', 'en', '--release'], { env: { ...process.env, CI: 'true', TZ: 'UTC' } });
  extracted = await mkdtemp(join(tmpdir(), 'coop-release-'));
  if (python && first.code === 0) entries = JSON.parse(execFileSync(python, ['-c', UNZIP, zipOf(join(dir, 'out')), extracted], { encoding: 'utf8' })) as typeof entries;
}, 120_000);
afterAll(async () => {
  await removeDir(dir);
  await removeDir(extracted);
});

describe.skipIf(!python || !sha256sum)('the release bundle', () => {
  it('is written per language and named by report, as-of date and language', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^release: .*out/release/${NAME}\\.zip$`, 'm'));
  });

  it('holds every output of the language in one folder, with a manifest and SHA256SUMS, in a fixed order and date', async () => {
    const names = entries.map(([name]) => name);
    expect(names.every((n) => n.startsWith(`${NAME}/`))).toBe(true);
    expect(names).toEqual([...names.slice(0, -1)].sort().concat(`${NAME}/SHA256SUMS`));
    // 8 briefs and fact sheets, the publication, the workbook, 22 CSVs and datapackage.json, the manifest, the sums.
    expect(names).toHaveLength(10 + 23 + 2);
    for (const file of ['briefs/international-cooperation.pdf', 'projects/red.pdf', 'publication.pdf', 'cooperation-summary.xlsx', 'data/projects.csv', 'data/datapackage.json', 'manifest.json']) expect(names).toContain(`${NAME}/${file}`);
    expect(new Set(entries.map(([, date, mode]) => `${date.join('-')} ${mode.toString(8)}`))).toEqual(new Set(['2005-12-31-0-0-0 100644']));
    const manifest = JSON.parse(await readFile(join(extracted, NAME, 'manifest.json'), 'utf8')) as { report: string; as_of: string; language: string; outputs: { path: string; kind: string }[] };
    expect(manifest).toMatchObject({ report: 'leningrad-oblast-2005-international-cooperation', as_of: '2005-12-31', language: 'en' });
    expect(manifest.outputs.map((o) => `${NAME}/${o.path}`).sort()).toEqual(names.filter((n) => !/\/(manifest\.json|SHA256SUMS)$/.test(n)));
  });

  it('verifies with sha256sum -c, and a file changed after release does not', async () => {
    const folder = join(extracted, NAME);
    const check = spawnSync(sha256sum!, ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout.trim().split('\n')).toHaveLength(10 + 23 + 1);
    expect(check.stdout).not.toMatch(/FAILED/);
    await writeFile(join(folder, 'data/projects.csv'), 'id,budget_eur\r\nred,1\r\n');
    const tampered = spawnSync(sha256sum!, ['-c', '--quiet', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain('data/projects.csv: FAILED');
  });

  it('is byte-identical from a second clean build in another time zone', async () => {
    const again = join(dir, 'again');
    const run = await runCli(['build', '--data', dir, '--out', again, '--locale', 'en', '--release'], { env: { ...process.env, CI: 'true', TZ: 'Pacific/Kiritimati' } });
    expect(run.code, run.stderr).toBe(0);
    const [a, b] = await Promise.all([readFile(zipOf(join(dir, 'out'))), readFile(zipOf(again))]);
    expect(a.equals(b)).toBe(true);
  }, 120_000);

  it('refuses --only and --shard: a release bundles whole languages', async () => {
    const run = await runCli(['build', '--data', dir, '--out', join(dir, 'out'), '--release', '--only', 'workbook']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--release bundles whole languages');
  });
});
