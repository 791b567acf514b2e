// `changes --since REV`: the data at a git revision against the data in the
// working tree, without building, so an editor can review an edition before
// publishing it. The data at the revision is read with `git show`, checked by
// today's schemas (files named REV:data/<file> in errors) and compared as a
// build compares with the previous build.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Config } from '../config.ts';
import { ReportError, type Sources } from '../errors.ts';
import { collectionNames, parseFiles, type RawFile } from '../load/data-set.ts';
import { loadCatalogue } from '../plan/catalogue.ts';
import { validateDataSet } from '../prepare.ts';
import type { CooperationData } from '../validate/data-types.ts';
import { validateData } from '../validate/index.ts';
import { createSchemaValidator } from '../validate/schemas.ts';
import { compareSnapshots } from './compare.ts';
import { sameReading, type Changes } from './report.ts';
import { takeSnapshot } from './snapshot.ts';

const run = promisify(execFile);

export type SinceResult = { ok: true; changes: Changes } | { ok: false; errors: ReportError[]; sources: Sources };

export async function changesSince(config: Config, revision: string): Promise<SinceResult> {
  const catalogued = await loadCatalogue(config);
  if (!catalogued.ok) return catalogued;
  const { locales } = catalogued.catalogue;
  const now = await validateDataSet(config, locales);
  if (!now.ok) return now;
  let then: Awaited<ReturnType<typeof dataAt>>;
  try {
    then = await dataAt(config, revision, locales);
  } catch (error) {
    if (error instanceof ReportError) return { ok: false, errors: [error], sources: new Map() };
    throw error;
  }
  if (!then.ok) return then;
  const [before, after] = await Promise.all([takeSnapshot(then.data, config.schemasDir, locales), takeSnapshot(now.data, config.schemasDir, locales)]);
  return { ok: true, changes: { since: `revision ${revision} (${then.commit.slice(0, 12)})`, compared: true, data: compareSnapshots(before, after, sameReading) } };
}

type DataAt = { ok: true; data: CooperationData; commit: string } | { ok: false; errors: ReportError[]; sources: Sources };

async function dataAt(config: Config, revision: string, locales: readonly string[]): Promise<DataAt> {
  const git = async (args: readonly string[], message: string, hint?: string) => {
    try {
      return (await run('git', ['-C', config.dataDir, ...args], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (cause) {
      const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
      throw new ReportError('git', missing ? 'git is not installed' : message, undefined, missing ? 'install git (apt-get install git)' : hint, { cause });
    }
  };
  const prefix = (await git(['rev-parse', '--show-prefix'], `the data folder ${config.dataDir} is not inside a git repository`, 'run it in a clone of the project, or give --data a folder that git tracks'))
    .toString()
    .trim();
  const commit = (
    await git(
      ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`],
      `"${revision}" is not a revision of this repository`,
      'give a commit, tag or branch, e.g. HEAD~1; `git log --oneline -- data/` lists the commits that changed the data',
    )
  )
    .toString()
    .trim();
  const folder = prefix.replace(/\/$/, '') || '.';
  const listing = await git(['ls-tree', '--full-tree', '--name-only', `${commit}:${prefix}`], `${folder}/ does not exist at ${revision}`, 'choose a later revision');
  const present = new Set(listing.toString().split('\n').filter(Boolean));

  const collections = await collectionNames(config.schemasDir);
  const shown = (file: string) => `${revision}:${prefix}${file}`;
  const raw: RawFile[] = [];
  const missing: ReportError[] = [];
  for (const collection of collections) {
    const file = `${collection}.yaml`;
    if (!present.has(file)) {
      missing.push(new ReportError('missing-file', `${shown(file)} does not exist`, { file: shown(file), line: 1, column: 1 }, `the schemas of the working tree expect ${file}: compare with a revision that has it`));
      continue;
    }
    const bytes = await git(['show', `${commit}:${prefix}${file}`], `cannot read ${shown(file)}`);
    raw.push({ collection, file: shown(file), bytes });
  }
  const loaded = parseFiles(raw);
  loaded.errors.push(...missing);
  const validated = validateData(loaded, await createSchemaValidator(config.schemasDir, collections, locales));
  return validated.ok ? { ok: true, data: validated.data, commit } : { ok: false, errors: validated.errors, sources: loaded.sources };
}
