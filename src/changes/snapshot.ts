// What a build's data said, kept to compare the next build (or another
// revision) with: every record by table and id with its fields as written,
// and the figures the model computes from them (totals, shares, counts).
// The records come from the same derivation as the open data, so a new
// collection is compared without code.
import { loadSchemas } from '../datapackage/json-schemas.ts';
import { recordItems } from '../datapackage/rows.ts';
import { deriveTables } from '../datapackage/tables.ts';
import { buildModel } from '../model/build-model.ts';
import type { CooperationData } from '../validate/data-types.ts';

/** A field's value as the data holds it (lists and objects included). */
export type Value = unknown;

export interface SnapshotRecord {
  /** `<table>/<id>`, or a file's name for what it holds outside its lists of records. */
  ref: string;
  /** The record's name or title, for people. */
  label: string;
  /** Its fields as written, translations included. */
  fields: Record<string, Value>;
}

export interface Figure {
  id: string;
  label: string;
  value: number;
  format: 'money' | 'number' | 'percent';
  /** The data field this figure is (`projects/red` budget_eur): the figure reports its change. */
  field?: { ref: string; name: string };
}

export interface Snapshot {
  version: typeof SNAPSHOT_VERSION;
  records: SnapshotRecord[];
  figures: Figure[];
}

export const SNAPSHOT_VERSION = 1;

export async function takeSnapshot(data: CooperationData, schemasDir: string, locales: readonly string[]): Promise<Snapshot> {
  const derived = deriveTables(await loadSchemas(schemasDir), locales);
  return { version: SNAPSHOT_VERSION, records: records(data, derived), figures: figures(data) };
}

function records(data: CooperationData, derived: ReturnType<typeof deriveTables>): SnapshotRecord[] {
  const documents = data as unknown as Record<string, Record<string, unknown>>;
  const found: SnapshotRecord[] = [];
  // Lists of records hold them; what else a file holds is one record named after the file.
  const listed = new Map<string, Set<string>>();
  for (const { table, key, label } of derived.referable.values()) {
    const t = derived.tables.find((x) => x.name === table)!;
    if (t.levels.length === 1) listed.set(t.collection, new Set([...(listed.get(t.collection) ?? []), t.levels[0]!.at[0]!]));
    for (const item of recordItems(t, documents[t.collection])) {
      const id = String(item[key]);
      found.push({ ref: `${table}/${id}`, label: String(item[label ?? key] ?? id), fields: item });
    }
  }
  for (const [collection, document] of Object.entries(documents).sort(([a], [b]) => a.localeCompare(b))) {
    const rest = Object.fromEntries(Object.entries(document).filter(([name]) => !listed.get(collection)?.has(name)));
    if (Object.keys(rest).length > 0) found.push({ ref: collection, label: collection, fields: rest });
  }
  return found;
}

/** The figures the briefs print, in the data's own language, most general first. */
function figures(data: CooperationData): Figure[] {
  const model = buildModel(data, data.report.report.locale);
  const f = model.figures;
  const list: Figure[] = [
    { id: 'total-budget', label: 'total budget of the projects', value: f.totalBudgetEur, format: 'money' },
    { id: 'projects', label: 'projects', value: f.projects, format: 'number' },
    { id: 'programmes', label: 'programmes', value: f.programmes, format: 'number' },
    { id: 'partner-regions-stated', label: 'partner regions (stated)', value: f.partnerRegionsStated, format: 'number' },
    { id: 'partner-regions-named', label: 'partner regions (named)', value: f.partnerRegionsNamed, format: 'number' },
    { id: 'partner-countries', label: 'partner countries', value: f.partnerCountries, format: 'number' },
    { id: 'planned-contacts', label: 'planned contacts', value: f.plannedContacts, format: 'number' },
    { id: 'directions', label: 'directions', value: f.directions, format: 'number' },
  ];
  for (const p of model.fundedProgrammes) {
    list.push({ id: `programme/${p.id}/total`, label: `${p.name}: total budget`, value: p.totalBudgetEur, format: 'money' });
    for (const lead of p.byLeadCountry) {
      list.push({ id: `programme/${p.id}/lead-country/${lead.country.code}`, label: `${p.name}: share of lead partners in ${lead.country.name}`, value: lead.share, format: 'percent' });
    }
  }
  for (const p of model.projects) {
    list.push({ id: `project/${p.id}/budget`, label: `${p.acronym} budget`, value: p.budgetEur, format: 'money', field: { ref: `projects/${p.id}`, name: 'budget_eur' } });
    list.push({ id: `project/${p.id}/share-of-total`, label: `${p.acronym} share of the total`, value: p.shareOfTotal, format: 'percent' });
    list.push({ id: `project/${p.id}/share-of-programme`, label: `${p.acronym} share of its programme`, value: p.shareOfProgramme, format: 'percent' });
  }
  return list;
}
