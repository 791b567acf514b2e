// A data set of any size for the benchmark: the real data/ with projects, their
// organisations, funded programmes, partner regions and countries scaled up in
// proportion. Seeded, so one size always gives the same bytes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import countryNames from 'i18n-iso-countries';
import { Document, isScalar, parse, visit } from 'yaml';
import { PROJECT_ROOT } from '../config.ts';
import { collectionNames } from '../load/data-set.ts';
import type { CooperationData, CountryCode, Organisation, PartnerRegion, Programme, Project } from '../validate/data-types.ts';

/** Budgets are log-uniform between these, like the real ones (347,000 to 3.1 million). */
const BUDGET_EUR = [150_000, 4_000_000] as const;
const PROJECTS_PER_PROGRAMME = 200;
const PROJECTS_PER_ORGANISATION = 2;
/** Share of the organisations that are regional partners; the rest lead projects abroad. */
const REGIONAL_SHARE = 0.4;
const PROJECTS_PER_PARTNER_REGION = 20;
const PROJECTS_PER_EXTRA_COUNTRY = 100;
/** The schema's cap on the stated total of partner regions. */
const MAX_STATED_TOTAL = 1000;

// Countries added as the data grows, most plausible partners first. European ones
// may hold partner regions (they fall on the brief's map), Asian ones planned contacts.
const EUROPE = ['AT', 'FR', 'NL', 'HU', 'SK', 'SI', 'ES', 'PT', 'IE', 'IS', 'CH', 'HR', 'RO', 'BG', 'GR', 'LU', 'RS', 'MD', 'GE', 'CY', 'MT', 'AL', 'BA', 'ME', 'MK', 'TR'];
const ASIA = ['MN', 'VN', 'IN', 'KZ', 'UZ', 'TH', 'SG', 'MY', 'ID', 'IL'];
const ELSEWHERE = ['CA', 'AU', 'NZ', 'BR', 'AR', 'MX', 'CL', 'ZA', 'EG', 'MA', 'TN', 'AE'];
const PARTNER_COUNTRIES = new Set(['BE', 'CZ', 'DE', 'DK', 'EE', 'FI', 'GB', 'IT', 'LT', 'LV', 'NO', 'PL', 'SE', ...EUROPE]);
const PLANNED_COUNTRIES = new Set(['CN', 'JP', 'KR', ...ASIA]);
const REGION_KIND: Partial<Record<string, PartnerRegion['kind']>> = {
  DE: 'federal-state', AT: 'federal-state', PL: 'voivodeship', SE: 'county', NO: 'county', DK: 'county', IE: 'county', HU: 'county',
  FI: 'province', BE: 'province', NL: 'province', ES: 'province', JP: 'prefecture', US: 'state', KZ: 'oblast', UZ: 'province',
};
const KIND_WORD: Record<PartnerRegion['kind'], string> = {
  region: 'Region', county: 'County', voivodeship: 'Voivodeship', province: 'Province', state: 'State', 'federal-state': 'Land', prefecture: 'Prefecture', oblast: 'Oblast',
};

const SYLLABLES = ['al', 'ber', 'dan', 'ek', 'fal', 'gor', 'hal', 'is', 'jar', 'kal', 'lin', 'mar', 'nor', 'ost', 'pel', 'rav', 'sol', 'tor', 'ul', 'var', 'wes', 'zan', 'bro', 'kes', 'lun', 'mir', 'nev', 'sig', 'tal', 'vik'];
const THEMES = ['Sustainable Development', 'Maritime Tourism Marketing', 'Innovation Support', 'Water Management', 'Rural Development', 'Transport Logistics', 'Energy Efficiency', 'Cultural Heritage', 'Small Business Support', 'Spatial Planning', 'Coastal Zone Management', 'Youth Exchange', 'Public Health Networks', 'Waste Management', 'Local Administration Reform'];
const SETTINGS = ['of Small Towns', 'in Rural Areas', 'of Coastal Zones', 'in Border Regions', 'of Port Cities', 'along Inland Waterways', 'in Remote Areas', 'of Historic Towns'];
const COMMITTEES = ['Economic Development', 'Tourism', 'Agriculture', 'Transport', 'Natural Resources', 'Culture', 'Education', 'Health Care'];

type Kind = Organisation['kind'];
const REGIONAL_NAMES: [Kind, (place: string, region: string, random: Random) => string][] = [
  ['municipality', (p) => `${p} Municipal District`],
  ['regional-government', (p, r, random) => `Committee for ${random.pick(COMMITTEES)} of ${r}, ${p} Branch`],
  ['association', (p) => `${p} Union of Entrepreneurs`],
  ['agency', (p, r) => `${r} Centre for Business Support, ${p} Office`],
];
const LEAD_NAMES: [Kind, (place: string) => string][] = [
  ['regional-government', (p) => `Region ${p}`],
  ['local-government', (p) => `${p} District`],
  ['agency', (p) => `${p} Science and Technology Park`],
  ['foundation', (p) => `${p} Regional Development Foundation`],
  ['association', (p) => `${p} Chamber of Commerce`],
];

