// out/manifest.json describes every output (reproducible: no times, sorted by
// path); out/.build-state.json remembers what the next build needs to decide
// quickly that nothing changed (fingerprint, sizes and modification times).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './write-atomic.ts';

export interface ManifestEntry {
  path: string;
  key: string;
  kind: string;
  bytes: number;
  pages?: number;
  sheets?: number;
  sha256: string;
  /** Digest of everything the output was made from: skip it when this is unchanged. */
  inputHash: string;
}

export interface Manifest {
  tool: string;
  outputs: ManifestEntry[];
}

export interface BuildState {
  fingerprint: string;
  /** Which outputs the build was asked for (--only, --shard), as given. */
  selection: string;
  files: Record<string, { bytes: number; mtimeMs: number }>;
}

export const MANIFEST = 'manifest.json';
export const STATE = '.build-state.json';

export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  return readJson<Manifest>(join(outDir, MANIFEST));
}

export async function readState(outDir: string): Promise<BuildState | undefined> {
  return readJson<BuildState>(join(outDir, STATE));
}

export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const outputs = [...manifest.outputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await writeAtomic(join(outDir, MANIFEST), Buffer.from(`${JSON.stringify({ ...manifest, outputs }, null, 2)}\n`));
}

export async function writeState(outDir: string, state: BuildState): Promise<void> {
  await writeAtomic(join(outDir, STATE), Buffer.from(JSON.stringify(state)));
}

/** Size and time of a file as the state records them; undefined when it is gone. */
export async function fileStamp(path: string): Promise<{ bytes: number; mtimeMs: number } | undefined> {
  const s = await stat(path).catch(() => undefined);
  return s?.isFile() ? { bytes: s.size, mtimeMs: s.mtimeMs } : undefined;
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    // Missing or damaged: the build then simply rebuilds.
    return undefined;
  }
}
