// Everything before rendering: data -> model, the catalogue, each locale's
// templates and messages, workbook declarations, and the list of outputs.
// Whatever can fail on the data or a template fails here, before any output
// is written.
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { ReportError, sortErrors, type Sources } from '../errors.ts';
import { collectionNames, loadData } from '../load/data-set.ts';
import type { YamlFile } from '../load/yaml-file.ts';
import { buildModel } from '../model/build-model.ts';
import { localizeData } from '../model/localize.ts';
import type { ReportModel } from '../model/types.ts';
import { sha256 } from '../output/fingerprint.ts';
import type { LocaleKit } from '../render/brief.ts';
import { createFormatter } from '../render/format.ts';
import { createTemplates } from '../render/html.ts';
import { loadMessages } from '../render/messages.ts';
import { loadStyles, type Asset } from '../render/styles.ts';
import { loadWorkbookDeclaration, type WorkbookDeclaration } from '../render/workbook-declaration.ts';
import { translateDeclaration } from '../render/workbook-language.ts';
import type { CooperationData } from '../validate/data-types.ts';
import { validateData } from '../validate/index.ts';
import { createSchemaValidator } from '../validate/schemas.ts';
import { loadCatalogue } from './catalogue.ts';
import { planOutputs, type PlannedOutput } from './outputs.ts';

export type Validated =
  | {
      ok: true;
      data: CooperationData;
      files: number;
      records: number;
      sources: Sources;
      /** Pointers of translated text by collection, and the parsed files, for other languages. */
      translated: Map<string, string[]>;
      parsed: ReadonlyMap<string, YamlFile>;
    }
  | { ok: false; errors: ReportError[]; sources: Sources };

export async function validate(config: Config): Promise<Validated> {
  const collections = await collectionNames(config.schemasDir);
  const [loaded, validator] = await Promise.all([
    loadData(config.dataDir, collections, config.cwd),
    createSchemaValidator(config.schemasDir, collections),
  ]);
  const result = validateData(loaded, validator);
  return result.ok
    ? { ok: true, data: result.data, files: loaded.files.size, records: result.records, sources: loaded.sources, translated: result.translated, parsed: loaded.files }
    : { ok: false, errors: result.errors, sources: loaded.sources };
}

export interface Prepared {
  /** The report model in each language of the build. */
  models: ReadonlyMap<string, ReportModel>;
  outputs: PlannedOutput[];
  kits: ReadonlyMap<string, LocaleKit>;
  /** Workbook declarations by `<locale>/<catalogue id>`. */
  workbooks: ReadonlyMap<string, WorkbookDeclaration>;
  /** Files briefs may load (fonts), for the PDF printer, and a digest of their content. */
  assets: ReadonlyMap<string, Asset>;
  assetsDigest: string;
  /** CSS families of the bundled fonts. */
  fontFamilies: readonly string[];
  /** The date every output carries: the data's as-of date, or SOURCE_DATE_EPOCH. */
  created: Date;
}

export type PrepareResult = ({ ok: true } & Prepared) | { ok: false; errors: ReportError[]; sources: Sources };

/** `locales`: the languages to build (--locale), by default all the catalogue names. */
export async function prepare(config: Config, locales?: readonly string[]): Promise<PrepareResult> {
  const validated = await validate(config);
  if (!validated.ok) return validated;
  const catalogued = await loadCatalogue(config);
  if (!catalogued.ok) return catalogued;
  const { catalogue } = catalogued;
  const sources = new Map(validated.sources);
  const unknown = (locales ?? []).find((l) => !(catalogue.locales as string[]).includes(l));
  if (unknown) {
    return { ok: false, errors: [new ReportError('usage', `--locale ${unknown} is not among the catalogue's locales`, undefined, `choose from ${catalogue.locales.join(', ')}`)], sources };
  }
  const languages = catalogue.locales.filter((l) => !locales || locales.includes(l));

  const models = new Map<string, ReportModel>();
  const missing: ReportError[] = [];
  for (const locale of languages) {
    const localized = localizeData(validated.data, locale, validated.translated, validated.parsed);
    if (localized.ok) models.set(locale, buildModel(localized.data, locale));
    else missing.push(...localized.errors);
  }
  if (missing.length > 0) return { ok: false, errors: sortErrors(missing), sources };
  try {
    const styles = await loadStyles(config.templatesDir, catalogue.styles.fonts, catalogue.styles.css);
    const kits = new Map<string, LocaleKit>();
    const workbooks = new Map<string, WorkbookDeclaration>();
    for (const locale of languages) {
      const model = models.get(locale)!;
      const formatter = createFormatter(locale, model.report.currency);
      const messages = await loadMessages(config.templatesDir, locale, config.cwd);
      const templates = await createTemplates({ templatesDir: config.templatesDir, cwd: config.cwd, formatter, messages });
      kits.set(locale, { formatter, messages, templates, styles: styles.css });
      for (const entry of catalogue.outputs) {
        if (entry.template) await templates.load(entry.template);
        if (!entry.declaration) continue;
        const declared = await loadWorkbookDeclaration({
          path: join(config.templatesDir, entry.declaration),
          schemaPath: join(config.templatesDir, 'schemas', 'workbook.schema.json'),
          cwd: config.cwd,
          model,
          formatter,
          messages,
        });
        if (!declared.ok) return { ok: false, errors: declared.errors, sources: new Map([...sources, ...declared.sources]) };
        workbooks.set(`${locale}/${entry.id}`, translateDeclaration(declared.declaration, messages));
      }
    }
    const outputs = planOutputs(catalogue, languages, models, kits);
    // Sorted: fonts load in parallel, so the map's order varies from run to run.
    const assetsDigest = sha256(JSON.stringify([...styles.assets].map(([url, a]) => [url, sha256(a.body)]).sort()));
    return { ok: true, models, outputs, kits, workbooks, assets: styles.assets, assetsDigest, fontFamilies: styles.families, created: createdDate(models.get(languages[0]!)!) };
  } catch (error) {
    if (error instanceof ReportError) return { ok: false, errors: [error], sources };
    throw error;
  }
}

/** Outputs carry the date the figures refer to, or SOURCE_DATE_EPOCH: never the clock. */
function createdDate(model: ReportModel): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${model.report.as_of}T00:00:00Z`);
}
