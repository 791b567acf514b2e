// Each row breaks the real workbook declaration in one way and names the error
// it must cause: code and the exact line and column (the CARET in the edit).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/errors.ts';
import { DECLARATION, loadDeclaration, realModel } from './fixture.ts';

const CARET = '⟨^⟩';
const model = await realModel();
const original = await readFile(DECLARATION, 'utf8');
const dir = await mkdtemp(join(tmpdir(), 'coop-workbook-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Row {
  name: string;
  /** [find, replace] pairs; a CARET in a replacement marks where the error must point. */
  edits: [string, string][];
  code: ErrorCode;
  message?: RegExp;
  hint?: RegExp;
}

const rows: Row[] = [
  { name: 'YAML syntax error', edits: [['  - name: Directions\n    rows: directions\n', `  - name: Directions\n    rows: [directions\n    ${CARET}rows: directions\n`]], code: 'syntax' },
  { name: 'duplicate key', edits: [['        field: budgetEur\n', `        field: budgetEur\n        ${CARET}field: budgetEur\n`]], code: 'duplicate-key' },
  { name: 'unknown column type', edits: [['        type: money\n        total: sum\n      - header: Share', `        type: ${CARET}monee\n        total: sum\n      - header: Share`]], code: 'schema', hint: /did you mean 'money'/ },
  { name: 'sheet name with a slash', edits: [['  - name: Participants', `  - name: ${CARET}Participants/BSR`]], code: 'schema', hint: /at most 31 characters/ },
  { name: 'sheet name over 31 characters', edits: [['  - name: Participants', `  - name: ${CARET}Participants of the Baltic Sea Region programme`]], code: 'schema' },
  { name: 'unknown property', edits: [['        width: 30\n', `        ${CARET}widht: 30\n`]], code: 'schema', hint: /did you mean 'width'/ },
  { name: 'column with both field and text', edits: [['      - header: Lead country\n        field: leadPartner.country.name\n', `      - ${CARET}header: Lead country\n        field: leadPartner.country.name\n        text: "{{leadPartner.country.code}}"\n`]], code: 'schema', hint: /remove field and formula, or remove text/ },
  { name: 'formula without a cached result', edits: [['      - header: Share of total\n', `      - ${CARET}header: Share of total\n`], ['        field: shareOfTotal\n', '']], code: 'schema', message: /missing required property "field"/ },
  { name: 'two sheets of one name, regardless of case', edits: [['  - name: Directions', `  - name: ${CARET}projects`]], code: 'duplicate-id', message: /"projects" is used twice/ },
  { name: 'two columns of one header', edits: [['      - header: Lead country\n', `      - header: ${CARET}lead partner\n`]], code: 'duplicate-id' },
  { name: 'rows that are not a model collection', edits: [['    rows: projects\n', `    rows: ${CARET}project\n`]], code: 'unknown-ref', hint: /did you mean 'projects'/ },
  { name: 'field path not in the model', edits: [['        field: budgetEur\n', `        field: ${CARET}budgetEuro\n`]], code: 'unknown-ref', message: /"budgetEuro" is not in the rows of sheet "Projects"/, hint: /did you mean 'budgetEur'/ },
  { name: 'summary field not in the model', edits: [['      field: figures.projects\n', `      field: ${CARET}figures.project\n`]], code: 'unknown-ref', hint: /did you mean 'projects'/ },
  { name: 'template that does not compile', edits: [['text: "{{#each leningradPartners}}', `text: ${CARET}"{{#each leningradPartners}}{{#if}}`]], code: 'template', message: /does not compile/ },
  { name: 'template with an unknown helper', edits: [['text: "{{#each programme.calls}}', `text: ${CARET}"{{shout programme.name}}{{#each programme.calls}}`]], code: 'template', message: /unknown helper "shout"/ },
  { name: 'template calling log', edits: [['text: "{{#each programme.calls}}', `text: ${CARET}"{{log programme.name}}{{#each programme.calls}}`]], code: 'template', message: /unknown helper "log"/ },
  { name: 'template naming a missing field', edits: [['text: "{{#each fields}}{{name}}', `text: ${CARET}"{{#each fields}}{{nmae}}`]], code: 'template', message: /sheet "Partner regions", row 1 of 14: "nmae" not defined/ },
  { name: 'text where a number is declared', edits: [['        field: budgetEur\n        type: money\n', `        field: ${CARET}acronym\n        type: money\n`]], code: 'template', message: /"A\.S\.A\.P\." is not a money value/ },
  { name: 'formula naming an unknown column', edits: [['"={Budget (EUR)}/{Budget (EUR):total}"', `${CARET}"={Budget (EUR)}/{Budget:total}"`]], code: 'unknown-ref', message: /no column "Budget"/, hint: /did you mean 'Budget \(EUR\)'/ },
  { name: 'formula naming an unknown sheet', edits: [['"=COUNTIF({Partner regions!Status:data},{@status.partner})"', `${CARET}"=COUNTIF({Partner region!Status:data},{@status.partner})"`]], code: 'unknown-ref', hint: /did you mean 'Partner regions'/ },
  { name: 'formula with an unpaired brace', edits: [['"={Budget (EUR)}/{Budget (EUR):total}"', `${CARET}"={Budget (EUR)}/{Budget (EUR):total"`]], code: 'template', message: /does not pair up/ },
  { name: 'total of a column without one', edits: [['"={Budget (EUR)}/{Budget (EUR):total}"', `${CARET}"={Budget (EUR)}/{Lead country:total}"`]], code: 'template', message: /has no total/ },
  { name: 'total label without a totalLabel', edits: [['    rows: projects\n    totalLabel: Total\n', '    rows: projects\n'], ['        field: acronym\n        total: label\n', `        field: acronym\n        total: ${CARET}label\n`]], code: 'schema', message: /no totalLabel/ },
  { name: 'link to a sheet that does not exist', edits: [['      - { sheet: Directions, section: section }\n', '      - { sheet: Direction, section: section }\n'], ['        field: sheet\n        link: sheet\n', `        field: ${CARET}sheet\n        link: sheet\n`]], code: 'unknown-ref', message: /row 6 of 7: no sheet is named "Direction"/ },
  { name: 'summary link to an unknown sheet', edits: [['      sheet: Directions\n', `      sheet: ${CARET}Directoins\n`]], code: 'unknown-ref', hint: /did you mean 'Directions'/ },
];

/** The edited text, still holding the CARET. */
function edited(row: Row): string {
  return row.edits.reduce((text, [find, replace]) => {
    if (!text.includes(find)) throw new Error(`the declaration no longer contains ${JSON.stringify(find)}`);
    return text.replace(find, replace);
  }, original);
}

function caretPosition(marked: string): { line: number; column: number } {
  const before = marked.slice(0, marked.indexOf(CARET)).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('workbook declaration errors', () => {
  it.each(rows)('$name -> $code', async (row) => {
    const marked = edited(row);
    expect(marked, 'each row marks the expected position').toContain(CARET);
    const path = join(dir, `${row.name.replace(/\W+/g, '-')}.yaml`);
    await writeFile(path, marked.replace(CARET, ''));
    const result = await loadDeclaration(model, path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.code === row.code);
    expect(error, result.errors.map((e) => `${e.code} ${e.at?.line}:${e.at?.column} ${e.message}`).join('\n')).toBeDefined();
    expect({ line: error!.at?.line, column: error!.at?.column }).toEqual(caretPosition(marked));
    expect(error!.at?.file).toMatch(/\.yaml$/);
    if (row.message) expect(error!.message).toMatch(row.message);
    if (row.hint) expect(error!.hint).toMatch(row.hint);
  });

  it('accepts the real declaration', async () => {
    const result = await loadDeclaration(model);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
  });
});
