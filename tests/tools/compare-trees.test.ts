// The cross-Node check's comparison (src/tools/compare-trees.ts): it must see
// a changed byte, a missing file and an extra file, and call equal folders
// identical. CI runs the check itself on real builds (.ci/run).
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrees, formatComparison, hashTree } from '../../src/tools/compare-trees.ts';

const root = await mkdtemp(join(tmpdir(), 'coop-compare-trees-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('hashTree', () => {
  it('hashes every file below the folder by its path with /, the manifest included, the build state not', async () => {
    const dir = await folder('one', { 'manifest.json': '{}', 'en/projects/a.pdf': 'A', 'release/x.zip': 'Z', '.build-state.json': '{"mtimeMs":1}' });
    expect(Object.fromEntries(await hashTree(dir))).toEqual({
      'en/projects/a.pdf': hex('A'),
      'manifest.json': hex('{}'),
      'release/x.zip': hex('Z'),
    });
  });
});

describe('compareTrees', () => {
  const tree = (label: string, files: Record<string, string>) => ({ label, files: new Map(Object.entries(files).map(([p, t]) => [p, hex(t)])) });

  it('calls folders with the same files and bytes identical', () => {
    const trees = [tree('Node v20', { 'a.pdf': 'A', 'manifest.json': 'M' }), tree('Node v24', { 'manifest.json': 'M', 'a.pdf': 'A' })];
    const comparison = compareTrees(trees);
    expect(comparison).toEqual({ paths: ['a.pdf', 'manifest.json'], differing: [] });
    expect(formatComparison(trees, comparison)).toMatch(/\nidentical: all 2 files \(manifest included\) have the same sha256 under Node v20, Node v24$/);
  });

  it('lists a changed file, a missing one and an extra one, with each folder\'s hash', () => {
    const trees = [
      tree('Node v20', { 'a.pdf': 'A', 'b.xlsx': 'B', 'manifest.json': 'M' }),
      tree('Node v22', { 'a.pdf': 'A', 'b.xlsx': 'B', 'manifest.json': 'M' }),
      tree('Node v24', { 'a.pdf': 'A', 'b.xlsx': 'B!', 'c.csv': 'C' }),
    ];
    const comparison = compareTrees(trees);
    expect(comparison.differing).toEqual([
      { path: 'b.xlsx', hashes: [hex('B'), hex('B'), hex('B!')] },
      { path: 'c.csv', hashes: [undefined, undefined, hex('C')] },
      { path: 'manifest.json', hashes: [hex('M'), hex('M'), undefined] },
    ]);
    const text = formatComparison(trees, comparison);
    expect(text).toMatch(/^Node v22 +3  identical$/m);
    expect(text).toMatch(/^Node v24 +3  3 files differ$/m);
    expect(text).toContain(`  b.xlsx  ${hex('B').slice(0, 12)} | ${hex('B').slice(0, 12)} | ${hex('B!').slice(0, 12)}`);
    expect(text).toContain('  c.csv  - | - | ');
    expect(text).toMatch(/\nDIFFERENT: 3 of 4 files differ between Node v20, Node v22, Node v24$/);
  });
});
