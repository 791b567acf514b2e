// Edge cases of the data, made from a copy of data/ as an editor would make
// them: a seventh project led from the Netherlands, very long names and titles,
// one project, fifty projects, and optional fields left out (source
// spellings, notes, funders of technical assistance).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { copyData } from '../helpers/data-copy.ts';

type Doc = Record<string, unknown>;
type Item = Record<string, unknown>;

export const EDGE_CASES = ['seventh', 'long', 'one', 'fifty', 'sparse'] as const;
export type EdgeCase = (typeof EDGE_CASES)[number];

/** A copy of data/ with the edge case applied; the caller removes it. */
export async function edgeData(edge: EdgeCase): Promise<string> {
  const dir = await copyData();
  const file = async (name: string, change: (doc: Doc) => void) => {
    const path = join(dir, `${name}.yaml`);
    const doc = parse(await readFile(path, 'utf8')) as Doc;
    change(doc);
    await writeFile(path, stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }));
  };
  const list = (doc: Doc, key: string) => doc[key] as Item[];

  switch (edge) {
    case 'seventh':
      await file('countries', (d) => list(d, 'countries').push({ code: 'NL', name: 'Netherlands', name_ru: 'Нидерланды' }));
      await file('organisations', (d) =>
        list(d, 'organisations').push({ id: 'groningen-seaports', name: 'Groningen Seaports', name_ru: 'Порты Гронингена', kind: 'agency', country: 'NL' }),
      );
      await file('projects', (d) =>
        list(d, 'projects').push({
          id: 'seaports',
          acronym: 'SEAPORTS-BALTIC-LOGISTICS',
          title: 'Development of Sustainable Seaport Logistics in the South-Eastern Baltic',
          title_ru: 'Развитие устойчивой портовой логистики в юго-восточной части Балтийского моря',
          programme: 'bsr-neighbourhood-2004-2006',
          leningrad_partners: ['kingisepp-district'],
          lead_partner: 'groningen-seaports',
          budget_eur: 912_345,
        }),
      );
      break;
    case 'long':
      await file('projects', (d) => {
        const project = list(d, 'projects')[0]!;
        project.title = `${String(project.title)}: Strengthening Intermunicipal Cooperation, Institutional Capacity-Building and Knowledge Transfer between Administrations of Peripheral Regions`;
        project.title_ru = `${String(project.title_ru)}: укрепление межмуниципального сотрудничества, институциональное развитие и передача знаний между администрациями периферийных регионов`;
      });
      await file('organisations', (d) => {
        const named = (id: string) => list(d, 'organisations').find((o) => o.id === id)!;
        Object.assign(named('ludwigslust-district'), {
          name: 'Administration of the Ludwigslust District, Department for Regional Development, Structural Policy and Internationalisation',
          name_ru: 'Администрация района Людвигслуст, управление регионального развития, структурной политики и интернационализации',
        });
        Object.assign(named('kingisepp-district'), {
          name: 'Administration of the Kingisepp Municipal District, Committee for Economic Development and Investment Activity',
          name_ru: 'Администрация Кингисеппского муниципального района, комитет по экономическому развитию и инвестиционной деятельности',
        });
      });
      await file('partner-regions', (d) => {
        const region = list(d, 'regions')[0]!;
        region.name = 'South Moravian Region, Regional Authority Department for Regional Development and International Relations';
        region.name_ru = 'Южноморавский край, отдел регионального развития и международных отношений краевой администрации';
      });
      break;
    case 'one':
      await file('projects', (d) => {
        d.projects = list(d, 'projects').slice(0, 1);
      });
      break;
    case 'fifty':
      await file('projects', (d) => {
        const base = list(d, 'projects');
        d.projects = Array.from({ length: 50 }, (_, i) => {
          const model = base[i % base.length]!;
          const n = String(i + 1).padStart(2, '0');
          return {
            id: `project-${n}`,
            acronym: `${String(model.acronym)}-${n}`,
            title: `${String(model.title)} (${n})`,
            title_ru: `${String(model.title_ru)} (${n})`,
            programme: model.programme,
            leningrad_partners: model.leningrad_partners,
            lead_partner: model.lead_partner,
            budget_eur: 150_000 + ((i * 7919) % 50) * 61_000,
          };
        });
      });
      break;
    case 'sparse':
      // The workbook declares columns of programmes', directions', participants' and
      // partner regions' optional fields and fails when no row has one, so those
      // keep some: the first funder, and their source spellings.
      for (const name of ['organisations', 'projects', 'initiatives', 'cis-cooperation']) {
        await file(name, (d) => stripOptional(d));
      }
      await file('programmes', (d) => {
        const assistance = list(d, 'programmes').filter((p) => p.kind === 'technical-assistance');
        for (const p of assistance.slice(1)) {
          delete p.funder;
          delete p.countries;
        }
      });
      break;
  }
  return dir;
}

/** Drops the source's spellings and notes everywhere. */
function stripOptional(value: unknown): void {
  if (Array.isArray(value)) value.forEach(stripOptional);
  else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (/^seed_/.test(key) || key === 'note') delete (value as Item)[key];
      else stripOptional((value as Item)[key]);
    }
  }
}
