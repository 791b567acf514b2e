// A scratch copy of templates/ (and the fixture data) that a test may change,
// with a record of which files it changed.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, resolveConfig, type Config } from '../../src/config.ts';
import { FIXTURE_DATA } from './fixture.ts';

export interface ScratchCopy {
  dir: string;
  config: Config;
  /** Appends to, or replaces text in, a file of the copy. */
  edit(path: string, change: (text: string) => string): Promise<void>;
  write(path: string, text: string): Promise<void>;
  /** Files of templates/ and data/ that differ from the originals, or are new. */
  changed(): Promise<string[]>;
  remove(): Promise<void>;
}

async function digests(root: string): Promise<Map<string, string>> {
  const entries = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && !relative(root, e.parentPath).startsWith('out'));
  return new Map(
    await Promise.all(entries.map(async (e) => [relative(root, join(e.parentPath, e.name)), createHash('sha256').update(await readFile(join(e.parentPath, e.name))).digest('hex')] as const)),
  );
}

export async function scratchCopy(prefix: string): Promise<ScratchCopy> {
  const dir = await mkdtemp(join(tmpdir(), `coop-${prefix}-`));
  await cp(join(PROJECT_ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  await cp(FIXTURE_DATA, join(dir, 'data'), { recursive: true });
  const before = await digests(dir);
  return {
    dir,
    config: resolveConfig({ data: join(dir, 'data'), templates: join(dir, 'templates'), out: join(dir, 'out'), cwd: dir }),
    async edit(path, change) {
      const file = join(dir, path);
      const text = await readFile(file, 'utf8');
      const changed = change(text);
      if (changed === text) throw new Error(`the edit of ${path} changed nothing`);
      await writeFile(file, changed);
    },
    write: (path, text) => writeFile(join(dir, path), text),
    async changed() {
      const after = await digests(dir);
      return [...after].filter(([path, hash]) => before.get(path) !== hash).map(([path]) => path).sort();
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
