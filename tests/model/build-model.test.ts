// The model computes every figure the outputs show.
import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/build.ts';
import { buildModel, groupByCountry, share } from '../../src/model/build-model.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { copyData, edit, removeDir, validateDir } from '../helpers/data-copy.ts';
import { fixtureConfig } from '../helpers/fixture.ts';

const result = await validate(fixtureConfig());
if (!result.ok) throw new Error('real data is invalid');
const model = buildModel(result.data);

describe('report model', () => {
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
    const interbaltic = model.projects.find((p) => p.id === 'interbaltic')!;
    expect(interbaltic.leadPartner.name).toBe('Klaipėda Science and Technology Park');
    expect(interbaltic.leadPartner.country).toEqual({ code: 'LT', name: 'Lithuania' });
    expect(interbaltic.shareOfProgramme).toBeCloseTo(3_129_653 / 8_442_362, 12);
    expect(interbaltic.rankInProgramme).toBe(1);
    expect(model.projects.find((p) => p.id === 'business-matryoshka')!.rankInProgramme).toBe(6);
    expect(model.projects.reduce((s, p) => s + p.shareOfProgramme, 0)).toBeCloseTo(1, 12);
    expect(model.projects.find((p) => p.id === 'maritour')!.leningradPartners.map((o) => o.name)).toEqual([
      'Kingisepp Municipal District',
      'Slantsy Municipal District',
      'Vyborg Municipal District',
    ]);
  });

  it('totals budgets by lead-partner country, largest first', () => {
    expect(model.fundedProgrammes[0]!.byLeadCountry.map((c) => [c.country.code, c.projects, c.budgetEur])).toEqual([
      ['DE', 2, 3_666_680],
      ['LT', 1, 3_129_653],
      ['SE', 1, 790_336],
      ['RU', 1, 508_693],
      ['LV', 1, 347_000],
    ]);
  });

  it('groups the named partner regions by country, largest group first, then by name', () => {
    const groups = model.partnersByCountry.map((g) => [g.country.name, g.count]);
    expect(groups[0]).toEqual(['Sweden', 2]);
    expect(groups.slice(1).map(([name]) => name)).toEqual([
      'Belgium',
      'Czech Republic',
      'Denmark',
      'Finland',
      'Germany',
      'Italy',
      'Norway',
      'Poland',
      'United States',
    ]);
    expect(model.plannedContacts.map((r) => r.country.code)).toEqual(['CN', 'KR', 'JP']);
  });

  it('groups and shares handle empty input', () => {
    expect(groupByCountry([])).toEqual([]);
    expect(share(5, 0)).toBe(0);
  });
});

describe('a model with two funded programmes', () => {
  // The seed has one funded programme, where a project's share of its programme
  // and of all projects are the same number. Moving RED and BEN-EAST to Interreg
  // tells them apart: 790,336 + 508,693 = 1,299,029 there, and 7,143,333 left
  // in the Baltic Sea Region programme, of 8,442,362 in all.
  let two: ReportModel;
  const project = (id: string) => two.projects.find((p) => p.id === id)!;
  beforeAll(async () => {
    const dir = await copyData();
    try {
      for (const id of ['red', 'ben-east']) {
        await edit(dir, 'projects.yaml', new RegExp(`(- id: ${id}\\n[\\s\\S]*?programme: )bsr-neighbourhood-2004-2006`), '$1interreg');
      }
      const result = await validateDir(dir);
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
      two = buildModel(result.data);
    } finally {
      await removeDir(dir);
    }
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
    expect(project('red').programme).toMatchObject({ id: 'interreg', totalBudgetEur: 1_299_029, projectCount: 2 });
    const interreg = two.fundedProgrammes[0]!;
    expect(interreg.byLeadCountry.map((c) => [c.country.code, c.projects, c.budgetEur])).toEqual([
      ['SE', 1, 790_336],
      ['RU', 1, 508_693],
    ]);
    expect(interreg.byLeadCountry[0]!.share).toBeCloseTo(790_336 / 1_299_029, 12);
  });
});
