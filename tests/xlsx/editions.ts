// The workbook in each language of the catalogue, as the build prepares and
// renders it, written to a temporary folder for the readers that need a file.
// Expectations come from the YAML read here on its own (`sources`), not from
// the model under test, and never name the data's current values.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/config.ts';
import { formatErrors } from '../../src/errors.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { prepare } from '../../src/prepare.ts';
import { isWorkbook } from '../../src/xlsx/sink.ts';
import { renderWorkbook } from '../../src/xlsx/writer.ts';
import { config } from './fixture.ts';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

const prepared = await prepare(config);
if (!prepared.ok) throw new Error(formatErrors(prepared.errors, prepared.sources));

/** The workbook of `locale`, from the model as `change` leaves it (e.g. wrong cached values). */
export function renderEdition(locale: Locale, change: (model: ReportModel) => ReportModel = (m) => m): Promise<Uint8Array> {
  if (!prepared.ok) throw new Error('not prepared');
  const output = prepared.outputs.find((o) => o.locale === locale && o.entry.id === 'workbook')!;
  if (!isWorkbook(output)) throw new Error('the workbook entry is not a workbook');
  const { model, formatter, messages } = output.edition;
  return renderWorkbook(change(model), output.plan, { formatter, messages, created: prepared.env.created });
}

/** Each edition written as <dir>/<locale>.xlsx; remove the folder when done. */
export async function writeEditions(prefix: string): Promise<{ dir: string; paths: Record<Locale, string>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const paths = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    paths[locale] = join(dir, `${locale}.xlsx`);
    await writeFile(paths[locale], await renderEdition(locale));
  }
  return { dir, paths, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A model whose figures are all wrong: a reader that shows the right ones recalculated them. */
export function wrongFigures(model: ReportModel): ReportModel {
  return {
    ...model,
    figures: { ...model.figures, totalBudgetEur: 1, partnerRegionsNamed: 0, plannedContacts: 99, partnerCountries: 0 },
    projects: model.projects.map((p) => ({ ...p, shareOfTotal: 0 })),
    countryFigures: model.countryFigures.map((c) => ({ ...c, partnerRegions: 7, plannedContacts: 7, projectsLed: 7, budgetLedEur: -1 })),
    programmes: model.programmes.map((p) => ({ ...p, totalBudgetEur: 5, projects: [] })),
  };
}

/** The source files, read as plain YAML: what the expectations are computed from. */
export const sources = {
  yaml: async (path: string): Promise<unknown> => parse(await readFile(join(PROJECT_ROOT, path), 'utf8')),
  /**
   * A message catalogue, flattened to dotted keys. The declaration is written
   * in English, so in English each of its texts (the keys of ru.yaml's
   * workbook:) stands for itself.
   */
  messages: async (locale: Locale): Promise<Map<string, string>> => {
    const own = flatten((await sources.yaml(`templates/i18n/${locale}.yaml`)) as object);
    if (locale !== 'en') return own;
    const declared = Object.keys(((await sources.yaml('templates/i18n/ru.yaml')) as { workbook: object }).workbook);
    return new Map([...declared.map((text) => [`workbook.${text}`, text] as const), ...own]);
  },
};

function flatten(value: object, prefix = ''): Map<string, string> {
  return new Map(Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as const] : [...flatten(v as object, `${prefix}${k}.`)])));
}
