// The out/ folders of `build --shard k/n`, read and checked before a merge
// writes anything: each is a finished shard of one build (same n, same
// --only and --locale, same fingerprint of data, templates, schemas, tool and
// SOURCE_DATE_EPOCH), and together they are shards 1..n exactly once.
import { resolve } from 'node:path';
import { ReportError } from '../errors.ts';
import { MANIFEST, STATE, readManifest, readState, type Manifest } from '../output/manifest.ts';

export interface Shard {
  dir: string;
  index: number;
  count: number;
  only: readonly string[];
  locales: readonly string[];
  fingerprint: string;
  manifest: Manifest;
}

/** Every shard, or every reason the folders do not make one build. `show` gives paths as the user sees them. */
export async function readShards(dirs: readonly string[], show: (path: string) => string): Promise<{ ok: true; shards: Shard[] } | { ok: false; errors: ReportError[] }> {
  const errors: ReportError[] = [];
  const shards: Shard[] = [];
  for (const dir of dirs.map((d) => resolve(d))) {
    const [state, manifest] = await Promise.all([readState(dir), readManifest(dir)]);
    const missing = !state ? STATE : !manifest ? MANIFEST : undefined;
    if (missing || !state || !manifest) {
      errors.push(fileError(`${show(dir)} is not the out folder of a build: ${missing} is missing or damaged`, show(resolve(dir, missing!)), 'pass the folders that `build --shard k/n --out DIR` wrote, whole (CI artifacts must keep hidden files)'));
      continue;
    }
    const selection = parseSelection(state.selection);
    if (!selection) {
      errors.push(fileError(`${show(dir)} is not the out folder of a build: ${STATE} is damaged`, show(resolve(dir, STATE)), 'build the shard again'));
      continue;
    }
    if (!selection.shard) {
      errors.push(fileError(`${show(dir)} holds a whole build, not a shard`, show(resolve(dir, STATE)), 'merge joins the folders of `build --shard k/n`; a whole build needs no merge'));
      continue;
    }
    const { index, count } = selection.shard;
    if (state.fingerprint === '') {
      errors.push(fileError(`shard ${index}/${count} in ${show(dir)} did not finish: its build failed`, show(resolve(dir, STATE)), `build it again: build --shard ${index}/${count}`));
      continue;
    }
    shards.push({ dir, index, count, only: selection.only, locales: selection.locales, fingerprint: state.fingerprint, manifest });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (shards.length === 0) return { ok: false, errors: [new ReportError('usage', 'merge needs the out folders of the shards')] };

  const first = shards[0]!;
  const name = (s: Shard) => `shard ${s.index}/${s.count} (${show(s.dir)})`;
  for (const shard of shards.slice(1)) {
    const at = show(resolve(shard.dir, STATE));
    if (shard.count !== first.count) {
      errors.push(fileError(`${name(shard)} is one of ${shard.count} shards, ${name(first)} one of ${first.count}`, at, 'merge the shards of one build: every one with the same n'));
    } else if (JSON.stringify([shard.only, shard.locales]) !== JSON.stringify([first.only, first.locales])) {
      errors.push(fileError(`${name(shard)} was built with other --only or --locale options than ${name(first)}`, at, 'build every shard with the same options, only --shard differing'));
    } else if (shard.fingerprint !== first.fingerprint) {
      errors.push(fileError(`${name(shard)} was built from other inputs than ${name(first)}`, at, 'their data, templates, schemas, tool version or SOURCE_DATE_EPOCH differ: build every shard from the same commit'));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  for (let index = 1; index <= first.count; index++) {
    const given = shards.filter((s) => s.index === index);
    if (given.length === 0) errors.push(new ReportError('merge', `shard ${index}/${first.count} is missing`, undefined, `pass the out folders of all ${first.count} shards`));
    if (given.length > 1) errors.push(new ReportError('merge', `shard ${index}/${first.count} is given ${given.length} times: ${given.map((s) => show(s.dir)).join(', ')}`, undefined, 'pass each shard\'s folder once'));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, shards: shards.sort((a, b) => a.index - b.index) };
}

function parseSelection(text: string): { only: string[]; shard: { index: number; count: number } | null; locales: string[] } | undefined {
  try {
    return JSON.parse(text) as ReturnType<typeof parseSelection>;
  } catch {
    return undefined;
  }
}

export function fileError(message: string, file: string, hint: string): ReportError {
  return new ReportError('merge', message, { file, line: 1, column: 1 }, hint);
}
