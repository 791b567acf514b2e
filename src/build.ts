// The pipeline, top to bottom: fingerprint -> (nothing changed? stop) ->
// prepare (load, validate, model, each sink's plan; src/prepare.ts) -> per
// output: its sink's work, digest its inputs, skip it when unchanged, else
// make and write -> remove outputs that left the catalogue -> manifest. The
// only caller of the writers. Heavy modules (ajv, Handlebars, Puppeteer,
// ExcelJS) load only past the no-op check, so a build with nothing to do
// stays fast.
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NO_DATA_CHANGES, writeChanges, type Changes, type OutputChanges } from './changes/report.ts';
import type { Config } from './config.ts';
import { ReportError, asReportError, mergeRepeated, type Sources } from './errors.ts';
import { fingerprint, sha256 } from './output/fingerprint.ts';
import { fileStamp, readManifest, readState, writeManifest, writeState, type BuildState, type Manifest, type ManifestEntry } from './output/manifest.ts';
import { TEMP_MARK, tempFileOwner, writeAtomic } from './output/write-atomic.ts';
import { createResources, type Resources } from './plan/resources.ts';
import { selectOutputs, type Selection } from './plan/select.ts';
import type { Tool } from './plan/sink.ts';
import type { Prepared, PrepareResult } from './prepare.ts';

/** Everything the build checks before rendering: data, catalogue, templates, messages, declarations. */
export async function validate(config: Config, options: { locales?: readonly string[] } = {}): Promise<PrepareResult> {
  return (await import('./prepare.ts')).prepare(config, options);
}

export interface BuildOptions extends Selection {
  /** Languages to build (by default the catalogue's). */
  locales?: readonly string[];
  /** Rebuild every selected output, changed or not. */
  force?: boolean;
  /** Also bundle each language's outputs into out/release/ (a whole build only). */
  release?: boolean;
  /** Per-document browser timeout. */
  timeoutMs?: number;
  executablePath?: string;
  /** Print in a running browser at this DevTools endpoint (ws:// or http://) instead of launching one. */
  browserUrl?: string;
  /** Outputs rendered at once; the browser prints several pages in parallel. */
  concurrency?: number;
  /** Called once the outputs to consider are known. */
  onPlan?: (total: number) => void;
  onOutput?: (event: OutputEvent) => void;
}

export interface OutputEvent {
  key: string;
  path: string;
  kind: string;
  status: 'built' | 'skipped';
  bytes: number;
  ms: number;
}

export interface BuildSummary {
  built: OutputEvent[];
  skipped: OutputEvent[];
  /** Outputs removed because they left the catalogue. */
  removed: string[];
}

/** A build that succeeds says what changed since the previous one (also in out/changes.md), and which release zips it wrote. */
export type BuildResult = ({ ok: true; changes: Changes; releases: string[] } & BuildSummary) | ({ ok: false; errors: ReportError[]; sources: Sources } & BuildSummary);

export async function build(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  const summary: BuildSummary = { built: [], skipped: [], removed: [] };
  const selection = selectionKey(options);
  const { tool, inputs } = await buildInputs(config);
  const [manifest, state] = await Promise.all([readManifest(config.outDir), readState(config.outDir)]);

  // A release needs the report's name and date, which only prepared data gives: it takes the longer way.
  if (!options.force && !options.release && state?.fingerprint === inputs && state.selection === selection && manifest && (await inPlace(config, state))) {
    options.onPlan?.(manifest.outputs.length);
    for (const entry of manifest.outputs) {
      const event = { key: entry.key, path: entry.path, kind: entry.kind, status: 'skipped', bytes: entry.bytes, ms: 0 } as const;
      summary.skipped.push(event);
      options.onOutput?.(event);
    }
    // The fingerprint covers the data: nothing changed, and nothing was made.
    const changes: Changes = { since: 'the previous build', compared: true, data: NO_DATA_CHANGES, outputs: { rebuilt: [], added: [], removed: [] } };
    await writeChanges(config.outDir, changes);
    return { ok: true, ...summary, changes, releases: [] };
  }

  const resources = createResources();
  try {
    return await buildChanged(config, options, { resources, summary, selection, inputs, tool, manifest, state });
  } finally {
    await resources.close();
  }
}