export async function writeSyntheticData(dir: string, projects: number): Promise<void> {
  if (!Number.isInteger(projects) || projects < 1) throw new Error(`projects must be a positive integer, got ${projects}`);
  const data = synthesise(await readRealData(), projects);
  await mkdir(dir, { recursive: true });
  for (const [collection, value] of Object.entries(data)) {
    await writeFile(join(dir, `${collection}.yaml`), toYaml(value, `Synthetic data for the benchmark: ${projects} projects, scaled up from data/${collection}.yaml.`));
  }
}

async function readRealData(): Promise<CooperationData> {
  const collections = await collectionNames(join(PROJECT_ROOT, 'schemas'));
  const entries = await Promise.all(
    collections.map(async (c) => [c, parse(await readFile(join(PROJECT_ROOT, 'data', `${c}.yaml`), 'utf8'), { version: '1.2' })] as const),
  );
  return Object.fromEntries(entries) as unknown as CooperationData;
}

function synthesise(real: CooperationData, projects: number): CooperationData {
  const random = seeded(0x5eed ^ projects);
  const names = placeNames(random);
  const region = real.report.report.region;

  const extra = [...EUROPE, ...ASIA, ...ELSEWHERE].slice(0, Math.round(projects / PROJECTS_PER_EXTRA_COUNTRY));
  const countries = [...real.countries.countries, ...extra.map((code) => ({ code: code as CountryCode, name: countryName(code), name_ru: countryName(code) }))].sort((a, b) =>
    a.code < b.code ? -1 : 1,
  );
  const codes = countries.map((c) => c.code);
  const abroad = codes.filter((c) => c !== region.country);

  // Organisations: the real ones, then regional partners and foreign lead partners.
  const realOrgs = real.organisations.organisations;
  const leadIds = new Set(real.projects.projects.map((p) => p.lead_partner));
  const added = Math.max(0, Math.round(projects / PROJECTS_PER_ORGANISATION) - realOrgs.length);
  const regionalCount = Math.round(added * REGIONAL_SHARE);
  const generated: Organisation[] = Array.from({ length: added }, (_, i) => {
    const place = names.next();
    if (i < regionalCount) {
      const [kind, name] = random.pick(REGIONAL_NAMES);
      return { id: `${slug(place)}-${kind}-${i + 1}`, ...inRussianToo('name', name(place, region.name, random)), kind, country: region.country };
    }
    const [kind, name] = random.pick(LEAD_NAMES);
    return { id: `${slug(place)}-${kind}-${i + 1}`, ...inRussianToo('name', name(place)), kind, country: random.pick(abroad) };
  });
  const regionalPartners = [...realOrgs.filter((o) => o.country === region.country && !leadIds.has(o.id)), ...generated.slice(0, regionalCount)].map((o) => o.id);
  const leadPartners = [...realOrgs.filter((o) => leadIds.has(o.id)), ...generated.slice(regionalCount)].map((o) => o.id);

  // Funded programmes: the real one, then copies of it under other names and calls.
  const funded = real.programmes.programmes.filter((p) => real.projects.projects.some((x) => x.programme === p.id));
  const template = funded[0]!;
  const copies: Programme[] = Array.from({ length: Math.max(0, Math.round(projects / PROJECTS_PER_PROGRAMME) - funded.length) }, (_, i) => {
    const { seed_name: _seed, ...rest } = structuredClone(template);
    const place = names.next();
    const start = 2000 + random.int(7);
    const call = 1 + random.int(98);
    return { ...rest, id: `${slug(place)}-neighbourhood-${i + 2}`, name: `${place} Neighbourhood Programme ${start}–${start + 2}`, period: { start, end: start + 2 }, calls: [call, call + 1] };
  });
  const programmeIds = [...funded, ...copies].map((p) => p.id);

  const projectList: Project[] = Array.from({ length: projects }, (_, i) => {
    const acronym = acronymOf(random, names.next());
    const theme = `${random.pick(THEMES)} ${random.pick(SETTINGS)}`;
    // Some titles end with the acronym after a dash, which the source spells as a hyphen.
    const dashed = random.next() < 0.1;
    const title = dashed ? `${theme} – ${acronym}` : `${theme} in the Baltic Sea Region`;
    return {
      id: `${slug(acronym)}-${i + 1}`,
      acronym,
      ...inRussianToo('title', title),
      ...(dashed ? { seed_title: `${theme}-${acronym}` } : {}),
      programme: random.pick(programmeIds),
      leningrad_partners: random.sample(regionalPartners, 1 + random.int(3)),
      lead_partner: random.pick(leadPartners),
      budget_eur: Math.round(BUDGET_EUR[0] * (BUDGET_EUR[1] / BUDGET_EUR[0]) ** random.next()),
    };
  });

  return {
    ...real,
    report: { report: { ...real.report.report, source: { ...real.report.report.source, note: `Synthetic data of ${projects} projects for the benchmark, generated from this source's data.` } } },
    countries: { countries },
    organisations: { organisations: [...realOrgs, ...generated] },
    programmes: { ...real.programmes, programmes: [...real.programmes.programmes, ...copies] },
    projects: { projects: projectList },
    'partner-regions': partnerRegions(real, projects, codes, random, names),
  };
}

