// The checks across records and files, each broken once in a copy of the
// fixture: the exact words, hint and place of its error. (invalid-data.test.ts
// has the table of codes and positions for every kind of mistake.)
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectionNames, loadData } from '../../src/load/data-set.ts';
import { validateData } from '../../src/validate/index.ts';
import { createSchemaValidator } from '../../src/validate/schemas.ts';
import { CARET, copyData, edit, removeDir, validateDir } from '../helpers/data-copy.ts';
import { fixtureConfig } from '../helpers/fixture.ts';

let dir: string;
beforeEach(async () => {
  dir = await copyData();
});
afterEach(() => removeDir(dir));

/** The one error the data now has: code, message, hint and place. */
async function onlyError() {
  const result = await validateDir(dir);
  if (result.ok) return 'valid';
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors;
  return { code: error!.code, message: error!.message, hint: error!.hint, at: error!.at && [error!.at.file, error!.at.line, error!.at.column] };
}

describe('consistency', () => {
  it('allows as many named partner regions as the stated total, not more', async () => {
    await edit(dir, 'partner-regions.yaml', 'stated_total: 21', 'stated_total: 11');
    expect(await onlyError()).toBe('valid');
    const { line, column } = await edit(dir, 'partner-regions.yaml', 'stated_total: 11', `stated_total: ${CARET}10`);
    expect(await onlyError()).toEqual({
      code: 'consistency',
      message: 'the text names 11 partner regions but states a total of 10',
      hint: 'raise stated_total to at least 11, or mark regions that are not yet partners as planned',
      at: ['partner-regions.yaml', line, column],
    });
  });

  it('wants a year for a planned contact', async () => {
    const { line, column } = await edit(dir, 'partner-regions.yaml', /  - id: hebei\n([\s\S]*?)    planned_for: 2006\n/, `  - ${CARET}id: hebei\n$1`);
    expect(await onlyError()).toEqual({ code: 'consistency', message: 'planned region "hebei" has no planned_for year', hint: 'add planned_for: 2006 (the year the contacts are planned for)', at: ['partner-regions.yaml', line, column] });
  });

  it('wants fields of cooperation for a partner', async () => {
    const { line, column } = await edit(dir, 'partner-regions.yaml', /  - id: south-moravia\n([\s\S]*?)    fields: \[social-economic, cultural, youth\]\n/, `  - ${CARET}id: south-moravia\n$1`);
    expect(await onlyError()).toEqual({ code: 'consistency', message: 'partner region "south-moravia" lists no fields of cooperation', hint: 'add fields: [social-economic, cultural, youth] or the fields that apply', at: ['partner-regions.yaml', line, column] });
  });

  it('wants a country for a lead partner', async () => {
    await edit(dir, 'organisations.yaml', /(  - id: region-blekinge\n[\s\S]*?)    country: SE\n/, '$1');
    const { line, column } = await edit(dir, 'projects.yaml', 'lead_partner: region-blekinge', `lead_partner: ${CARET}region-blekinge`);
    expect(await onlyError()).toEqual({
      code: 'consistency',
      message: 'lead partner "region-blekinge" of project "red" has no country',
      hint: 'add a country to "region-blekinge" in organisations.yaml; briefs group budgets by lead-partner country',
      at: ['projects.yaml', line, column],
    });
  });

  it('refuses an organisation in both roles of a project', async () => {
    const { line, column } = await edit(dir, 'projects.yaml', 'leningrad_partners: [gatchina-district, tosno-district]', `leningrad_partners: [gatchina-district, ${CARET}region-blekinge]`);
    expect(await onlyError()).toEqual({ code: 'consistency', message: '"region-blekinge" is both lead partner and Leningrad Oblast partner', hint: 'list the organisation in one role only', at: ['projects.yaml', line, column] });
  });

  it('refuses a foreign organisation, or one of no country, as a regional partner', async () => {
    const { line, column } = await edit(dir, 'projects.yaml', 'leningrad_partners: [gatchina-district, tosno-district]', `leningrad_partners: [gatchina-district, ${CARET}klaipeda-science-technology-park]`);
    expect(await onlyError()).toEqual({
      code: 'consistency',
      message: '"klaipeda-science-technology-park" is listed as a Leningrad Oblast partner but its country is LT',
      hint: "regional partners are organisations of RU; check the id or the organisation's country",
      at: ['projects.yaml', line, column],
    });
    await edit(dir, 'projects.yaml', 'klaipeda-science-technology-park]', 'european-union]');
    expect(await onlyError()).toMatchObject({ message: '"european-union" is listed as a Leningrad Oblast partner but its country is not given' });
  });
});

describe('references', () => {
  it('refuses an id used twice, naming where it was first', async () => {
    const { line, column } = await edit(dir, 'projects.yaml', '  - id: red\n', `  - id: ${CARET}asap\n`);
    expect(await onlyError()).toEqual({ code: 'duplicate-id', message: 'id "asap" is already used in projects at projects.yaml:5', hint: 'give each record its own id', at: ['projects.yaml', line, column] });
  });

  it('refuses a reference to no record, with a suggestion or where to add one', async () => {
    const { line, column } = await edit(dir, 'projects.yaml', 'lead_partner: region-blekinge', `lead_partner: ${CARET}region-blekinga`);
    expect(await onlyError()).toEqual({ code: 'unknown-ref', message: '"region-blekinga" is not the id of any record in organisations', hint: "did you mean 'region-blekinge'?", at: ['projects.yaml', line, column] });
    await edit(dir, 'projects.yaml', 'lead_partner: region-blekinga', 'lead_partner: nobody-known-here');
    expect(await onlyError()).toMatchObject({ message: '"nobody-known-here" is not the id of any record in organisations', hint: 'add a record with this id to organisations.yaml' });
  });

  it('reports a reference that also fails its schema once, as the schema error with the reference\'s suggestion', async () => {
    const { line, column } = await edit(dir, 'partner-regions.yaml', 'country: SE', `country: ${CARET}SW`);
    expect(await onlyError()).toMatchObject({ code: 'schema', hint: "did you mean 'SE'?", at: ['partner-regions.yaml', line, column] });
  });
});

describe('a data folder that is not there', () => {
  it('is one error, with no place in a file', async () => {
    const result = await validateDir(join(dir, 'nowhere'));
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.at])).toEqual([['io', undefined]]);
  });
});

describe('valid data', () => {
  it('counts its records and finds the text each language needs', async () => {
    const { schemasDir } = fixtureConfig();
    const collections = await collectionNames(schemasDir);
    const result = validateData(await loadData(dir, collections, dir), await createSchemaValidator(schemasDir, collections, ['ru']));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 23 countries, 5 directions, 3 fields, 14 partner regions, 21 organisations, 13 programmes, 6 projects, 2 initiatives, 5 CIS countries.
    expect(result.records).toBe(92);
    expect(result.translated.get('projects')).toEqual([0, 1, 2, 3, 4, 5].map((i) => `/projects/${i}/title`));
    expect([...result.translated.keys()].sort()).toEqual(['cis-cooperation', 'countries', 'directions', 'initiatives', 'organisations', 'partner-regions', 'programmes', 'projects', 'report']);
  });
});
