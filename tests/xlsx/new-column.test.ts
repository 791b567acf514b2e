// CONTRIBUTING.md's recipe for a new workbook column, followed on a scratch
// copy: the declaration and the Russian header are all it takes.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, validate } from '../../src/build.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { scratchCopy, type ScratchCopy } from '../helpers/template-copy.ts';

let copy: ScratchCopy;
// A header no real declaration has, so the recipe runs whatever columns the live one holds.
const HEADER = 'Partner count (recipe test)';
const RUSSIAN = 'Число партнёров (проверка рецепта)';
const COLUMN = `      - header: ${HEADER}\n        field: leningradPartners.length\n        type: integer\n        total: sum\n`;

beforeAll(async () => {
  copy = await scratchCopy('new-column');
  await copy.edit('templates/workbooks/cooperation-summary.yaml', (t) => t.replace('      - header: Lead partner\n', `${COLUMN}      - header: Lead partner\n`));
});
afterAll(() => copy.remove());

async function column(locale: string, sheetName: string, header: string): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(copy.dir, 'out', locale, 'cooperation-summary.xlsx'));
  const sheet = workbook.getWorksheet(sheetName)!;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const at = headers.indexOf(header);
  expect(at, `${header} in ${headers.join(' | ')}`).toBeGreaterThan(0);
  return sheet.getColumn(at).values.slice(2);
}

describe('a new workbook column', () => {
  it('without its Russian header fails validation at the header, in the declaration', async () => {
    const result = await validate(copy.config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The new column's header stands where "Lead partner" stood before.
    const declaration = await readFile(join(PROJECT_ROOT, 'templates/workbooks/cooperation-summary.yaml'), 'utf8');
    const line = declaration.slice(0, declaration.indexOf('      - header: Lead partner\n')).split('\n').length;
    expect(result.errors.map((e) => [e.code, e.message, e.at?.file, e.at?.line])).toEqual([
      ['translation', `the ru catalogue has no workbook text for "${HEADER}"`, 'templates/workbooks/cooperation-summary.yaml', line],
    ]);
  });

  it('with it, is built in both languages, from two changed files', async () => {
    await copy.edit('templates/i18n/ru.yaml', (t) => t.replace(/^workbook:\n/m, `workbook:\n  "${HEADER}": "${RUSSIAN}"\n`));
    expect(await copy.changed()).toEqual(['templates/i18n/ru.yaml', 'templates/workbooks/cooperation-summary.yaml']);
    const result = await build(copy.config, { only: ['workbook'] });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    // Six projects of the 2005 data; ASAP names two Leningrad Oblast partners, RED two, MARITOUR three.
    const english = await column('en', 'Projects', HEADER);
    expect(english.slice(0, 6)).toEqual([2, 2, 1, 3, 1, 2]);
    expect(english[6]).toMatchObject({ formula: expect.stringMatching(/^SUBTOTAL\(109,|^SUM\(/), result: 11 });
    expect((await column('ru', 'Проекты', RUSSIAN)).slice(0, 6)).toEqual([2, 2, 1, 3, 1, 2]);
  });
});
