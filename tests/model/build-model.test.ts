// The model computes every figure the outputs show.
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/build.ts';
import { buildModel, groupByCountry, share } from '../../src/model/build-model.ts';
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
