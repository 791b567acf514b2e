// `merge`: n shards joined equal one machine's build, byte for byte, and every
// way the folders can fail to make one build is refused before anything is
// written. The refusals use shards of the open data alone (no browser); one
// test prints real PDFs.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';
import { runMain } from '../helpers/run-main.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'coop-merge-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Every file below `dir` (path -> bytes), but the build state: it records modification times. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name !== '.build-state.json').map((e) => relative(dir, join(e.parentPath, e.name))).sort();
  return new Map(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f))] as const)));
}

async function build(out: string, ...args: string[]): Promise<void> {
  const run = await runMain(['build', '--data', FIXTURE_DATA, '--out', out, ...args]);
  expect(run.code, run.stderr).toBe(0);
}

const merge = (...args: string[]) => runMain(['merge', '--data', FIXTURE_DATA, ...args]);

describe('merge', () => {
  it('joins four shards into the folder a single build makes, byte for byte: outputs, manifest, change report, web edition', async () => {
    const single = join(root, 'single');
    await build(single);
    const shards = [1, 2, 3, 4].map((k) => join(root, `pdf-shard-${k}`));
    for (const [i, dir] of shards.entries()) await build(dir, '--shard', `${i + 1}/4`);
    const merged = join(root, 'merged');
    const run = await merge(...shards.reverse(), '--out', merged);
    expect(run.code, run.stderr).toBe(0);

    const [expected, actual] = await Promise.all([tree(single), tree(merged)]);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    expect([...actual.keys()].filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(10);
    expect(['manifest.json', 'changes.md', 'site/index.html'].every((f) => actual.has(f))).toBe(true);
    for (const [path, bytes] of expected) expect(actual.get(path)!.equals(bytes), path).toBe(true);
    // The merged folder is the whole build's for the next build too: it finds nothing to do.
    const state = (dir: string) => readFile(join(dir, '.build-state.json'), 'utf8').then((t) => JSON.parse(t) as { fingerprint: string; selection: string });
    const [a, b] = await Promise.all([state(single), state(merged)]);
    expect([b.fingerprint, b.selection]).toEqual([a.fingerprint, a.selection]);
    const again = await runMain(['build', '--data', FIXTURE_DATA, '--out', merged, '--reporter', 'json']);
    expect((JSON.parse(again.stdout) as { built: unknown[] }).built).toEqual([]);
    // Five builds that print, each starting a browser: on a busy two-core machine this takes a while.
  }, 240_000);

  describe('refuses, and leaves --out as it was', () => {
    const shard = (k: number, n = 3) => join(root, `data-shard-${k}-of-${n}`);
    let out: string;
    beforeAll(async () => {
      for (const k of [1, 2, 3]) await build(shard(k), '--only', 'data', '--locale', 'en', '--shard', `${k}/3`);
      out = join(root, 'previous');
      await build(out, '--only', 'workbook', '--locale', 'en');
    });

    async function refused(args: readonly string[], message: RegExp): Promise<void> {
      const before = await tree(out);
      const run = await merge(...args, '--out', out);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/hint: /);
      const after = await tree(out);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
    }

    it('a missing shard', () => refused([shard(1), shard(3)], /error\[merge\] shard 2\/3 is missing/));

    it('a shard given twice', () => refused([shard(1), shard(2), shard(2), shard(3)], /error\[merge\] shard 2\/3 is given 2 times/));

    it('shards built from different inputs', async () => {
      const data = await copyData();
      try {
        await edit(data, 'projects.yaml', 'budget_eur: 1776888', 'budget_eur: 1776889');
        const other = join(root, 'other-data-shard-2');
        const run = await runMain(['build', '--data', data, '--out', other, '--only', 'data', '--locale', 'en', '--shard', '2/3']);
        expect(run.code, run.stderr).toBe(0);
        await refused([shard(1), other, shard(3)], /other-data-shard-2\/\.build-state\.json:1:1 error\[merge\] shard 2\/3 \(.*\) was built from other inputs than shard 1\/3/);
        // Shards that agree, but not with the data the merge reads.
        await refused(['--data', data, shard(1), shard(2), shard(3)], /error\[merge\] the shards were built from other inputs than this merge reads/);
      } finally {
        await removeDir(data);
      }
    });

    it('a file whose sha256 does not match its manifest entry', async () => {
      const damaged = join(root, 'damaged-shard-3');
      await cp(shard(3), damaged, { recursive: true });
      const manifest = JSON.parse(await readFile(join(damaged, 'manifest.json'), 'utf8')) as { outputs: { path: string }[] };
      const victim = manifest.outputs.find((o) => o.path.endsWith('.csv'))!.path;
      await writeFile(join(damaged, victim), 'id\nforged\n');
      await refused([shard(1), shard(2), damaged], new RegExp(`${victim.replaceAll('.', '\\.')}:1:1 error\\[merge\\] .* does not match the sha256 its shard's manifest gives`));
    });

    it('a shard of another count, a whole build, a folder that is no build, a failed shard', async () => {
      const twoOf4 = join(root, 'data-shard-2-of-4');
      await build(twoOf4, '--only', 'data', '--locale', 'en', '--shard', '2/4');
      await refused([shard(1), twoOf4, shard(3)], /is one of 4 shards, shard 1\/3 .* one of 3/);
      const whole = join(root, 'whole');
      await build(whole, '--only', 'workbook', '--locale', 'en');
      await refused([shard(1), shard(2), whole], /holds a whole build, not a shard/);
      await refused([shard(1), shard(2), root], /is not the out folder of a build: \.build-state\.json is missing/);
      // A build that failed keeps no fingerprint in its state.
      const failed = join(root, 'failed-shard-3');
      await cp(shard(3), failed, { recursive: true });
      const state = JSON.parse(await readFile(join(failed, '.build-state.json'), 'utf8')) as { fingerprint: string };
      await writeFile(join(failed, '.build-state.json'), JSON.stringify({ ...state, fingerprint: '' }));
      await refused([shard(1), shard(2), failed], /shard 3\/3 in .*failed-shard-3 did not finish: its build failed/);
    });

    it('--out naming one of the shards, and --release of shards built with --only', async () => {
      const run = await merge(shard(1), shard(2), shard(3), '--out', shard(3));
      expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(/is one of the shards/)]);
      const release = await merge(shard(1), shard(2), shard(3), '--out', join(root, 'released'), '--release');
      expect([release.code, release.stderr]).toEqual([2, expect.stringMatching(/--release bundles whole languages, and the shards were built with --only data/)]);
    });
  });
});
