// Typed data -> the report model: references resolved, totals, shares, ranks
// and groupings computed once, here, where they can be unit-tested.
import type { CooperationData } from '../validate/data-types.ts';
import type { CountryFigures, CountryGroup, CountryRef, LeadCountryTotal, Organisation, PartnerRegion, Programme, Project, ReportModel } from './types.ts';

/** A summary lists this many projects per programme; the programme's own brief lists them all. */
export const LEADING_PROJECTS = 12;

/** `locale` orders names the way its readers expect (the data is already in that language). */
export function buildModel(data: CooperationData, locale = 'en'): ReportModel {
  const countries = new Map(data.countries.countries.map((c) => [c.code, { code: c.code, name: c.name }]));
  const country = (code: string): CountryRef => lookup(countries, code, 'country');
  const directions = new Map(data.directions.directions.map((d) => [d.id, { id: d.id, name: d.name }]));
  const fields = new Map(data['partner-regions'].fields_of_cooperation.map((f) => [f.id, { id: f.id, name: f.name }]));

  const organisations: Organisation[] = data.organisations.organisations.map(({ country: code, ...o }) => ({
    ...o,
    ...(code ? { country: country(code) } : {}),
  }));
  const organisation = byId(organisations, 'organisation');

  const partnerRegions = data['partner-regions'].regions.map(({ country: code, fields: ids, direction, ...r }) => ({
    ...r,
    country: country(code),
    fields: (ids ?? []).map((id) => lookup(fields, id, 'field')),
    direction: lookup(directions, direction, 'direction'),
  }));
  const named = partnerRegions.filter((r) => r.status === 'partner');

  const grandTotal = sum(data.projects.projects.map((p) => p.budget_eur));
  const projectsByProgramme = new Map<string, CooperationData['projects']['projects']>();
  for (const p of data.projects.projects) {
    const list = projectsByProgramme.get(p.programme);
    if (list) list.push(p);
    else projectsByProgramme.set(p.programme, [p]);
  }

  const programmes: Programme[] = data.programmes.programmes.map(({ countries: codes, funder, participants, direction, ...p }) => {
    const raw = projectsByProgramme.get(p.id) ?? [];
    const totalBudgetEur = sum(raw.map((x) => x.budget_eur));
    const rank = new Map([...raw].sort((a, b) => b.budget_eur - a.budget_eur).map((x, i) => [x, i + 1]));
    const projects: Project[] = raw.map((x) => {
      const lead = organisation(x.lead_partner);
      return {
        id: x.id,
        acronym: x.acronym,
        ...(x.seed_acronym ? { seed_acronym: x.seed_acronym } : {}),
        title: x.title,
        ...(x.seed_title ? { seed_title: x.seed_title } : {}),
        programme: { id: p.id, name: p.name, calls: p.calls ?? [], totalBudgetEur, projectCount: raw.length },
        leningradPartners: x.leningrad_partners.map(organisation),
        // Validation guarantees lead partners have a country (consistency rules).
        leadPartner: { ...lead, country: lead.country! },
        budgetEur: x.budget_eur,
        shareOfProgramme: share(x.budget_eur, totalBudgetEur),
        shareOfTotal: share(x.budget_eur, grandTotal),
        rankInProgramme: rank.get(x)!,
      };
    });
    return {
      ...p,
      countries: (codes ?? []).map(country),
      ...(funder ? { funder: organisation(funder) } : {}),
      participants: (participants ?? []).map(({ country: code, regions, ...rest }) => ({ ...rest, country: country(code), regions: regions ?? [] })),
      ...(direction ? { direction: lookup(directions, direction, 'direction') } : {}),
      projects,
      leadingProjects: [...projects].sort((a, b) => a.rankInProgramme - b.rankInProgramme).slice(0, LEADING_PROJECTS),
      otherProjects: Math.max(0, projects.length - LEADING_PROJECTS),
      totalBudgetEur,
      byLeadCountry: leadCountryTotals(projects, totalBudgetEur, locale),
    };
  });

  const projects = programmes.flatMap((p) => p.projects);
  const programmesByKind = {
    'technical-assistance': programmes.filter((p) => p.kind === 'technical-assistance'),
    investment: programmes.filter((p) => p.kind === 'investment'),
    federal: programmes.filter((p) => p.kind === 'federal'),
    transnational: programmes.filter((p) => p.kind === 'transnational'),
  };

  return {
    report: data.report.report,
    figures: {
      partnerRegionsStated: data['partner-regions'].stated_total,
      partnerRegionsNamed: named.length,
      partnerCountries: new Set(named.map((r) => r.country.code)).size,
      plannedContacts: partnerRegions.length - named.length,
      directions: data.directions.directions.length,
      programmes: programmes.length,
      projects: projects.length,
      totalBudgetEur: grandTotal,
    },
    directions: data.directions.directions,
    countries: [...countries.values()],
    countryFigures: [...countries.values()].map((c) => countryFigures(c, partnerRegions, projects)),
    fieldsOfCooperation: data['partner-regions'].fields_of_cooperation,
    partnerRegions,
    partnersByCountry: groupByCountry(named, locale),
    plannedContacts: partnerRegions.filter((r) => r.status === 'planned'),
    asiaOutlook: data['partner-regions'].asia_outlook,
    cis: data['cis-cooperation'].countries.map(({ country: code, ...c }) => ({ ...c, country: country(code) })),
    initiatives: data.initiatives.initiatives.map(({ countries: codes, organisations: ids, initiated_by, direction, ...i }) => ({
      ...i,
      countries: (codes ?? []).map(country),
      organisations: (ids ?? []).map(organisation),
      ...(initiated_by ? { initiatedBy: organisation(initiated_by) } : {}),
      direction: lookup(directions, direction, 'direction'),
    })),
    purposesOfMostProgrammes: data.programmes.purposes_of_most_programmes,
    programmes,
    programmesByKind,
    fundedProgrammes: programmes.filter((p) => p.projects.length > 0),
    projects,
    organisations,
  };
}

