// `changes --since REV` in a git repository made here: the data at any
// revision against the working tree, without building; and a clear error for
// a revision that is not there, a revision without the data, or no repository.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';
import { runCli } from '../helpers/run-node.ts';
import { systemTool } from '../helpers/system-tool.ts';

const git = systemTool('git', 'git', 'tests/changes/since.test.ts');

let repo: string;
let data: string;
const commit = (message: string) => {
  execFileSync(git!, ['-C', repo, 'add', '-A']);
  execFileSync(git!, ['-C', repo, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-q', '-m', message]);
};

beforeAll(async () => {
  if (!git) return;
  repo = await mkdtemp(join(tmpdir(), 'coop-git-'));
  data = join(repo, 'data');
  execFileSync(git, ['-C', repo, 'init', '-q']);
  await writeFile(join(repo, 'README'), 'before the data\n');
  commit('no data yet');
  await cp(FIXTURE_DATA, data, { recursive: true });
  commit('the 2005 data');
  await edit(data, 'projects.yaml', 'budget_eur: 790336', 'budget_eur: 890336');
  commit('RED budget raised');
  // Not committed: the working tree is what an editor is about to publish.
  await edit(data, 'projects.yaml', 'title: Maritime Tourism Marketing in the Baltic Sea Region', 'title: Maritime Tourism Marketing around the Baltic Sea');
});
afterAll(() => (repo ? removeDir(repo) : undefined));

describe.skipIf(!git)('changes --since', () => {
  it('compares the data at an earlier revision with the working tree, and builds nothing', async () => {
    const run = await runCli(['changes', '--since', 'HEAD~1', '--data', data]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^# What changed since revision HEAD~1 \([0-9a-f]{12}\)\n/);
    expect(run.stdout).toContain('- RED budget: €790,336 → €890,336\n- total budget of the projects: €8,442,362 → €8,542,362\n');
    expect(run.stdout).toContain('- projects/maritour (Maritime Tourism Marketing around the Baltic Sea)\n  - title: "Maritime Tourism Marketing in the Baltic Sea Region" → "Maritime Tourism Marketing around the Baltic Sea"');
    expect(run.stdout).not.toContain('## Outputs');
    expect(await readdir(repo)).toEqual(expect.not.arrayContaining(['out']));
  });

  it('gives JSON with --reporter json: against HEAD only the uncommitted title changed', async () => {
    const run = await runCli(['changes', '--since', 'HEAD', '--data', data, '--reporter', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const changes = JSON.parse(run.stdout) as { compared: boolean; data: { figures: unknown[]; added: unknown[]; removed: unknown[]; changed: { ref: string }[] } };
    expect(changes.data.figures).toEqual([]);
    expect(changes.data.changed.map((c) => c.ref)).toEqual(['projects/maritour']);
  });

  it('refuses a revision that does not exist, or one without the data folder', async () => {
    const unknown = await runCli(['changes', '--since', 'v9.9', '--data', data]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error[git] "v9.9" is not a revision of this repository');
    expect(unknown.stderr).toContain('hint: give a commit, tag or branch, e.g. HEAD~1');
    const before = await runCli(['changes', '--since', 'HEAD~2', '--data', data]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('error[git] data/ does not exist at HEAD~2');
  });

  it('refuses a data folder outside any repository, and a missing --since', async () => {
    const loose = await copyData();
    try {
      const run = await runCli(['changes', '--since', 'HEAD', '--data', loose], { env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('is not inside a git repository');
    } finally {
      await removeDir(loose);
    }
    const bare = await runCli(['changes', '--data', data]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('changes needs --since REVISION');
  });
});
