// The benchmark's synthetic data: valid at any size, the same bytes every time.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/build.ts';
import { resolveConfig } from '../../src/config.ts';
import { formatErrors } from '../../src/errors.ts';
import { writeSyntheticData } from '../../src/tools/synthetic-data.ts';
import { fixtureConfig } from '../helpers/fixture.ts';

const root = await mkdtemp(join(tmpdir(), 'coop-synthetic-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function filesOf(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as const)));
}

describe.each([50, 500])('a synthetic data set of %i projects', (projects) => {
  const dir = join(root, `first-${projects}`);
  const again = join(root, `again-${projects}`);
  let result: Awaited<ReturnType<typeof validate>>;
  beforeAll(async () => {
    await writeSyntheticData(dir, projects);
    await writeSyntheticData(again, projects);
    // In every language of the catalogue, as the benchmark builds them (English alone let missing Russian text through).
    result = await validate(resolveConfig({ data: dir, cwd: dir }));
  });

  it('validates and has every file of data/', async () => {
    if (!result.ok) throw new Error(formatErrors(result.errors, result.sources));
    expect([...(await filesOf(dir)).keys()]).toEqual((await readdir(fixtureConfig().dataDir)).sort());
  });

  it('has the requested number of projects', () => {
    expect(result.ok && result.data.projects.projects.length).toBe(projects);
  });

  it('is the same bytes when written again', async () => {
    expect(await filesOf(again)).toEqual(await filesOf(dir));
  });
});
