// `build` as CI and a terminal see it: options, exit codes, progress, summary.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barLine, createProgress } from '../../src/progress.ts';
import { expectManifestMatches } from '../helpers/manifest.ts';
import { runMain } from '../helpers/run-main.ts';
import { runCli } from '../helpers/run-node.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';

let out: string;
beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'coop-cli-build-')), 'out');
});
afterAll(() => rm(dirname(out), { recursive: true, force: true }));

describe('build command', () => {
  // A child process: paths are shown from the folder the user stands in, and CI=true is the whole environment's.
  it('builds only what --only names, with a line per output as its path on disk, and a summary', async () => {
    const run = await runCli(['build', '--data', FIXTURE_DATA, '--out', 'out', '--locale', 'en', '--only', 'project/r*', '--only', 'workbook'], { cwd: dirname(out), env: { ...process.env, CI: 'true' } });
    expect(run.code, run.stderr).toBe(0);
    // A line per output, the summary, then what changed (tests/changes/).
    const lines = run.stdout.trim().split('\n');
    const done = lines.findIndex((l) => l.startsWith('built '));
    expect(lines.slice(0, done).map((l) => l.split(/\s+/)[0]).sort()).toEqual(['out/en/cooperation-summary.xlsx', 'out/en/projects/red.pdf']);
    expect(lines[done]).toMatch(/^built 2, skipped 0 unchanged \(\d+ KiB written\) in \d+\.\d\d s$/);
    expect(lines[done + 1]).toBe('changes: first build, nothing to compare with; outputs: 0 rebuilt, 2 added, 0 removed (out/changes.md)');
  });

  it('reports JSON with --reporter json, and skips what is unchanged', async () => {
    const run = await runMain(['build', '--data', FIXTURE_DATA, '--out', out, '--locale', 'en', '--only', 'project/r*', '--only', 'workbook', '--reporter', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { ok: boolean; built: unknown[]; skipped: string[] };
    expect(report.ok).toBe(true);
    expect(report.built).toEqual([]);
    expect(report.skipped.sort()).toEqual(['en/cooperation-summary.xlsx', 'en/projects/red.pdf']);
    expect([...(await expectManifestMatches(out)).keys()].sort()).toEqual(['en/cooperation-summary.xlsx', 'en/projects/red.pdf']);
  });

  it('exits 2 on a bad --shard or an --only that matches nothing', async () => {
    const shard = await runMain(['build', '--data', FIXTURE_DATA, '--out', out, '--shard', '3/2']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('--shard must be k/n');
    const only = await runMain(['build', '--data', FIXTURE_DATA, '--out', out, '--locale', 'en', '--only', 'brochure']);
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('--only brochure matches no output');
  });
});

describe('progress', () => {
  it('draws a bar with the share done and the time left', () => {
    expect(barLine(25, 100, 5_000, 60).trimEnd()).toBe(`[${'#'.repeat(10)}${'-'.repeat(30)}] 25/100  15 s left`);
  });

  it('prints plain lines, not a bar, under CI even on a terminal', () => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 80, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const progress = createProgress(stream, (path) => `out/${path}`, { CI: 'true' });
    progress.plan(50);
    progress.output({ key: 'en/project/a', path: 'en/projects/a.pdf', kind: 'pdf', status: 'built', bytes: 10, ms: 12.4 });
    expect(written).toEqual(['out/en/projects/a.pdf  12 ms\n']);
    const summary = { built: [], skipped: [], removed: ['en/projects/old.pdf', 'ru/projects/old.pdf'] };
    expect(progress.done(summary, 1500)).toBe('built 0, skipped 0 unchanged, removed 2 (out/en/projects/old.pdf, out/ru/projects/old.pdf) (0 KiB written) in 1.50 s');
    const tty: string[] = [];
    const bar = createProgress({ ...stream, write: (s: string) => tty.push(s) } as unknown as NodeJS.WriteStream, undefined, {});
    bar.plan(50);
    bar.output({ key: 'en/project/a', path: 'en/projects/a.pdf', kind: 'pdf', status: 'built', bytes: 10, ms: 12.4 });
    expect(tty[0]).toMatch(/^\r\[#?-+\] 1\/50 /);
  });
});
