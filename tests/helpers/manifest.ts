// out/manifest.json as a test reads it (plain JSON, not the build's reader),
// and checked against the files it describes.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { sha256 } from '../../src/output/fingerprint.ts';
import type { Manifest } from '../../src/output/manifest.ts';

export async function readManifestJson(out: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
}

/** The outputs in out/: every file but the manifest, the build state and temporary files, sorted. */
export async function outputFiles(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && e.name !== 'manifest.json' && !e.name.includes('.tmp-'))
    .map((e) => relative(out, join(e.parentPath, e.name)))
    // The change report and the web edition describe and present a build; the manifest lists what it made.
    .filter((path) => !['changes.md', 'changes.json'].includes(path) && !path.startsWith('site/') && !path.startsWith('release/'))
    .sort();
}

/** The manifest lists exactly the outputs in out/, each with its size and sha256; returns path -> sha256. */
export async function expectManifestMatches(out: string): Promise<Map<string, string>> {
  const manifest = await readManifestJson(out);
  expect(manifest.outputs.map((o) => o.path).sort()).toEqual(await outputFiles(out));
  for (const entry of manifest.outputs) {
    const bytes = await readFile(join(out, entry.path));
    expect([bytes.byteLength, sha256(bytes)], entry.path).toEqual([entry.bytes, entry.sha256]);
  }
  return new Map(manifest.outputs.map((o) => [o.path, o.sha256]));
}
