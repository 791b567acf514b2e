// Digests of the build's inputs. A build whose fingerprint matches the last
// one's, with every output still in place, has nothing to do and stops before
// loading the model or a browser.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** sha256 over every file below `dirs` and each of `files` (path and content), then `extra`. */
export async function fingerprint(root: string, dirs: readonly string[], files: readonly string[], extra: readonly string[]): Promise<string> {
  const all = [...(await Promise.all(dirs.map(listFiles))).flat(), ...files].sort();
  const hash = createHash('sha256');
  const contents = await Promise.all(all.map((f) => readFile(f).catch(() => Buffer.from('<missing>'))));
  all.forEach((file, i) => hash.update(`${relative(root, file)}\0`).update(sha256(contents[i]!)).update('\0'));
  for (const value of extra) hash.update(`${value}\0`);
  return hash.digest('hex');
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve(e.isFile() ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}
