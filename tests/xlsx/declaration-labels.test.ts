// Mistakes in the declaration's labels, charts and footer, each reported at
// its line and column: the edit's CARET marks where.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors.ts';
import { DECLARATION, loadDeclaration, realModel } from './fixture.ts';

const CARET = '⟨^⟩';
const model = await realModel();
const original = await readFile(DECLARATION, 'utf8');
const dir = await mkdtemp(join(tmpdir(), 'coop-workbook-labels-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const rows: { name: string; find: string; replace: string; code: ErrorCode; message: RegExp; hint?: RegExp }[] = [
  {
    name: 'labels from a group the catalogue lacks',
    find: '        field: status\n        labels: status\n',
    replace: `        field: ${CARET}status\n        labels: statuses\n`,
    code: 'unknown-ref',
    message: /row 1 of 14: no message "statuses\.partner" in the en catalogue/,
    hint: /under statuses: in templates\/i18n/,
  },
  {
    name: 'labels on a numeric column',
    find: '        field: planned_for\n        type: year\n',
    replace: `        field: planned_for\n        type: year\n        labels: ${CARET}status\n`,
    code: 'template',
    message: /labels replace text values/,
  },
  {
    name: 'a formula counting a label the catalogue lacks',
    find: '"=COUNTIF({Partner regions!Status:data},{@status.partner})"',
    replace: `${CARET}"=COUNTIF({Partner regions!Status:data},{@status.partners})"`,
    code: 'unknown-ref',
    message: /no message "status\.partners"/,
  },
  {
    name: 'a chart over a column the sheet lacks',
    find: '      values: [Budget (EUR)]\n',
    replace: `      values: [${CARET}Budget]\n`,
    code: 'unknown-ref',
    message: /sheet "Projects" has no column "Budget"/,
    hint: /did you mean 'Budget \(EUR\)'/,
  },
  {
    name: 'a chart of text',
    find: '      values: [Budget (EUR)]\n',
    replace: `      values: [${CARET}Title]\n`,
    code: 'template',
    message: /column "Title" is text; bars need numbers/,
  },
  {
    name: 'bars named by a column the sheet lacks',
    find: '      categories: Acronym\n',
    replace: `      categories: ${CARET}Acronyms\n`,
    code: 'unknown-ref',
    message: /no column "Acronyms"/,
  },
  {
    name: 'a footer without a section',
    find: 'footer: "&C&A — Page &P of &N"',
    replace: `footer: ${CARET}"&A — Page &P of &N"`,
    code: 'schema',
    message: /"&A — Page &P of &N" does not have/,
    hint: /start with the section/,
  },
];

describe('workbook declaration errors in labels, charts and the footer', () => {
  it.each(rows)('$name -> $code', async (row) => {
    expect(original, 'the declaration still holds the text the row edits').toContain(row.find);
    const marked = original.replace(row.find, row.replace);
    const path = join(dir, `${row.name.replace(/\W+/g, '-')}.yaml`);
    await writeFile(path, marked.replace(CARET, ''));
    const result = await loadDeclaration(model, path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.code === row.code);
    expect(error, result.errors.map((e) => `${e.code} ${e.at?.line}:${e.at?.column} ${e.message}`).join('\n')).toBeDefined();
    const before = marked.slice(0, marked.indexOf(CARET)).split('\n');
    expect({ line: error!.at?.line, column: error!.at?.column }).toEqual({ line: before.length, column: before.at(-1)!.length + 1 });
    expect(error!.message).toMatch(row.message);
    if (row.hint) expect(error!.hint).toMatch(row.hint);
  });
});
