// Folders of build output compared file by file: the sha256 of every file in
// each, and which paths differ or exist in only some of them. The cross-Node
// check (cross-node.ts) builds the same data under several Node versions and
// compares their out/ folders with this.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { sha256 } from '../output/fingerprint.ts';

/**
 * Files a build writes for itself, not as output: the build state records
 * modification times, so it differs between any two builds, on one Node or not.
 */
export const NOT_COMPARED: readonly string[] = ['.build-state.json'];

/** path (with `/`) -> sha256 of every file below `dir`, the manifest, site/ and release/ included. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => !NOT_COMPARED.includes(path))
    .sort();
  return new Map(await Promise.all(paths.map(async (path) => [path, sha256(await readFile(join(dir, path)))] as const)));
}

export interface Tree {
  /** What made it, e.g. the Node version. */
  label: string;
  files: ReadonlyMap<string, string>;
}

export interface Difference {
  path: string;
  /** The sha256 in each tree, in the order given; undefined where the file is missing. */
  hashes: (string | undefined)[];
}

export interface Comparison {
  /** Every path in any tree, sorted. */
  paths: string[];
  differing: Difference[];
}

export function compareTrees(trees: readonly Tree[]): Comparison {
  const paths = [...new Set(trees.flatMap((t) => [...t.files.keys()]))].sort();
  const differing = paths
    .map((path) => ({ path, hashes: trees.map((t) => t.files.get(path)) }))
    .filter(({ hashes }) => hashes.some((h) => h === undefined || h !== hashes[0]));
  return { paths, differing };
}

/**
 * A table with a line per tree (how many files, how many differ from the
 * first), the differing paths with a short hash per tree, and a verdict line
 * starting `identical:` or `DIFFERENT:`.
 */
export function formatComparison(trees: readonly (Tree & { note?: string })[], comparison: Comparison): string {
  const first = trees[0]?.label ?? '';
  const width = Math.max(8, ...trees.map((t) => t.label.length));
  const against = trees.map((_, i) => {
    const differs = comparison.differing.filter((d) => d.hashes[i] !== d.hashes[0]).length;
    return i === 0 ? '(reference)' : differs === 0 ? 'identical' : `${differs} files differ`;
  });
  const againstWidth = Math.max(...against.map((a) => a.length));
  const lines = [`${'build'.padEnd(width)}  files  ${'against ' + first}`];
  for (const [i, tree] of trees.entries()) {
    const verdict = tree.note ? `${against[i]!.padEnd(againstWidth)}  ${tree.note}` : against[i]!;
    lines.push(`${tree.label.padEnd(width)}  ${String(tree.files.size).padStart(5)}  ${verdict}`);
  }
  if (comparison.differing.length > 0) {
    lines.push('', `differing files (sha256, first 12 hex digits; - where missing): ${trees.map((t) => t.label).join(' | ')}`);
    for (const { path, hashes } of comparison.differing) lines.push(`  ${path}  ${hashes.map((h) => h?.slice(0, 12) ?? '-').join(' | ')}`);
    lines.push('', `DIFFERENT: ${comparison.differing.length} of ${comparison.paths.length} files differ between ${trees.map((t) => t.label).join(', ')}`);
  } else {
    lines.push('', `identical: all ${comparison.paths.length} files (manifest included) have the same sha256 under ${trees.map((t) => t.label).join(', ')}`);
  }
  return lines.join('\n');
}
