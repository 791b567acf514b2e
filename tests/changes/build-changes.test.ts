// Every build says what changed since the previous one: edit a budget, build,
// and the report names that budget, the totals and shares it moved, and the
// outputs made again. Expected figures are worked out by hand from the 2005
// data: total 8,442,362 + 100,000; each share is budget / total, to 0.1 %.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build.ts';
import type { Changes } from '../../src/changes/report.ts';
import { resolveConfig } from '../../src/config.ts';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { runCli } from '../helpers/run-node.ts';

/** One fact sheet, the workbook and the open data: enough outputs to see what a change reaches, one PDF to print. */
const SELECTION: BuildOptions = { locales: ['en'], only: ['project/red', 'workbook', 'data'] };
const ARGS = ['--locale', 'en', '--only', 'project/red', '--only', 'workbook', '--only', 'data'];

let dir: string;
let out: string;
const config = () => resolveConfig({ data: dir, out });
const report = async () => JSON.parse(await readFile(join(out, 'changes.json'), 'utf8')) as Changes;
const lines = (changes: Changes) => changes.data.figures.map((f) => `${f.label}: ${(f as { text?: string }).text}`);

beforeAll(async () => {
  dir = await copyData();
  out = join(dir, 'out');
}, 60_000);
afterAll(() => removeDir(dir));

describe('what changed', () => {
  it('has nothing to compare with on a first build, and lists every output as added', async () => {
    const first = await build(config(), SELECTION);
    if (!first.ok) throw new Error(first.errors.map((e) => e.message).join('\n'));
    expect(first.changes.compared).toBe(false);
    expect(first.changes.outputs?.added).toHaveLength(2 + 23);
    expect(await readFile(join(out, 'changes.md'), 'utf8')).toContain('Nothing to compare with: this is the first build.');
  }, 60_000);

  it('names exactly the edited budget, the totals and shares it moved, and the outputs rebuilt', async () => {
    await edit(dir, 'projects.yaml', 'budget_eur: 790336', 'budget_eur: 890336');
    const run = await runCli(['build', '--data', dir, '--out', out, ...ARGS], { env: { ...process.env, CI: 'true' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('changes since the previous build: RED budget €790,336 → €890,336; total budget of the projects €8,442,362 → €8,542,362; 12 more figures');
    expect(run.stdout).toMatch(/records: 0 added, 0 removed, 0 changed; outputs: 4 rebuilt, 0 added, 0 removed \(.*changes\.md\)/);

    const changes = await report();
    const bsr = 'Baltic Sea Region INTERREG III B Neighbourhood Programme 2004–2006';
    expect(lines(changes)).toEqual([
      'RED budget: €790,336 → €890,336',
      'total budget of the projects: €8,442,362 → €8,542,362',
      `${bsr}: total budget: €8,442,362 → €8,542,362`,
      // Lead partners in Germany: A.S.A.P. and MARITOUR, 3,666,680. Russia (6.0 %) and Latvia (4.1 %) read the same after.
      `${bsr}: share of lead partners in Germany: 43.4% → 42.9%`,
      `${bsr}: share of lead partners in Lithuania: 37.1% → 36.6%`,
      `${bsr}: share of lead partners in Sweden: 9.4% → 10.4%`,
      'A.S.A.P. share of the total: 21.0% → 20.8%',
      'A.S.A.P. share of its programme: 21.0% → 20.8%',
      'RED share of the total: 9.4% → 10.4%',
      'RED share of its programme: 9.4% → 10.4%',
      'InterBaltic share of the total: 37.1% → 36.6%',
      'InterBaltic share of its programme: 37.1% → 36.6%',
      'MARITOUR share of the total: 22.4% → 22.1%',
      'MARITOUR share of its programme: 22.4% → 22.1%',
    ]);
    expect(changes.data.figures[0]).toMatchObject({ id: 'project/red/budget', before: 790336, after: 890336 });
    // The budget is told once, as a figure, not again as a changed field of the record.
    expect(changes.data).toMatchObject({ added: [], removed: [], changed: [] });
    expect(changes.outputs).toEqual({ rebuilt: ['en/cooperation-summary.xlsx', 'en/data/datapackage.json', 'en/data/projects.csv', 'en/projects/red.pdf'], added: [], removed: [] });
    const markdown = await readFile(join(out, 'changes.md'), 'utf8');
    expect(markdown).toContain('- RED budget: €790,336 → €890,336\n- total budget of the projects: €8,442,362 → €8,542,362\n');
    expect(markdown).toContain('Rebuilt (4):\n\n- en/cooperation-summary.xlsx\n');
  }, 60_000);

  it('says nothing changed after a build with nothing new', async () => {
    const again = await build(config(), SELECTION);
    expect(again.ok && again.changes).toMatchObject({ compared: true, data: { figures: [], added: [], removed: [], changed: [] }, outputs: { rebuilt: [], added: [], removed: [] } });
    expect(await readFile(join(out, 'changes.md'), 'utf8')).toContain('## Figures (0)\n\nNone changed.');
  });

  it('names records added, removed and changed, with the old and new values', async () => {
    await edit(dir, 'projects.yaml', /  - id: ben-east\n[\s\S]*?budget_eur: 508693\n/, '');
    await edit(dir, 'countries.yaml', '{ code: UA, name: Ukraine, name_ru: Украина }', '{ code: UA, name: Ukraine, name_ru: Украина }\n  - { code: MD, name: Moldova, name_ru: Молдавия }');
    await edit(dir, 'projects.yaml', 'title: Maritime Tourism Marketing in the Baltic Sea Region', 'title: Maritime Tourism Marketing around the Baltic Sea');
    const result = await build(config(), SELECTION);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const { data } = result.changes;
    expect(data.added).toEqual([{ ref: 'countries/MD', label: 'Moldova' }]);
    expect(data.removed).toEqual([{ ref: 'projects/ben-east', label: 'Baltic Euroregional Network – EAST' }]);
    expect(data.changed).toEqual([
      {
        ref: 'projects/maritour',
        label: 'Maritime Tourism Marketing around the Baltic Sea',
        fields: [{ name: 'title', before: 'Maritime Tourism Marketing in the Baltic Sea Region', after: 'Maritime Tourism Marketing around the Baltic Sea' }],
      },
    ]);
    expect(data.figures.map((f) => f.id)).toContain('projects');
    expect(await readFile(join(out, 'changes.md'), 'utf8')).toContain('  - title: "Maritime Tourism Marketing in the Baltic Sea Region" → "Maritime Tourism Marketing around the Baltic Sea"');
  }, 60_000);
});
