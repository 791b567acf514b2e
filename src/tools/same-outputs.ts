// `npm run same-outputs -- OUT_A OUT_B`: are two builds' outputs byte for byte
// the same? Compares the sha256 of every file under both folders. Two files
// may differ by design, as a change to src/ changes them: the build state
// (modification times) is left out, and manifest.json is compared without its
// `inputHash` fields (digests that include the code's own). A change meant to
// make the build faster, not different, must leave this silent.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: npm run same-outputs -- OUT_A OUT_B');
  process.exit(2);
}
const [left, right] = await Promise.all([digests(a), digests(b)]);
const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
const differ = paths.filter((p) => left.get(p) !== right.get(p));
for (const path of differ) console.log(`${left.has(path) ? (right.has(path) ? 'differs' : `only in ${a}`) : `only in ${b}`}: ${path}`);
console.log(differ.length === 0 ? `same: ${paths.length} files` : `${differ.length} of ${paths.length} files differ`);
process.exitCode = differ.length === 0 ? 0 : 1;

async function digests(folder: string): Promise<Map<string, string>> {
  const dir = resolve(folder);
  const files = (await readdir(dir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile() && e.name !== '.build-state.json');
  const pairs = await Promise.all(
    files.map(async (e) => {
      const path = join(e.parentPath, e.name);
      let bytes = await readFile(path);
      if (e.name === 'manifest.json' && e.parentPath === dir) bytes = Buffer.from(bytes.toString('utf8').replace(/^\s*"inputHash": "[0-9a-f]+"\n/gm, ''));
      return [relative(dir, path), createHash('sha256').update(bytes).digest('hex')] as const;
    }),
  );
  return new Map(pairs);
}