/** The tool and the fingerprint of everything a build reads; shards merge only when theirs are equal. */
export async function buildInputs(config: Config): Promise<{ tool: Tool; inputs: string }> {
  const tool = await toolIdentity(config);
  // Only the YAML files of the data folder count: out/ may well sit inside it.
  const dataFiles = (await readdir(config.dataDir).catch(() => [])).filter((f) => /\.ya?ml$/i.test(f)).map((f) => join(config.dataDir, f));
  const inputs = await fingerprint(
    config.root,
    [config.schemasDir, config.templatesDir],
    [...dataFiles, join(config.root, 'package-lock.json')],
    [tool.digest, process.env.SOURCE_DATE_EPOCH ?? ''],
  );
  return { tool, inputs };
}

/** The selection as the state records it: a build (or merge) with another one is not a no-op. */
export function selectionKey(options: Selection & { locales?: readonly string[] }): string {
  return JSON.stringify({ only: options.only ?? [], shard: options.shard ?? null, locales: options.locales ?? [] });
}

export interface Run {
  /** The sinks' browser and styles, shared by every output of this build. */
  resources: Resources;
  summary: BuildSummary;
  selection: string;
  inputs: string;
  tool: Tool;
  manifest: Manifest | undefined;
  state: BuildState | undefined;
}

async function buildChanged(config: Config, options: BuildOptions, run: Run): Promise<BuildResult> {
  const { summary, manifest, state, tool } = run;
  const [{ prepare }, { SINKS }] = await Promise.all([import('./prepare.ts'), import('./sinks.ts')]);
  const print = { timeoutMs: options.timeoutMs, executablePath: options.executablePath, browserUrl: options.browserUrl };
  // A first or forced build makes everything: costly resources (the browser) start while the data is prepared.
  // (Not with --only: that may well name a workbook alone.)
  if ((!manifest || options.force) && !options.only) {
    for (const sink of Object.values(SINKS)) sink.warm?.({ config, tool, print, resources: run.resources });
  }
  const prepared = await prepare(config, { locales: options.locales, tool, print, resources: run.resources });
  if (!prepared.ok) return { ...prepared, ...summary };
  let selected;
  try {
    selected = selectOutputs(prepared.outputs, options);
  } catch (error) {
    if (error instanceof ReportError) return { ok: false, errors: [error], sources: new Map(), ...summary };
    throw error;
  }
  options.onPlan?.(selected.length);

  const previous = new Map((manifest?.outputs ?? []).map((e) => [e.path, e]));
  const entries = new Map<string, ManifestEntry>();
  const failures: { error: ReportError; output: string }[] = [];

  await eachConcurrently(selected, options.concurrency ?? 3, async (output) => {
    const started = performance.now();
    const target = join(config.outDir, output.path);
    try {
      const work = await SINKS[output.entry.kind]!.work(output as never, prepared.env);
      const inputHash = sha256(JSON.stringify([tool, output.locale, work.inputs]));
      const before = previous.get(output.path);
      const stamp = await fileStamp(target);
      const unchanged =
        !options.force &&
        before?.inputHash === inputHash &&
        stamp?.bytes === before.bytes &&
        stamp.mtimeMs === state?.files[output.path]?.mtimeMs;
      if (unchanged) {
        entries.set(output.path, before);
        report('skipped', before.bytes);
        return;
      }
      const made = await work.make();
      await writeAtomic(target, made.bytes, target);
      entries.set(output.path, {
        path: output.path,
        key: output.key,
        kind: output.entry.kind,
        bytes: made.bytes.byteLength,
        ...(made.pages === undefined ? {} : { pages: made.pages }),
        ...(made.sheets === undefined ? {} : { sheets: made.sheets }),
        sha256: sha256(made.bytes),
        inputHash,
      });
      report('built', made.bytes.byteLength);
    } catch (error) {
      failures.push({ error: asReportError(error, output.key), output: output.key });
    }

    function report(status: OutputEvent['status'], bytes: number) {
      const event = { key: output.key, path: output.path, kind: output.entry.kind, status, bytes, ms: performance.now() - started };
      (status === 'built' ? summary.built : summary.skipped).push(event);
      options.onOutput?.(event);
    }
  });

  return finish(config, options, run, prepared, { previous, entries, failures });
}

/** What the outputs of a build (or a merge) left: each entry of the new manifest, and the failures. */
export interface Outcome {
  previous: ReadonlyMap<string, ManifestEntry>;
  entries: Map<string, ManifestEntry>;
  failures: { error: ReportError; output: string }[];
}

