// A real spreadsheet program opens the workbook and, recalculating every
// formula, arrives at the cached values the writer stored. LibreOffice keeps
// cached values by default, so a private profile tells it to recalculate on
// load; a workbook with deliberately wrong cached values proves that it did.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/types.ts';
import { realDeclaration, realModel, render } from './fixture.ts';
import { systemTool } from '../helpers/system-tool.ts';

const soffice = systemTool('soffice', 'libreoffice-calc-nogui', 'tests/xlsx/libreoffice.test.ts');

// OOXMLRecalcMode 0: always recalculate files from Excel 2007 and later on load.
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

type Cached = Map<string, unknown>;

/** Every formula cell's cached value, by sheet!address. */
function formulaValues(bytes: Uint8Array): Cached {
  const wb = XLSX.read(Buffer.from(bytes), { type: 'buffer', cellFormula: true });
  const values: Cached = new Map();
  for (const name of wb.SheetNames) {
    for (const [address, cell] of Object.entries(wb.Sheets[name]!)) {
      if (!address.startsWith('!') && (cell as XLSX.CellObject).f) values.set(`${name}!${address}`, (cell as XLSX.CellObject).v);
    }
  }
  return values;
}

function valuesAt(bytes: Uint8Array, addresses: Iterable<string>): Cached {
  const wb = XLSX.read(Buffer.from(bytes), { type: 'buffer' });
  return new Map([...addresses].map((key) => {
    const [sheet, address] = key.split('!') as [string, string];
    return [key, (wb.Sheets[sheet]?.[address] as XLSX.CellObject | undefined)?.v];
  }));
}

function expectSameValues(actual: Cached, expected: Cached): void {
  for (const [key, value] of expected) {
    if (typeof value === 'number') expect(actual.get(key), key).toBeCloseTo(value, 9);
    else expect(actual.get(key), key).toEqual(value);
  }
}

describe.skipIf(!soffice)(`LibreOffice${soffice ? '' : ' (SKIPPED: soffice is not on PATH)'}`, () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('opens the workbook and recalculates every formula to its cached value', async () => {
    const model = await realModel();
    const declaration = await realDeclaration(model);
    const real = await render(model, declaration);
    const wrong: ReportModel = {
      ...model,
      figures: { ...model.figures, totalBudgetEur: 1, partnerRegionsNamed: 0 },
      projects: model.projects.map((p) => ({ ...p, shareOfTotal: 0 })),
      countryFigures: model.countryFigures.map((c) => ({ ...c, budgetLedEur: -1 })),
    };
    const tampered = await render(wrong, declaration);

    const dir = await mkdtemp(join(tmpdir(), 'coop-soffice-'));
    dirs.push(dir);
    const profile = join(dir, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
    await writeFile(join(dir, 'real.xlsx'), real);
    await writeFile(join(dir, 'tampered.xlsx'), tampered);
    // A private profile and HOME: parallel runs and the user's own settings never interfere.
    await promisify(execFile)(
      soffice!,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'real.xlsx'), join(dir, 'tampered.xlsx')],
      { timeout: 120_000, env: { ...process.env, HOME: dir } },
    );

    const cached = formulaValues(real);
    expect(cached.size).toBeGreaterThan(100);
    // The total budget's cells, found by the sheets' own labels and headers.
    const sheets = XLSX.read(Buffer.from(real), { type: 'buffer' }).Sheets;
    const rows = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(sheets[name]!, { header: 1 });
    const total = `Summary!B${rows('Summary').findIndex((r) => r[0] === 'Total budget of these projects') + 1}`;
    const budget = `Projects!${XLSX.utils.encode_col(rows('Projects')[0]!.indexOf('Budget (EUR)'))}8`;
    const recalculated = await readFile(join(dir, 'out', 'real.xlsx'));
    expect(XLSX.read(recalculated, { type: 'buffer' }).SheetNames).toEqual(declaration.sheets.reduce((names, s) => [...names, s.name], [declaration.summary.name]));
    expectSameValues(valuesAt(recalculated, cached.keys()), cached);
    // The wrong cached values were replaced by computed ones: LibreOffice did recalculate.
    expect(formulaValues(tampered).get(total)).toBe(1);
    expectSameValues(valuesAt(await readFile(join(dir, 'out', 'tampered.xlsx')), cached.keys()), cached);
    // The seed's six budgets add up to €8,442,362.
    expect(cached.get(total)).toBe(8_442_362);
    expect(cached.get(budget)).toBe(8_442_362);
  });
});
