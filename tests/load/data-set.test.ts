// The data folder as the loader reads it: the collections come from the
// schemas, every data file must have one, and each problem is an error with
// its file, not an exception.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionNames, loadData, parseFiles } from '../../src/load/data-set.ts';
import { copyData, removeDir } from '../helpers/data-copy.ts';
import { fixtureConfig } from '../helpers/fixture.ts';

const COLLECTIONS = ['cis-cooperation', 'countries', 'directions', 'initiatives', 'organisations', 'partner-regions', 'programmes', 'projects', 'report'];

let dir: string;
beforeEach(async () => {
  dir = await copyData();
});
afterEach(() => removeDir(dir));

const problems = async (cwd = dir) => (await loadData(dir, COLLECTIONS, cwd)).errors.map((e) => [e.code, e.message, e.at?.file ?? null]);

describe('collectionNames', () => {
  it('are the schemas but the shared definitions, sorted', async () => {
    expect(await collectionNames(fixtureConfig().schemasDir)).toEqual(COLLECTIONS);
    const schemas = await mkdtemp(join(tmpdir(), 'coop-schemas-'));
    try {
      for (const name of ['projects.schema.json', 'defs.schema.json', 'notes.md', 'countries.schema.json', 'old.schema.json.bak']) await writeFile(join(schemas, name), '{}');
      expect(await collectionNames(schemas)).toEqual(['countries', 'projects']);
    } finally {
      await rm(schemas, { recursive: true, force: true });
    }
  });
});

describe('loadData', () => {
  it('reads every collection, with its text for code frames, paths shown from the working folder', async () => {
    const loaded = await loadData(dir, COLLECTIONS, dir);
    expect(loaded.errors).toEqual([]);
    expect([...loaded.files.keys()].sort()).toEqual(COLLECTIONS);
    expect(loaded.files.get('projects')?.file).toBe('projects.yaml');
    expect(loaded.sources.get('report.yaml')).toContain('region:');
  });

  it('shows a path outside the working folder in full', async () => {
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await rm(join(dir, 'report.yaml'));
    expect(await problems(elsewhere)).toEqual([['missing-file', `${join(dir, 'report.yaml')} is missing`, join(dir, 'report.yaml')]]);
    expect(relative(elsewhere, dir)).toBe('..');
  });

  it('refuses data files no schema describes, in name order, and a known one spelt .yml', async () => {
    for (const name of ['zeta.yaml', 'notes.yaml', 'alpha.yml.yaml']) await writeFile(join(dir, name), 'a: 1\n');
    await rename(join(dir, 'report.yaml'), join(dir, 'report.yml'));
    const loaded = await loadData(dir, COLLECTIONS, dir);
    expect(loaded.errors.map((e) => [e.code, e.message, e.at, e.hint])).toEqual([
      ['unknown-file', 'no schema describes alpha.yml.yaml', { file: 'alpha.yml.yaml', line: 1, column: 1 }, expect.stringContaining('add schemas/alpha.yml.schema.json')],
      ['unknown-file', 'no schema describes notes.yaml', { file: 'notes.yaml', line: 1, column: 1 }, `data files are ${COLLECTIONS.map((c) => `${c}.yaml`).join(', ')}; add schemas/notes.schema.json for a new collection`],
      ['unknown-file', 'no schema describes report.yml', { file: 'report.yml', line: 1, column: 1 }, expect.stringContaining('add schemas/report.schema.json')],
      ['unknown-file', 'no schema describes zeta.yaml', { file: 'zeta.yaml', line: 1, column: 1 }, expect.stringContaining('add schemas/zeta.schema.json')],
      ['missing-file', 'report.yaml is missing', { file: 'report.yaml', line: 1, column: 1 }, 'create it; schemas/report.schema.json describes its content'],
    ]);
  });

  it('ignores files that are not YAML', async () => {
    await writeFile(join(dir, 'README.txt'), 'notes');
    await writeFile(join(dir, 'report.yaml.bak'), 'an editor\'s backup');
    expect(await problems()).toEqual([]);
  });

  it('reports a file it cannot read, and a folder that is not there', async () => {
    await rm(join(dir, 'countries.yaml'));
    await mkdir(join(dir, 'countries.yaml'));
    const unreadable = await loadData(dir, COLLECTIONS, dir);
    expect(unreadable.errors.map((e) => [e.code, e.message, e.at?.file, e.cause])).toEqual([['io', 'cannot read countries.yaml', 'countries.yaml', expect.objectContaining({ code: 'EISDIR' })]]);
    const missing = join(dir, 'nowhere');
    const loaded = await loadData(missing, COLLECTIONS, dir);
    expect(loaded.errors.map((e) => [e.code, e.message, e.hint, e.cause])).toEqual([['io', 'cannot read the data folder nowhere', 'pass an existing folder with --data', expect.objectContaining({ code: 'ENOENT' })]]);
    expect(loaded.files.size).toBe(0);
  });

  it('keeps the text of a file that does not parse, for its code frame', async () => {
    await writeFile(join(dir, 'report.yaml'), 'report: [\n');
    const loaded = await loadData(dir, COLLECTIONS, dir);
    expect(loaded.errors.map((e) => e.code)).toEqual(['syntax']);
    expect(loaded.sources.get('report.yaml')).toBe('report: [\n');
    expect(loaded.files.has('report')).toBe(false);
  });

  it('has no text to show for a file that is not UTF-8', async () => {
    await writeFile(join(dir, 'report.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff]));
    const loaded = await loadData(dir, COLLECTIONS, dir);
    expect(loaded.errors.map((e) => e.code)).toEqual(['encoding']);
    expect(loaded.sources.has('report.yaml')).toBe(false);
  });
});

describe('parseFiles', () => {
  it('parses files in memory into a fresh result of its own', () => {
    const first = parseFiles([{ collection: 'report', file: 'report.yaml', bytes: Buffer.from('report: {}\n') }]);
    expect(first.errors).toEqual([]);
    expect([...first.files.keys()]).toEqual(['report']);
    expect([...first.sources]).toEqual([['report.yaml', 'report: {}\n']]);
    const second = parseFiles([]);
    expect([second.files.size, second.sources.size, second.errors.length]).toEqual([0, 0, 0]);
  });
});
