// Each row breaks the real data in one way and names the error it must cause:
// code, file, and the exact line and column (the CARET in the edit).
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/load/yaml-file.ts';
import { CARET, copyData, edit, removeDir, validateDir, writeMarked } from '../helpers/data-copy.ts';

interface Row {
  name: string;
  file: string;
  /** Breaks the copy; returns the expected position. */
  apply(dir: string): Promise<{ line: number; column: number }>;
  code: string;
  message?: RegExp;
  hint?: RegExp;
}

const replace = (file: string, find: string | RegExp, by: string) => (dir: string) => edit(dir, file, find, by);

const rows: Row[] = [
  {
    name: 'syntax error: unclosed flow sequence',
    file: 'projects.yaml',
    apply: replace('projects.yaml', 'leningrad_partners: [gatchina-district, tosno-district]', 'leningrad_partners: [gatchina-district, tosno-district\n    ' + CARET + 'lead_partner: x'),
    code: 'syntax',
  },
  {
    name: 'duplicate key',
    file: 'projects.yaml',
    apply: replace('projects.yaml', 'budget_eur: 790336', `budget_eur: 790336\n    ${CARET}budget_eur: 790337`),
    code: 'duplicate-key',
  },
  {
    name: 'alias bomb',
    file: 'report.yaml',
    apply: (dir) => writeMarked(dir, 'report.yaml', `a: ${CARET}&a ["lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`),
    code: 'alias',
  },
  {
    name: 'unknown tag',
    file: 'projects.yaml',
    apply: replace('projects.yaml', 'budget_eur: 790336', `budget_eur: ${CARET}!money 790336`),
    code: 'tag',
  },
  {
    name: '__proto__ key',
    file: 'projects.yaml',
    apply: replace('projects.yaml', '    budget_eur: 790336', `    budget_eur: 790336\n    ${CARET}__proto__: { polluted: true }`),
    code: 'unsafe-key',
  },
  {
    name: 'constructor key',
    file: 'organisations.yaml',
    apply: replace('organisations.yaml', '    name: Region Blekinge', `    name: Region Blekinge\n    ${CARET}constructor: x`),
    code: 'unsafe-key',
  },
  {
    name: 'money written as text',
    file: 'projects.yaml',
    apply: replace('projects.yaml', 'budget_eur: 790336', `budget_eur: ${CARET}"1,7 million"`),
    code: 'schema',
    message: /must be an integer, got "1,7 million"/,
    hint: /plain integer/,
  },
  {
    name: 'fractional money',
    file: 'projects.yaml',
    apply: replace('projects.yaml', 'budget_eur: 347000', `budget_eur: ${CARET}347000.5`),
    code: 'schema',
    message: /must be an integer/,
  },
  {
    name: 'negative budget',
    file: 'projects.yaml',
    apply: replace('projects.yaml', 'budget_eur: 508693', `budget_eur: ${CARET}-508693`),
    code: 'schema',
    message: /must be >= 0, got -508693/,
  },
  {
    name: 'empty value',
    file: 'projects.yaml',
    apply: replace('projects.yaml', '    budget_eur: 1889792', `    ${CARET}budget_eur:`),
    code: 'schema',
    message: /got nothing/,
  },
  {
    name: 'unknown country code',
    file: 'partner-regions.yaml',
    apply: replace('partner-regions.yaml', 'country: SE', `country: ${CARET}SW`),
    code: 'schema',
    hint: /did you mean 'SE'\?/,
  },
  {
    name: 'valid country code missing from countries.yaml',
    file: 'partner-regions.yaml',
    apply: replace('partner-regions.yaml', 'country: BE', `country: ${CARET}FR`),
    code: 'unknown-ref',
    message: /"FR" is not the id of any record in countries/,
  },
  {
    name: 'unknown reference with a suggestion',
    file: 'projects.yaml',
    apply: replace('projects.yaml', 'lead_partner: region-blekinge', `lead_partner: ${CARET}region-blekinje`),
    code: 'unknown-ref',
    hint: /did you mean 'region-blekinge'\?/,
  },
  {
    name: 'unknown programme',
    file: 'projects.yaml',
    apply: replace('projects.yaml', /programme: bsr-neighbourhood-2004-2006\n    leningrad_partners: \[gatchina/, `programme: ${CARET}bsr-2004\n    leningrad_partners: [gatchina`),
    code: 'unknown-ref',
  },
  {
    name: 'duplicate id',
    file: 'organisations.yaml',
    apply: replace('organisations.yaml', '  - id: tosno-district', `  - id: ${CARET}gatchina-district`),
    code: 'duplicate-id',
    message: /already used in organisations at organisations.yaml:\d+/,
  },
  {
    name: 'missing required property',
    file: 'projects.yaml',
    apply: replace('projects.yaml', /  - id: red\n([\s\S]*?)    budget_eur: 790336\n/, `  - ${CARET}id: red\n$1`),
    code: 'schema',
    message: /missing required property "budget_eur"/,
  },
  {
    name: 'unknown property',
    file: 'projects.yaml',
    apply: replace('projects.yaml', '    budget_eur: 347000', `    budget_eur: 347000\n    ${CARET}budjet: 1`),
    code: 'schema',
    message: /unknown property "budjet"/,
  },
  {
    name: 'misspelt property gets a suggestion',
    file: 'partner-regions.yaml',
    apply: replace('partner-regions.yaml', '    seed_name: Southern Morava region', `    ${CARET}seed_nmae: Southern Morava region`),
    code: 'schema',
    hint: /did you mean 'seed_name'\?/,
  },
  {
    name: 'status not in the enum',
    file: 'cis-cooperation.yaml',
    apply: replace('cis-cooperation.yaml', 'status: under-consideration', `status: ${CARET}considered`),
    code: 'schema',
    message: /allowed: active, under-consideration/,
  },
  {
    name: 'impossible date',
    file: 'report.yaml',
    apply: replace('report.yaml', 'as_of: "2005-12-31"', `as_of: ${CARET}"2005-13-31"`),
    code: 'schema',
    message: /is not a valid date/,
  },
  {
    name: 'id not in kebab case',
    file: 'directions.yaml',
    apply: replace('directions.yaml', '  - id: asia', `  - id: ${CARET}Asia Pacific`),
    code: 'schema',
    hint: /lowercase words joined by hyphens/,
  },
  {
    name: 'empty name',
    file: 'countries.yaml',
    apply: replace('countries.yaml', '{ code: IT, name: Italy,', `{ code: IT, name: ${CARET}"",`),
    code: 'schema',
    message: /must not be empty/,
  },
  {
    name: 'control character Excel cannot store',
    file: 'projects.yaml',
    apply: replace('projects.yaml', 'title: Maritime Tourism Marketing in the Baltic Sea Region', `title: ${CARET}"Maritime\\u0007 Tourism Marketing"`),
    code: 'schema',
  },
  {
    name: 'more named partner regions than the stated total',
    file: 'partner-regions.yaml',
    apply: replace('partner-regions.yaml', 'stated_total: 21', `stated_total: ${CARET}10`),
    code: 'consistency',
    message: /names 11 partner regions but states a total of 10/,
  },
  {
    name: 'lead partner without a country',
    file: 'projects.yaml',
    apply: async (dir) => {
      await edit(dir, 'organisations.yaml', '    country: LV\n', '');
      return edit(dir, 'projects.yaml', 'lead_partner: riga-region-development-agency', `lead_partner: ${CARET}riga-region-development-agency`);
    },
    code: 'consistency',
    message: /has no country/,
  },
  {
    name: 'foreign organisation listed as a regional partner',
    file: 'projects.yaml',
    apply: replace('projects.yaml', 'leningrad_partners: [kingisepp-district]', `leningrad_partners: [${CARET}region-blekinge]`),
    code: 'consistency',
    message: /its country is SE/,
  },
  {
    name: 'two documents in one file',
    file: 'directions.yaml',
    apply: replace('directions.yaml', '  - id: cis', `${CARET}---\n  - id: cis`),
    code: 'syntax',
  },
  {
    name: 'invalid UTF-8',
    file: 'countries.yaml',
    apply: async (dir) => {
      const text = Buffer.from('countries:\n  - { code: AM, name: Arm');
      await writeFile(join(dir, 'countries.yaml'), Buffer.concat([text, Buffer.from([0xff, 0xfe]), Buffer.from('enia }\n')]));
      return { line: 2, column: 26 };
    },
    code: 'encoding',
  },
  {
    name: 'file over the size limit',
    file: 'projects.yaml',
    apply: async (dir) => {
      await writeFile(join(dir, 'projects.yaml'), `projects: []\n#${'x'.repeat(MAX_FILE_BYTES)}\n`);
      return { line: 1, column: 1 };
    },
    code: 'too-large',
  },
  {
    name: 'missing data file',
    file: 'cis-cooperation.yaml',
    apply: async (dir) => {
      await rm(join(dir, 'cis-cooperation.yaml'));
      return { line: 1, column: 1 };
    },
    code: 'missing-file',
  },
  {
    name: 'data file without a schema',
    file: 'partners.yaml',
    apply: (dir) => writeMarked(dir, 'partners.yaml', 'partners: []\n'),
    code: 'unknown-file',
    hint: /add schemas\/partners.schema.json/,
  },
];

describe('invalid data is reported at the exact position', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await copyData();
  });
  afterEach(() => removeDir(dir));

  it('has at least 20 cases', () => expect(rows.length).toBeGreaterThanOrEqual(20));

  it.each(rows)('$name', async (row) => {
    const { line, column } = await row.apply(dir);
    const result = await validateDir(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [first] = result.errors;
    expect(first?.toJSON()).toMatchObject({ code: row.code, at: { file: row.file, line, column } });
    if (row.message) expect(first?.message).toMatch(row.message);
    if (row.hint) expect(first?.hint).toMatch(row.hint);
  });
});
