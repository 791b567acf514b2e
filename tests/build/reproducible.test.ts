// Two clean builds of the same inputs, in different time zones, give
// byte-identical outputs: no clock, random id or absolute path gets in.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/output/fingerprint.ts';
import type { Manifest } from '../../src/output/manifest.ts';
import { runNode } from '../helpers/run-node.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function cleanBuild(tz: string): Promise<Map<string, string>> {
  const out = await mkdtemp(join(tmpdir(), `coop-repro-${tz.replace('/', '-')}-`));
  dirs.push(out);
  const run = await runNode([join(PROJECT_ROOT, 'src/launch.mjs'), 'build', '--data', FIXTURE_DATA, '--out', out], { env: { ...process.env, TZ: tz } });
  expect(run.code, run.stderr).toBe(0);
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const hashes = new Map<string, string>();
  for (const entry of manifest.outputs) {
    const actual = sha256(await readFile(join(out, entry.path)));
    expect(actual).toBe(entry.sha256);
    hashes.set(entry.path, actual);
  }
  return hashes;
}

describe('reproducible builds', () => {
  it('give the same sha256 for every output under UTC and UTC+14', async () => {
    const [utc, kiritimati] = await Promise.all([cleanBuild('UTC'), cleanBuild('Pacific/Kiritimati')]);
    // Per language: 8 briefs, the workbook, 22 CSVs and datapackage.json.
    expect(utc.size).toBe(2 * (9 + 23));
    expect(Object.fromEntries(kiritimati)).toEqual(Object.fromEntries(utc));
  });
});
