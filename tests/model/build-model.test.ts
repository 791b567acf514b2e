// The model computes every figure the outputs show. Expected values are the
// seed's facts, worked out by hand. Each test builds its model: a failure while
// the file loads or in beforeAll is no failed test, and mutation testing
// (npm run mutate) would not count it.
import { beforeEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/build.ts';
import { buildModel, groupByCountry, LEADING_PROJECTS, share } from '../../src/model/build-model.ts';
import type { ReportModel } from '../../src/model/types.ts';
import type { CooperationData } from '../../src/validate/data-types.ts';
import { copyData, edit, removeDir, validateDir } from '../helpers/data-copy.ts';
import { fixtureConfig } from '../helpers/fixture.ts';

async function fixtureData(): Promise<CooperationData> {
  const result = await validate(fixtureConfig());
  if (!result.ok) throw new Error('real data is invalid');
  return result.data;
}

/** The fixture with `change` applied to a copy, validated. */
async function changedData(change: (dir: string) => Promise<unknown>): Promise<CooperationData> {
  const dir = await copyData();
  try {
    await change(dir);
    const result = await validateDir(dir);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    return result.data;
  } finally {
    await removeDir(dir);
  }
}

describe('report model', () => {
  let model: ReportModel;
  const project = (id: string) => model.projects.find((p) => p.id === id)!;
  beforeEach(async () => {
    model = buildModel(await fixtureData());
  });

  it('computes the key figures', () => {
    expect(model.figures).toEqual({
      partnerRegionsStated: 21,
      partnerRegionsNamed: 11,
      partnerCountries: 10,
      plannedContacts: 3,
      directions: 5,
      programmes: 13,
      projects: 6,
      totalBudgetEur: 8_442_362,
    });
  });

  it('resolves project references and computes shares and ranks within the programme', () => {
    const [bsr] = model.fundedProgrammes;
    expect(model.fundedProgrammes).toHaveLength(1);
    expect(bsr!.totalBudgetEur).toBe(8_442_362);
    const interbaltic = project('interbaltic');
    expect(interbaltic.leadPartner.name).toBe('Klaipėda Science and Technology Park');
    expect(interbaltic.leadPartner.country).toEqual({ code: 'LT', name: 'Lithuania' });
    expect(interbaltic.shareOfProgramme).toBeCloseTo(3_129_653 / 8_442_362, 12);
    expect(interbaltic.rankInProgramme).toBe(1);
    expect(interbaltic.programme).toEqual({ id: 'bsr-neighbourhood-2004-2006', name: 'Baltic Sea Region INTERREG III B Neighbourhood Programme 2004–2006', calls: [8, 9], totalBudgetEur: 8_442_362, projectCount: 6 });
    expect(model.projects.map((p) => [p.id, p.rankInProgramme])).toEqual([
      ['asap', 3],
      ['red', 4],
      ['interbaltic', 1],
      ['maritour', 2],
      ['ben-east', 5],
      ['business-matryoshka', 6],
    ]);
    expect(model.projects.reduce((s, p) => s + p.shareOfProgramme, 0)).toBeCloseTo(1, 12);
    expect(project('maritour').leningradPartners.map((o) => o.name)).toEqual(['Kingisepp Municipal District', 'Slantsy Municipal District', 'Vyborg Municipal District']);
  });

  it('keeps the seed spellings where the data has them, and nothing where it has none', () => {
    expect(project('interbaltic')).toMatchObject({ acronym: 'InterBaltic', seed_acronym: 'InterBatlic', seed_title: 'Intermodality and Interoperability in the Baltic Sea Region - InterBatlic' });
    expect(Object.keys(project('asap'))).not.toContain('seed_acronym');
    expect(Object.keys(project('asap'))).not.toContain('seed_title');
  });

  it('lists the programme\'s projects, the largest first, with none left over', () => {
    const [bsr] = model.fundedProgrammes;
    expect(bsr!.leadingProjects.map((p) => p.id)).toEqual(['interbaltic', 'maritour', 'asap', 'red', 'ben-east', 'business-matryoshka']);
    expect(bsr!.otherProjects).toBe(0);
  });

  it('totals budgets by lead-partner country, largest first', () => {
    expect(model.fundedProgrammes[0]!.byLeadCountry.map((c) => [c.country.code, c.projects, c.budgetEur])).toEqual([
      ['DE', 2, 3_666_680],
      ['LT', 1, 3_129_653],
      ['SE', 1, 790_336],
      ['RU', 1, 508_693],
      ['LV', 1, 347_000],
    ]);
    expect(model.fundedProgrammes[0]!.byLeadCountry[0]!.share).toBeCloseTo(3_666_680 / 8_442_362, 12);
  });

  it('counts partners, planned contacts, projects and budgets for each country, zeros included', () => {
    const figures = (code: string) => model.countryFigures.find((c) => c.country.code === code);
    expect(model.countryFigures).toHaveLength(23);
    expect(model.countryFigures[0]!.country).toEqual({ code: 'AM', name: 'Armenia' });
    expect(figures('DE')).toEqual({ country: { code: 'DE', name: 'Germany' }, partnerRegions: 1, plannedContacts: 0, projectsLed: 2, budgetLedEur: 3_666_680 });
    expect(figures('SE')).toMatchObject({ partnerRegions: 2, projectsLed: 1, budgetLedEur: 790_336 });
    expect(figures('CN')).toEqual({ country: { code: 'CN', name: 'China' }, partnerRegions: 0, plannedContacts: 1, projectsLed: 0, budgetLedEur: 0 });
    expect(figures('RU')).toMatchObject({ partnerRegions: 0, projectsLed: 1, budgetLedEur: 508_693 });
  });

  it('groups the named partner regions by country, largest group first, then by name', () => {
    const groups = model.partnersByCountry.map((g) => [g.country.name, g.count]);
    expect(groups[0]).toEqual(['Sweden', 2]);
    expect(model.partnersByCountry[0]!.items.map((r) => r.name)).toEqual(['Södermanland County', 'Värmland County']);
    expect(groups.slice(1).map(([name]) => name)).toEqual(['Belgium', 'Czech Republic', 'Denmark', 'Finland', 'Germany', 'Italy', 'Norway', 'Poland', 'United States']);
    expect(model.plannedContacts.map((r) => r.country.code)).toEqual(['CN', 'KR', 'JP']);
  });

  it('resolves the fields, direction and country of each partner region', () => {
    const southMoravia = model.partnerRegions.find((r) => r.name === 'South Moravian Region')!;
    expect(southMoravia.country).toEqual({ code: 'CZ', name: 'Czech Republic' });
    expect(southMoravia.fields.map((f) => f.name)).toEqual(['Social and economic sphere', 'Culture', 'Youth']);
    expect(southMoravia.direction).toEqual({ id: 'bilateral-ties', name: 'Bilateral ties with friendly foreign territories and constituent entities of the Russian Federation' });
    expect(model.partnerRegions).toHaveLength(14);
    expect(model.plannedContacts.map((r) => r.fields)).toEqual([[], [], []]);
  });

  it('sorts the programmes by kind, and keeps organisations without a country without one', () => {
    expect(Object.fromEntries(Object.entries(model.programmesByKind).map(([kind, list]) => [kind, list.length]))).toEqual({
      'technical-assistance': 7,
      investment: 4,
      federal: 1,
      transnational: 1,
    });
    expect(model.programmesByKind.federal.map((p) => p.id)).toEqual(['border-cooperation-concept']);
    const tacis = model.programmes.find((p) => p.id === 'tacis')!;
    expect(tacis).toMatchObject({ funder: { id: 'european-union', name: 'European Union' }, countries: [], participants: [], projects: [], totalBudgetEur: 0, byLeadCountry: [] });
    expect(Object.keys(tacis)).not.toContain('direction');
    const bsr = model.programmes.find((p) => p.id === 'bsr-neighbourhood-2004-2006')!;
    expect(bsr.direction).toMatchObject({ id: 'eu-strategic-partnership' });
    expect(bsr.participants.find((p) => p.country.code === 'DE')).toMatchObject({ country: { code: 'DE', name: 'Germany' }, scope: 'North-eastern Länder', regions: [] });
    expect(bsr.participants.find((p) => p.country.code === 'BY')!.regions.map((r) => r.name)).toEqual(['Minsk Region', 'Grodno Region', 'Brest Region', 'Vitebsk Region']);
    const eu = model.organisations.find((o) => o.id === 'european-union')!;
    expect(Object.keys(eu)).not.toContain('country');
    expect(model.organisations.find((o) => o.id === 'region-blekinge')!.country).toEqual({ code: 'SE', name: 'Sweden' });
  });

  it('resolves the CIS countries and the initiatives', () => {
    expect(model.cis.map((c) => [c.country.name, c.status])).toEqual([
      ['Belarus', 'active'],
      ['Ukraine', 'active'],
      ['Armenia', 'active'],
      ['Azerbaijan', 'under-consideration'],
      ['Kyrgyzstan', 'under-consideration'],
    ]);
    const [policy, northern] = model.initiatives;
    expect(policy).toMatchObject({ id: 'european-neighbourhood-policy', initiatedBy: { id: 'european-union' }, countries: [], organisations: [], direction: { id: 'eu-strategic-partnership' } });
    expect(northern!.countries.map((c) => c.name)).toEqual(['Denmark', 'Finland', 'Sweden']);
    expect(northern!.organisations.map((o) => o.id)).toEqual(['nordic-investment-bank', 'ndep-support-fund']);
    expect(Object.keys(northern!)).not.toContain('initiatedBy');
  });

  it('passes the report, directions, countries and fields of cooperation through', () => {
    expect(model.report.region.name).toBe('Leningrad Oblast');
    expect(model.directions).toHaveLength(5);
    expect(model.countries).toHaveLength(23);
    expect(model.countries[6]).toEqual({ code: 'DE', name: 'Germany' });
    expect(model.fieldsOfCooperation.map((f) => f.id)).toEqual(['social-economic', 'cultural', 'youth']);
    expect(model.asiaOutlook).toMatchObject({ year: 2006, occasion: 'Year of China in Russia' });
    expect(model.purposesOfMostProgrammes.slice(0, 2)).toEqual(['Economic development of the region', 'Improvements in the everyday life of its population']);
  });

  it('groups and shares handle empty input', () => {
    expect(groupByCountry([])).toEqual([]);
    expect(share(5, 0)).toBe(0);
    expect(share(1, 4)).toBe(0.25);
  });

  it('orders names the way the language reads them', () => {
    const items = ['Österreich', 'Zypern', 'Ägypten'].map((name, i) => ({ country: { code: ['AT', 'CY', 'EG'][i]!, name } as never }));
    expect(groupByCountry(items, 'de').map((g) => g.country.name)).toEqual(['Ägypten', 'Österreich', 'Zypern']);
    expect(groupByCountry(items).map((g) => g.country.name)).toEqual(['Ägypten', 'Österreich', 'Zypern']);
    expect(groupByCountry(items, 'sv').map((g) => g.country.name)).toEqual(['Zypern', 'Ägypten', 'Österreich']);
  });

  it.each([
    ['country', (d: CooperationData) => ({ ...d, countries: { ...d.countries, countries: d.countries.countries.filter((c) => c.code !== 'DE') } }), 'DE'],
    ['organisation', (d: CooperationData) => ({ ...d, organisations: { ...d.organisations, organisations: d.organisations.organisations.filter((o) => o.id !== 'region-blekinge') } }), 'region-blekinge'],
    ['field', (d: CooperationData) => ({ ...d, 'partner-regions': { ...d['partner-regions'], fields_of_cooperation: d['partner-regions'].fields_of_cooperation.filter((f) => f.id !== 'youth') } }), 'youth'],
    ['direction', (d: CooperationData) => ({ ...d, directions: { ...d.directions, directions: d.directions.directions.filter((x) => x.id !== 'asia') } }), 'asia'],
  ])('calls a %s reference validation let through a bug, naming it', async (what, breakData, id) => {
    const broken = breakData(await fixtureData());
    expect(() => buildModel(broken)).toThrow(`model: unknown ${what} "${id}" passed validation`);
  });
});

describe('a programme with more projects than a summary lists', () => {
  it(`lists the ${LEADING_PROJECTS} largest and counts the rest`, async () => {
    // Eight more projects in the Baltic Sea Region programme, of 1,000 to 8,000 EUR: fourteen in all.
    const extra = Array.from({ length: 8 }, (_, i) => `  - id: extra-${i + 1}\n    acronym: EXTRA${i + 1}\n    title: Extra project ${i + 1}\n    title_ru: "Дополнительный проект ${i + 1}"\n    programme: bsr-neighbourhood-2004-2006\n    leningrad_partners: [gatchina-district]\n    lead_partner: region-blekinge\n    budget_eur: ${(i + 1) * 1000}\n`).join('');
    const data = await changedData((dir) => edit(dir, 'projects.yaml', /$/, `\n${extra}`));
    const [bsr] = buildModel(data).fundedProgrammes;
    expect(LEADING_PROJECTS).toBe(12);
    expect(bsr!.projects).toHaveLength(14);
    expect(bsr!.leadingProjects.map((p) => p.id)).toEqual([
      'interbaltic', 'maritour', 'asap', 'red', 'ben-east', 'business-matryoshka',
      'extra-8', 'extra-7', 'extra-6', 'extra-5', 'extra-4', 'extra-3',
    ]);
    expect(bsr!.otherProjects).toBe(2);
    expect(bsr!.totalBudgetEur).toBe(8_442_362 + 36_000);
  });
});

describe('a model with two funded programmes', () => {
  // The seed has one funded programme, where a project's share of its programme
  // and of all projects are the same number. Moving RED and BEN-EAST to Interreg
  // tells them apart: 790,336 + 508,693 = 1,299,029 there, and 7,143,333 left
  // in the Baltic Sea Region programme, of 8,442,362 in all.
  let two: ReportModel;
  const project = (id: string) => two.projects.find((p) => p.id === id)!;
  beforeEach(async () => {
    const data = await changedData(async (dir) => {
      for (const id of ['red', 'ben-east']) {
        await edit(dir, 'projects.yaml', new RegExp(`(- id: ${id}\\n[\\s\\S]*?programme: )bsr-neighbourhood-2004-2006`), '$1interreg');
      }
    });
    two = buildModel(data);
  });

  it('shares each budget of all projects and of its own programme', () => {
    expect(two.figures.totalBudgetEur).toBe(8_442_362);
    expect(two.fundedProgrammes.map((p) => [p.id, p.totalBudgetEur, p.projects.length])).toEqual([
      ['interreg', 1_299_029, 2],
      ['bsr-neighbourhood-2004-2006', 7_143_333, 4],
    ]);
    expect(project('red').shareOfTotal).toBeCloseTo(790_336 / 8_442_362, 12);
    expect(project('red').shareOfProgramme).toBeCloseTo(790_336 / 1_299_029, 12);
    expect(project('ben-east').shareOfTotal).toBeCloseTo(508_693 / 8_442_362, 12);
    expect(project('interbaltic').shareOfTotal).toBeCloseTo(3_129_653 / 8_442_362, 12);
    expect(project('interbaltic').shareOfProgramme).toBeCloseTo(3_129_653 / 7_143_333, 12);
    expect(two.projects.reduce((s, p) => s + p.shareOfTotal, 0)).toBeCloseTo(1, 12);
  });

  it('ranks and totals by lead country within each programme', () => {
    expect([project('red').rankInProgramme, project('ben-east').rankInProgramme, project('business-matryoshka').rankInProgramme]).toEqual([1, 2, 4]);
    expect(project('red').programme).toEqual({ id: 'interreg', name: 'Interreg', calls: [], totalBudgetEur: 1_299_029, projectCount: 2 });
    const interreg = two.fundedProgrammes[0]!;
    expect(interreg.byLeadCountry.map((c) => [c.country.code, c.projects, c.budgetEur])).toEqual([
      ['SE', 1, 790_336],
      ['RU', 1, 508_693],
    ]);
    expect(interreg.byLeadCountry[0]!.share).toBeCloseTo(790_336 / 1_299_029, 12);
  });
});
