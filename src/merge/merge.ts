// `merge <shard out folders…> --out DIR`: the outputs of n shards joined into
// the folder one machine would have built. The shards are checked first (see
// shards.ts), then every file against its manifest entry; nothing is written
// until all is right. The merge reads the data itself (the same fingerprint
// as the shards', or it refuses) because what covers the whole build is made
// here, not by any shard: the manifest, the change report, the web edition and
// the releases are finished by the build's own code (`finish`), so the merged
// folder equals a single build's byte for byte.
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { buildInputs, eachConcurrently, finish, selectionKey, type BuildOptions, type BuildResult, type BuildSummary, type Run } from '../build.ts';
import type { Config } from '../config.ts';
import { ReportError } from '../errors.ts';
import { sha256 } from '../output/fingerprint.ts';
import { MANIFEST, STATE, fileStamp, readManifest, readState, type ManifestEntry } from '../output/manifest.ts';
import { writeAtomic } from '../output/write-atomic.ts';
import { createResources } from '../plan/resources.ts';
import { selectOutputs } from '../plan/select.ts';
import { fileError, readShards, type Shard } from './shards.ts';

export interface MergeOptions extends Pick<BuildOptions, 'release' | 'onPlan' | 'onOutput'> {
  /** The out folders of the shards, in any order. */
  shards: readonly string[];
}

/** Files read at once while checking and copying. */
const READS = 8;

export async function merge(config: Config, options: MergeOptions): Promise<BuildResult> {
  const summary: BuildSummary = { built: [], skipped: [], removed: [] };
  const failed = (errors: ReportError[]): BuildResult => ({ ok: false, errors, sources: new Map(), ...summary });
  const show = (path: string) => relative(config.cwd, path) || '.';
  if (options.shards.some((dir) => resolve(dir) === config.outDir)) {
    return failed([new ReportError('usage', `--out ${show(config.outDir)} is one of the shards`, undefined, 'merge into a folder of its own')]);
  }
  const read = await readShards(options.shards, show);
  if (!read.ok) return failed(read.errors);
  const { shards } = read;
  const [{ only, locales, fingerprint, count }] = shards as [Shard];
  const { tool, inputs } = await buildInputs(config);
  if (inputs !== fingerprint) {
    return failed([fileError(`the shards were built from other inputs than this merge reads (--data ${show(config.dataDir)})`, show(join(shards[0]!.dir, STATE)), 'run merge from the same commit, with the same --data and SOURCE_DATE_EPOCH as the shards: it writes the change report and the web edition from them')]);
  }
  const selection = { ...(only.length > 0 ? { only } : {}), ...(locales.length > 0 ? { locales } : {}) };
  if (options.release && selection.only) return failed([new ReportError('usage', `--release bundles whole languages, and the shards were built with --only ${only.join(', ')}`, undefined, 'build the shards without --only to release their merge')]);

  const resources = createResources();
  try {
    const { prepare } = await import('../prepare.ts');
    const prepared = await prepare(config, { locales: selection.locales, tool, resources });
    if (!prepared.ok) return { ...prepared, ...summary };
    // Each output from the shard that builds it, by the same arithmetic as `--shard`.
    const taken = shards.flatMap((shard) => {
      const entries = new Map(shard.manifest.outputs.map((e) => [e.path, e]));
      return selectOutputs(prepared.outputs, { ...selection, shard: { index: shard.index, count } }).map((output) => ({ output, shard, entry: entries.get(output.path) }));
    });
    options.onPlan?.(taken.length);

    const errors: ReportError[] = [];
    await eachConcurrently(taken, READS, async ({ output, shard, entry }) => {
      if (!entry) errors.push(fileError(`shard ${shard.index}/${count} lacks ${output.path}, which is its to build`, show(join(shard.dir, MANIFEST)), `build it again: build --shard ${shard.index}/${count}`));
      else await checked(shard, entry).catch((error: ReportError) => errors.push(error));
    });
    if (errors.length > 0) return failed(errors.sort((a, b) => (a.message < b.message ? -1 : 1)));

    const [manifest, state] = await Promise.all([readManifest(config.outDir), readState(config.outDir)]);
    const previous = new Map((manifest?.outputs ?? []).map((e) => [e.path, e]));
    const entries = new Map<string, ManifestEntry>();
    await eachConcurrently(taken, READS, async ({ output, shard, entry }) => {
      const started = performance.now();
      const target = join(config.outDir, output.path);
      const before = previous.get(output.path);
      const stamp = await fileStamp(target);
      // As in a build: an output the folder holds already, unchanged, is left alone.
      const unchanged = before?.inputHash === entry!.inputHash && before.sha256 === entry!.sha256 && stamp?.bytes === before.bytes && stamp.mtimeMs === state?.files[output.path]?.mtimeMs;
      if (!unchanged) await writeAtomic(target, await checked(shard, entry!), show(target));
      entries.set(output.path, entry!);
      const event = { key: output.key, path: output.path, kind: output.entry.kind, status: unchanged ? 'skipped' : 'built', bytes: entry!.bytes, ms: performance.now() - started } as const;
      (unchanged ? summary.skipped : summary.built).push(event);
      options.onOutput?.(event);
    });
    const run: Run = { resources, summary, selection: selectionKey(selection), inputs, tool, manifest, state };
    return await finish(config, { ...selection, release: options.release }, run, prepared, { previous, entries, failures: [] });
  } catch (error) {
    if (error instanceof ReportError) return failed([error]);
    throw error;
  } finally {
    await resources.close();
  }

  /** The file's bytes, provided they are what the shard's manifest says. */
  async function checked(shard: Shard, entry: ManifestEntry): Promise<Buffer> {
    const file = join(shard.dir, entry.path);
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) throw fileError(`${show(file)} is missing, though the manifest of shard ${shard.index}/${shard.count} lists it`, show(file), 'copy the shard\'s out folder whole, or build the shard again');
    if (sha256(bytes) !== entry.sha256) {
      throw fileError(`${show(file)} does not match the sha256 its shard's manifest gives`, show(file), 'the file changed after its build, or a copy damaged it: build the shard again');
    }
    return bytes;
  }
}
