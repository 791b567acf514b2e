// Two clean builds of the same inputs, in different time zones, give
// byte-identical outputs: no clock, random id or absolute path gets in.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectManifestMatches } from '../helpers/manifest.ts';
import { runCli } from '../helpers/run-node.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function cleanBuild(tz: string): Promise<Map<string, string>> {
  const out = await mkdtemp(join(tmpdir(), `coop-repro-${tz.replace('/', '-')}-`));
  dirs.push(out);
  const run = await runCli(['build', '--data', FIXTURE_DATA, '--out', out], { env: { ...process.env, TZ: tz } });
  expect(run.code, run.stderr).toBe(0);
  return expectManifestMatches(out);
}

describe('reproducible builds', () => {
  it('give the same sha256 for every output under UTC and UTC+14', async () => {
    const [utc, kiritimati] = await Promise.all([cleanBuild('UTC'), cleanBuild('Pacific/Kiritimati')]);
    // Per language: 8 briefs, the publication, the workbook, 22 CSVs and datapackage.json.
    expect(utc.size).toBe(2 * (10 + 23));
    expect(Object.fromEntries(kiritimati)).toEqual(Object.fromEntries(utc));
  });
});
