// `build --release`: per language, one zip a recipient can take as it is:
// out/release/<report>-<as-of>-<lang>.zip holding, in a folder of the same
// name, every output of that language (briefs, fact sheets, workbook, open
// data), a manifest.json of them and a SHA256SUMS that `sha256sum -c` checks.
// Made from the files the build left and stamped with the build's date, so
// equal outputs give an equal zip.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../output/fingerprint.ts';
import type { ManifestEntry } from '../output/manifest.ts';
import { writeAtomic } from '../output/write-atomic.ts';
import type { CooperationData } from '../validate/data-types.ts';
import { zip, type ZipEntry } from './zip.ts';

export const RELEASE_DIR = 'release';

export interface ReleaseOptions {
  outDir: string;
  /** The build's manifest entries: every output, of every language. */
  outputs: readonly ManifestEntry[];
  tool: string;
  report: CooperationData['report']['report'];
  locales: readonly string[];
  /** The date every output carries: the zip's entries carry it too. */
  created: Date;
}

/** Writes one zip per language; returns their paths relative to out/. */
export async function writeReleases(options: ReleaseOptions): Promise<string[]> {
  const written: string[] = [];
  for (const locale of options.locales) {
    const name = `${options.report.id}-${options.report.as_of}-${locale}`;
    const path = `${RELEASE_DIR}/${name}.zip`;
    await writeAtomic(join(options.outDir, path), await bundle(name, locale, options));
    written.push(path);
  }
  return written;
}

async function bundle(name: string, locale: string, options: ReleaseOptions): Promise<Buffer> {
  const outputs = options.outputs.filter((o) => o.path.startsWith(`${locale}/`)).sort((a, b) => (a.path < b.path ? -1 : 1));
  const files: ZipEntry[] = [];
  for (const output of outputs) files.push({ name: output.path.slice(locale.length + 1), bytes: await readFile(join(options.outDir, output.path)) });
  const manifest = {
    tool: options.tool,
    report: options.report.id,
    as_of: options.report.as_of,
    language: locale,
    // What the recipient has: sizes and digests of the files as they are in this folder.
    outputs: outputs.map(({ kind, pages, sheets }, i) => ({
      path: files[i]!.name,
      kind,
      bytes: files[i]!.bytes.byteLength,
      ...(pages === undefined ? {} : { pages }),
      ...(sheets === undefined ? {} : { sheets }),
      sha256: sha256(files[i]!.bytes),
    })),
  };
  files.push({ name: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) });
  files.sort((a, b) => (a.name < b.name ? -1 : 1));
  // Two spaces: the text-mode form every sha256sum reads.
  const sums = files.map((f) => `${sha256(f.bytes)}  ${f.name}\n`).join('');
  files.push({ name: 'SHA256SUMS', bytes: Buffer.from(sums) });
  return zip(
    files.map((f) => ({ name: `${name}/${f.name}`, bytes: f.bytes })),
    options.created,
  );
}
