// Everything before rendering: data -> model, the catalogue, each locale's
// templates and messages, workbook declarations, and the list of outputs.
// Whatever can fail on the data or a template fails here, before any output
// is written.
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { ReportError, type Sources } from '../errors.ts';
import { collectionNames, loadData } from '../load/data-set.ts';
import { buildModel } from '../model/build-model.ts';
import type { ReportModel } from '../model/types.ts';
import { sha256 } from '../output/fingerprint.ts';
import type { LocaleKit } from '../render/brief.ts';
import { createFormatter } from '../render/format.ts';
import { createTemplates } from '../render/html.ts';
import { loadMessages } from '../render/messages.ts';
import { loadStyles, type Asset } from '../render/styles.ts';
import { loadWorkbookDeclaration, type WorkbookDeclaration } from '../render/workbook-declaration.ts';
import type { CooperationData } from '../validate/data-types.ts';
import { validateData } from '../validate/index.ts';
import { createSchemaValidator } from '../validate/schemas.ts';
import { loadCatalogue } from './catalogue.ts';
import { planOutputs, type PlannedOutput } from './outputs.ts';

export type Validated =
  | { ok: true; data: CooperationData; files: number; records: number; sources: Sources }
  | { ok: false; errors: ReportError[]; sources: Sources };

export async function validate(config: Config): Promise<Validated> {
  const collections = await collectionNames(config.schemasDir);
  const [loaded, validator] = await Promise.all([
    loadData(config.dataDir, collections, config.cwd),
    createSchemaValidator(config.schemasDir, collections),
  ]);
  const result = validateData(loaded, validator);
  return result.ok
    ? { ok: true, data: result.data, files: loaded.files.size, records: result.records, sources: loaded.sources }
    : { ok: false, errors: result.errors, sources: loaded.sources };
}

export interface Prepared {
  model: ReportModel;
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

export async function prepare(config: Config): Promise<PrepareResult> {
  const validated = await validate(config);
  if (!validated.ok) return validated;
  const model = buildModel(validated.data);
  const catalogued = await loadCatalogue(config);
  if (!catalogued.ok) return catalogued;
  const { catalogue } = catalogued;
  const sources = new Map(validated.sources);

  try {
    const styles = await loadStyles(config.templatesDir, catalogue.styles.fonts, catalogue.styles.css);
    const kits = new Map<string, LocaleKit>();
    const workbooks = new Map<string, WorkbookDeclaration>();
    for (const locale of catalogue.locales) {
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
        });
        if (!declared.ok) return { ok: false, errors: declared.errors, sources: new Map([...sources, ...declared.sources]) };
        workbooks.set(`${locale}/${entry.id}`, declared.declaration);
      }
    }
    const outputs = planOutputs(catalogue, model, kits);
    // Sorted: fonts load in parallel, so the map's order varies from run to run.
    const assetsDigest = sha256(JSON.stringify([...styles.assets].map(([url, a]) => [url, sha256(a.body)]).sort()));
    return { ok: true, model, outputs, kits, workbooks, assets: styles.assets, assetsDigest, fontFamilies: styles.families, created: createdDate(model) };
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