/** Largest group first; ties by country name, so the order never depends on the input's. */
export function groupByCountry<T extends { country: CountryRef }>(items: readonly T[], locale = 'en'): CountryGroup<T>[] {
  const groups = new Map<string, CountryGroup<T>>();
  for (const item of items) {
    const group = groups.get(item.country.code) ?? { country: item.country, items: [], count: 0 };
    group.items.push(item);
    group.count += 1;
    groups.set(item.country.code, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.country.name.localeCompare(b.country.name, locale));
}

function countryFigures(country: CountryRef, regions: readonly PartnerRegion[], projects: readonly Project[]): CountryFigures {
  const here = regions.filter((r) => r.country.code === country.code);
  const led = projects.filter((p) => p.leadPartner.country.code === country.code);
  return {
    country,
    partnerRegions: here.filter((r) => r.status === 'partner').length,
    plannedContacts: here.filter((r) => r.status === 'planned').length,
    projectsLed: led.length,
    budgetLedEur: sum(led.map((p) => p.budgetEur)),
  };
}

function leadCountryTotals(projects: readonly Project[], total: number, locale: string): LeadCountryTotal[] {
  return groupByCountry(projects.map((p) => ({ country: p.leadPartner.country, budgetEur: p.budgetEur })), locale)
    .map((g) => {
      const budgetEur = sum(g.items.map((i) => i.budgetEur));
      return { country: g.country, projects: g.count, budgetEur, share: share(budgetEur, total) };
    })
    .sort((a, b) => b.budgetEur - a.budgetEur || a.country.name.localeCompare(b.country.name, locale));
}

export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function byId<T extends { id: string }>(items: readonly T[], what: string): (id: string) => T {
  const map = new Map(items.map((i) => [i.id, i]));
  return (id) => lookup(map, id, what);
}

/** Validation has checked every reference; a miss here is a bug, not a data error. */
function lookup<V>(map: ReadonlyMap<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`model: unknown ${what} "${key}" passed validation`);
  return value;
}