function partnerRegions(real: CooperationData, projects: number, codes: readonly string[], random: Random, names: PlaceNames): CooperationData['partner-regions'] {
  const { regions, stated_total: stated, fields_of_cooperation: fields, asia_outlook: outlook } = real['partner-regions'];
  const realNamed = regions.filter((r) => r.status === 'partner').length;
  const named = Math.min(MAX_STATED_TOTAL, Math.max(realNamed, Math.round(projects / PROJECTS_PER_PARTNER_REGION)));
  const planned = Math.max(regions.length - realNamed, Math.round(named / 5));
  const fieldIds = fields.map((f) => f.id);
  const region = (status: PartnerRegion['status'], pool: string[], i: number): PartnerRegion => {
    const place = names.next();
    const country = random.pick(pool) as CountryCode;
    const kind = REGION_KIND[country] ?? 'region';
    const common = { id: `${slug(place)}-${kind}-${i + 1}`, ...inRussianToo('name', `${place} ${KIND_WORD[kind]}`), country, kind, status };
    return status === 'partner'
      ? { ...common, direction: 'bilateral-ties', fields: fieldIds.filter((_, j) => j === 0 || random.next() < 0.6) }
      : { ...common, direction: 'asia', planned_for: outlook.year };
  };
  const partnerPool = codes.filter((c) => PARTNER_COUNTRIES.has(c));
  const plannedPool = codes.filter((c) => PLANNED_COUNTRIES.has(c));
  const addedNamed = Array.from({ length: named - realNamed }, (_, i) => region('partner', partnerPool, i));
  const addedPlanned = Array.from({ length: planned - (regions.length - realNamed) }, (_, i) => region('planned', plannedPool, named + i));
  return {
    ...real['partner-regions'],
    // The real ratio of stated to named partners, within the schema's cap.
    stated_total: Math.min(MAX_STATED_TOTAL, Math.max(stated, Math.round((named * stated) / realNamed))),
    regions: [...regions, ...addedNamed, ...addedPlanned],
  };
}

interface Random {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** `k` distinct items, in the order drawn. */
  sample<T>(items: readonly T[], k: number): T[];
}

/** mulberry32: small, fast and the same everywhere. */
function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    sample: (items, k) => {
      const chosen = new Set<(typeof items)[number]>();
      while (chosen.size < Math.min(k, items.length)) chosen.add(items[int(items.length)]!);
      return [...chosen];
    },
  };
}

interface PlaceNames {
  next(): string;
}

/** Invented place names of two or three syllables, e.g. "Kalvik". */
function placeNames(random: Random): PlaceNames {
  return {
    next: () => {
      const word = Array.from({ length: 2 + random.int(2) }, () => random.pick(SYLLABLES)).join('');
      return word[0]!.toUpperCase() + word.slice(1);
    },
  };
}

function acronymOf(random: Random, place: string): string {
  const word = place.toUpperCase();
  return random.next() < 0.3 ? `${word}-${random.pick(['NET', 'EAST', 'LINK', 'BALT'])}` : word;
}

/**
 * The text and its Russian sibling, which every language of the catalogue
 * needs. The English words stand in for it: the benchmark measures, nobody reads.
 */
function inRussianToo<Field extends string>(field: Field, text: string): Record<Field | `${Field}_ru`, string> {
  return { [field]: text, [`${field}_ru`]: text } as Record<Field | `${Field}_ru`, string>;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function countryName(code: string): string {
  const name = countryNames.getName(code, 'en');
  if (!name) throw new Error(`no English name for country ${code}`);
  return name;
}

/** Short lists of plain values in flow style, as the real files write them; no anchors. */
function toYaml(value: unknown, comment: string): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  doc.commentBefore = ` ${comment}`;
  visit(doc, {
    Seq: (_, node) => {
      if (node.items.every((item) => isScalar(item) && String(item.value).length <= 64)) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