/**
 * After the outputs: stale outputs removed, manifest and state, the change
 * report, the web edition, the releases. Shared with merge, so a merged
 * folder is finished exactly as a single build finishes it.
 */
export async function finish(config: Config, options: BuildOptions, run: Run, prepared: Prepared, outcome: Outcome): Promise<BuildResult> {
  const { summary, state, tool } = run;
  const { previous, entries, failures } = outcome;
  const partial = options.only !== undefined || options.shard !== undefined;
  const planned = new Set(prepared.outputs.map((o) => o.path));
  // Outputs of the languages this build leaves out are neither planned nor stale.
  const otherLanguage = (path: string) => options.locales !== undefined && !options.locales.includes(path.slice(0, path.indexOf('/')));
  for (const [path, entry] of previous) {
    if (entries.has(path) || failures.some((f) => f.output === entry.key)) continue;
    // A partial build keeps what it was not asked to build; a full one drops what left the catalogue.
    if (otherLanguage(path) || (partial && planned.has(path))) entries.set(path, entry);
    else if (!planned.has(path)) {
      await rm(join(config.outDir, path), { force: true });
      summary.removed.push(path);
    }
  }
  await removeTempFiles(config.outDir);
  await writeManifest(config.outDir, { tool: tool.name, outputs: [...entries.values()] });
  const files: BuildState['files'] = {};
  for (const path of entries.keys()) {
    const stamp = await fileStamp(join(config.outDir, path));
    if (stamp) files[path] = stamp;
  }
  // After a failure the fingerprint is not kept, so the next build looks again.
  await writeState(config.outDir, { fingerprint: failures.length > 0 ? '' : run.inputs, selection: run.selection, files });

  if (failures.length > 0) {
    // Workers finish in any order; errors are reported in output order.
    failures.sort((a, b) => (a.output < b.output ? -1 : 1));
    return { ok: false, errors: mergeRepeated(failures), sources: new Map(), ...summary };
  }
  const { recordChanges } = await import('./changes/record.ts');
  const outputs: OutputChanges = {
    rebuilt: summary.built.filter((e) => previous.has(e.path)).map((e) => e.path).sort(),
    added: summary.built.filter((e) => !previous.has(e.path)).map((e) => e.path).sort(),
    removed: [...summary.removed].sort(),
  };
  const { schemasDir, outDir } = config;
  const changes = await recordChanges({ outDir, schemasDir, locales: prepared.env.catalogue.locales, data: prepared.data, outputs });
  // The web edition offers every output of every language: a partial build leaves the last whole one.
  if (!partial && prepared.editions.length === prepared.env.catalogue.locales.length) {
    const { writeSite } = await import('./site/write.ts');
    await writeSite({ outDir, templatesDir: config.templatesDir, catalogue: prepared.env.catalogue, outputs: prepared.outputs, entries: [...entries.values()] });
  }
  let releases: string[] = [];
  if (options.release) {
    const { writeReleases } = await import('./release/bundle.ts');
    const { report } = prepared.data.report;
    releases = await writeReleases({ outDir, outputs: [...entries.values()], tool: tool.name, report, locales: prepared.editions.map((e) => e.locale), created: prepared.env.created });
  }
  return { ok: true, ...summary, changes, releases };
}

/** The tool's name and version for the files, and a digest of its code for the fingerprint. */
async function toolIdentity(config: Config): Promise<Tool> {
  const { version } = JSON.parse(await readFile(join(config.root, 'package.json'), 'utf8')) as { version: string };
  return { name: `cooperation-reports ${version}`, digest: await fingerprint(config.root, [join(config.root, 'src')], [], [version]) };
}

/** Every output the state lists is still there, as the last build left it. */
async function inPlace(config: Config, state: BuildState): Promise<boolean> {
  const stamps = await Promise.all(Object.entries(state.files).map(async ([path, was]) => [was, await fileStamp(join(config.outDir, path))] as const));
  return stamps.every(([was, now]) => now?.bytes === was.bytes && now.mtimeMs === was.mtimeMs);
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * Temporary files of writes that were interrupted (a killed build) are removed.
 * Their names carry the writer's process id: those of a build still running
 * beside this one are left alone, or its next rename would fail.
 */
async function removeTempFiles(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const orphaned = entries.filter((e) => e.isFile() && e.name.includes(TEMP_MARK) && !alive(tempFileOwner(e.name)));
  await Promise.all(orphaned.map((e) => rm(join(e.parentPath, e.name), { force: true })));
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
