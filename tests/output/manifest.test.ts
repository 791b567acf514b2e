// out/manifest.json and out/.build-state.json as the build writes and reads
// them: sorted, readable by anyone, and a damaged one is no manifest at all.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStamp, readManifest, readState, writeManifest, writeState, type ManifestEntry } from '../../src/output/manifest.ts';

let out: string;
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'coop-manifest-'));
});
afterEach(() => rm(out, { recursive: true, force: true }));

const entry = (path: string): ManifestEntry => ({ path, key: `en/${path}`, kind: 'pdf', bytes: 10, pages: 1, sha256: 'a'.repeat(64), inputHash: 'b'.repeat(64) });

describe('the manifest', () => {
  it('is written as indented JSON sorted by path, ending in a new line, and read back', async () => {
    const manifest = { tool: 'cooperation-reports 0.1.0', outputs: [entry('en/projects/red.pdf'), entry('en/briefs/overview.pdf'), entry('en/projects/asap.pdf')] };
    await writeManifest(out, manifest);
    const text = await readFile(join(out, 'manifest.json'), 'utf8');
    const sorted = { tool: manifest.tool, outputs: [entry('en/briefs/overview.pdf'), entry('en/projects/asap.pdf'), entry('en/projects/red.pdf')] };
    expect(text).toBe(`${JSON.stringify(sorted, null, 2)}\n`);
    expect(await readManifest(out)).toEqual(sorted);
    // The caller's list is left as it was.
    expect(manifest.outputs.map((o) => o.path)).toEqual(['en/projects/red.pdf', 'en/briefs/overview.pdf', 'en/projects/asap.pdf']);
  });

  it('sorts a long list too', async () => {
    const paths = Array.from({ length: 64 }, (_, i) => `en/projects/p${String(i).padStart(2, '0')}.pdf`);
    await writeManifest(out, { tool: 't', outputs: [...paths].reverse().map(entry) });
    expect((await readManifest(out))?.outputs.map((o) => o.path)).toEqual(paths);
  });

  it('keeps two entries of the same path in their order', async () => {
    await writeManifest(out, { tool: 't', outputs: [{ ...entry('a.pdf'), key: 'first' }, { ...entry('a.pdf'), key: 'second' }] });
    expect((await readManifest(out))?.outputs.map((o) => o.key)).toEqual(['first', 'second']);
  });

  it('is absent when missing or damaged, so the build simply rebuilds', async () => {
    expect(await readManifest(out)).toBeUndefined();
    await writeFile(join(out, 'manifest.json'), '{"tool": "cooperation-reports", "outputs": [');
    expect(await readManifest(out)).toBeUndefined();
  });

  it('is written whole, with no temporary file left', async () => {
    await writeManifest(out, { tool: 't', outputs: [] });
    expect(await readdir(out)).toEqual(['manifest.json']);
  });
});

describe('the build state', () => {
  it('is written as one line of JSON beside the manifest and read back', async () => {
    const state = { fingerprint: 'f'.repeat(64), selection: '{"only":[]}', files: { 'en/projects/red.pdf': { bytes: 10, mtimeMs: 1.5 } } };
    await writeState(out, state);
    expect(await readFile(join(out, '.build-state.json'), 'utf8')).toBe(JSON.stringify(state));
    expect(await readState(out)).toEqual(state);
  });

  it('is absent when missing', async () => {
    expect(await readState(out)).toBeUndefined();
  });
});

describe('fileStamp', () => {
  it('is the size and modification time of a file, and nothing for a folder or a missing file', async () => {
    await writeFile(join(out, 'red.pdf'), '%PDF-1.7');
    const stamp = await fileStamp(join(out, 'red.pdf'));
    expect(stamp?.bytes).toBe(8);
    expect(stamp?.mtimeMs).toBeGreaterThan(0);
    await mkdir(join(out, 'folder.pdf'));
    expect(await fileStamp(join(out, 'folder.pdf'))).toBeUndefined();
    expect(await fileStamp(join(out, 'missing.pdf'))).toBeUndefined();
  });
});
