// The pipeline, top to bottom: load -> validate -> model -> plan -> render -> write.
// The only caller of the writers; everything before writing is side-effect free,
// so invalid data or a broken template never touches out/.
import { join } from 'node:path';
import type { Config } from './config.ts';
import { ReportError, type Sources } from './errors.ts';
import { collectionNames, loadData } from './load/data-set.ts';
import { buildModel } from './model/build-model.ts';
import type { ReportModel } from './model/types.ts';
import { writeAtomic } from './output/write-atomic.ts';
import { loadCatalogue } from './plan/catalogue.ts';
import { planOutputs, type PlannedOutput } from './plan/outputs.ts';
import { renderBriefHtml, type LocaleKit } from './render/brief.ts';
import { createFormatter } from './render/format.ts';
import { createTemplates } from './render/html.ts';
import { loadMessages } from './render/messages.ts';
import { finishPdf } from './render/pdf-metadata.ts';
import { loadWorkbookDeclaration, type WorkbookDeclaration } from './render/workbook-declaration.ts';
import { renderWorkbook } from './render/xlsx.ts';
import { createPdfPrinter, type PdfPrinter } from './render/pdf.ts';
import { loadStyles } from './render/styles.ts';
import type { CooperationData } from './validate/data-types.ts';
import { validateData } from './validate/index.ts';
import { createSchemaValidator } from './validate/schemas.ts';

export type ValidateResult =
  | { ok: true; data: CooperationData; files: number; records: number; sources: Sources }
  | { ok: false; errors: ReportError[]; sources: Sources };

export async function validate(config: Config): Promise<ValidateResult> {
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

export interface BuiltOutput {
  id: string;
  path: string;
  kind: 'pdf' | 'xlsx';
  bytes: number;
  ms: number;
}

export type BuildResult =
  | { ok: true; outputs: BuiltOutput[] }
  | { ok: false; errors: ReportError[]; sources: Sources; outputs: BuiltOutput[] };

export interface BuildOptions {
  /** Per-document browser timeout. */
  timeoutMs?: number;
  executablePath?: string;
  onOutput?: (output: BuiltOutput) => void;
}

export async function build(config: Config, options: BuildOptions = {}): Promise<BuildResult> {
  const validated = await validate(config);
  if (!validated.ok) return { ...validated, outputs: [] };
  const model = buildModel(validated.data);

  const catalogued = await loadCatalogue(config);
  if (!catalogued.ok) return { ...catalogued, outputs: [] };
  const { catalogue } = catalogued;

  // Everything that can fail on a template fails here, before any output is written.
  const created = createdDate(model);
  const kits = new Map<string, LocaleKit>();
  const workbooks = new Map<string, WorkbookDeclaration>();
  const sources = new Map(validated.sources);
  let planned: PlannedOutput[];
  try {
    const styles = await loadStyles(config.templatesDir, catalogue.styles.fonts, catalogue.styles.css);
    for (const locale of catalogue.locales) {
      const formatter = createFormatter(locale, model.report.currency);
      const messages = await loadMessages(config.templatesDir, locale, config.cwd);
      const templates = await createTemplates({ templatesDir: config.templatesDir, cwd: config.cwd, formatter, messages });
      kits.set(locale, { formatter, messages, templates, styles });
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
        if (!declared.ok) return { ok: false, errors: declared.errors, sources: new Map([...sources, ...declared.sources]), outputs: [] };
        workbooks.set(`${locale}/${entry.id}`, declared.declaration);
      }
    }
    planned = planOutputs(catalogue, model, kits);
  } catch (error) {
    return { ok: false, errors: [asReportError(error)], sources, outputs: [] };
  }

  const printer = createPdfPrinter({ timeoutMs: options.timeoutMs, executablePath: options.executablePath });
  const outputs: BuiltOutput[] = [];
  const errors: { error: ReportError; output: string }[] = [];
  try {
    for (const output of planned) {
      const started = performance.now();
      try {
        const kit = kits.get(output.locale)!;
        const workbook = workbooks.get(`${output.locale}/${output.entry.id}`);
        const bytes = workbook
          ? await renderWorkbook(model, workbook, { formatter: kit.formatter, created })
          : await renderBrief(output, model, kit, printer, created);
        await writeAtomic(join(config.outDir, output.path), bytes, join(config.outDir, output.path));
        const built = { id: output.key, path: output.path, kind: output.entry.kind, bytes: bytes.byteLength, ms: performance.now() - started };
        outputs.push(built);
        options.onOutput?.(built);
      } catch (error) {
        errors.push({ error: asReportError(error, output.key), output: output.key });
      }
    }
  } finally {
    await printer.close();
  }
  return errors.length > 0 ? { ok: false, errors: mergeRepeated(errors), sources, outputs } : { ok: true, outputs };
}

/** One template mistake fails every output of its entry: report it once, naming them. */
function mergeRepeated(errors: readonly { error: ReportError; output: string }[]): ReportError[] {
  const groups = new Map<string, { error: ReportError; outputs: string[] }>();
  for (const { error, output } of errors) {
    const key = JSON.stringify([error.code, error.message, error.at]);
    const group = groups.get(key) ?? { error, outputs: [] };
    group.outputs.push(output);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ error, outputs }) => {
    const [first, ...more] = outputs;
    const which = more.length > 0 ? `${first} and ${more.length} more outputs` : first;
    const message = error.message.startsWith(`${first}:`) ? error.message : `${error.message} (${which})`;
    return new ReportError(error.code, message, error.at, error.hint, { cause: error });
  });
}

async function renderBrief(
  output: PlannedOutput,
  model: ReportModel,
  kit: LocaleKit,
  printer: PdfPrinter,
  created: Date,
): Promise<Uint8Array> {
  const { entry } = output;
  const html = await renderBriefHtml(entry, model, output.item, { title: output.title, subject: output.subject, kind: entry.id }, kit);
  const pdf = await printer.print({ id: output.key, html });
  return finishPdf(pdf, {
    title: output.title,
    author: model.report.publisher,
    subject: output.subject,
    keywords: entry.keywords ?? [],
    language: output.locale,
    creator: CREATOR,
    date: created,
  });
}

const CREATOR = 'cooperation-reports';

/** Outputs carry the date the figures refer to, or SOURCE_DATE_EPOCH: never the clock. */
function createdDate(model: ReportModel): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${model.report.as_of}T00:00:00Z`);
}

function asReportError(error: unknown, output?: string): ReportError {
  if (error instanceof ReportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ReportError('render', output ? `${output}: ${message}` : message, undefined, undefined, { cause: error });
}

