// Everything before rendering: data -> model per language (an Edition each),
// the catalogue, each sink's plan for each entry and edition, and the list of
// outputs. Whatever can fail on the data, a template, a declaration or a
// message catalogue fails here, before any output is written; `validate`
// stops here too, so it reports what the build would.
import type { Config } from './config.ts';
import { ReportError, ReportErrors, sortErrors, type Sources } from './errors.ts';
import { createTemplates } from './handlebars/templates.ts';
import { createFormatter } from './i18n/format.ts';
import { localizeData } from './i18n/localize.ts';
import { loadMessages, type Messages } from './i18n/messages.ts';
import { collectionNames, loadData } from './load/data-set.ts';
import type { YamlFile } from './load/yaml-file.ts';
import { buildModel } from './model/build-model.ts';
import type { ReportModel } from './model/types.ts';
import { loadCatalogue } from './plan/catalogue.ts';
import type { Edition } from './plan/edition.ts';
import { planOutputs, type PlannedOutput, type SinkItem } from './plan/outputs.ts';
import { createResources, type Resources } from './plan/resources.ts';
import type { PrintOptions, SinkEnv, Tool } from './plan/sink.ts';
import { SINKS } from './sinks.ts';
import type { CooperationData } from './validate/data-types.ts';
import { validateData } from './validate/index.ts';
import { createSchemaValidator } from './validate/schemas.ts';

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

/** The data alone: schemas, references, consistency. `languages`: whose `<field>_<language>` the data may hold. */
export async function validateDataSet(config: Config, languages: readonly string[]): Promise<Validated> {
  const collections = await collectionNames(config.schemasDir);
  const [loaded, validator] = await Promise.all([
    loadData(config.dataDir, collections, config.cwd),
    createSchemaValidator(config.schemasDir, collections, languages),
  ]);
  const result = validateData(loaded, validator);
  return result.ok
    ? { ok: true, data: result.data, files: loaded.files.size, records: result.records, sources: loaded.sources, translated: result.translated, parsed: loaded.files }
    : { ok: false, errors: result.errors, sources: loaded.sources };
}

export interface PrepareOptions {
  /** The languages to build (--locale); by default all the catalogue names. */
  locales?: readonly string[];
  tool?: Tool;
  print?: PrintOptions;
  /** Shared with the build, which may have started a browser already. */
  resources?: Resources;
}

export interface Prepared {
  /** The validated data as written (English). */
  data: CooperationData;
  editions: Edition[];
  outputs: PlannedOutput[];
  env: SinkEnv;
  /** Data files and records checked. */
  files: number;
  records: number;
}

export type PrepareResult = ({ ok: true } & Prepared) | { ok: false; errors: ReportError[]; sources: Sources };

export async function prepare(config: Config, options: PrepareOptions = {}): Promise<PrepareResult> {
  const catalogued = await loadCatalogue(config);
  if (!catalogued.ok) return catalogued;
  const { catalogue } = catalogued;
  const validated = await validateDataSet(config, catalogue.locales);
  if (!validated.ok) return validated;
  const sources = new Map(validated.sources);
  sources.set(catalogue.file, catalogue.text);
  const fail = (errors: readonly ReportError[], more: Sources = new Map()): PrepareResult => ({ ok: false, errors: sortErrors(errors), sources: new Map([...sources, ...more]) });
  const unknown = (options.locales ?? []).find((l) => !catalogue.locales.includes(l));
  if (unknown) return fail([new ReportError('usage', `--locale ${unknown} is not among the catalogue's locales`, undefined, `choose from ${catalogue.locales.join(', ')}`)]);
  const languages = catalogue.locales.filter((l) => !options.locales || options.locales.includes(l));

  const editions: Edition[] = [];
  try {
    const messages = new Map<string, Messages>();
    for (const locale of languages) messages.set(locale, await loadMessages(config.templatesDir, locale, config.cwd, catalogue.localeAt[locale]));
    const localized = new Map<string, CooperationData>();
    const models = new Map<string, ReportModel>();
    const missing: ReportError[] = [];
    for (const locale of languages) {
      const result = localizeData(validated.data, { locale, name: messages.get(locale)!.language.name }, validated.translated, validated.parsed);
      if (!result.ok) missing.push(...result.errors);
      else {
        localized.set(locale, result.data);
        models.set(locale, buildModel(result.data, locale));
      }
    }
    if (missing.length > 0) return fail(missing);

    const env: SinkEnv = {
      config,
      catalogue,
      created: createdDate(models.get(languages[0]!)!),
      tool: options.tool ?? { name: 'cooperation-reports', digest: '' },
      print: options.print ?? {},
      resources: options.resources ?? createResources(),
    };
    const plans = new Map<string, unknown>();
    const listed = new Map<string, SinkItem[]>();
    for (const locale of languages) {
      const model = models.get(locale)!;
      const formatter = createFormatter(messages.get(locale)!.language.tag, model.report.currency);
      const templates = await createTemplates({ templatesDir: config.templatesDir, cwd: config.cwd, formatter, messages: messages.get(locale)!, locales: languages });
      const edition = { locale, data: localized.get(locale)!, model, messages: messages.get(locale)!, formatter, templates };
      editions.push(edition);
      for (const entry of catalogue.outputs) {
        const sink = SINKS[entry.kind];
        if (!sink) throw new ReportError('template', `no sink makes outputs of kind "${entry.kind}"`, entry.at.kind, `kinds: ${Object.keys(SINKS).join(', ')}`);
        const plan = await sink.plan(entry, edition, env);
        plans.set(`${locale}/${entry.id}`, plan);
        if (sink.items && !entry.each) listed.set(`${locale}/${entry.id}`, sink.items(plan));
      }
    }
    const outputs = planOutputs(catalogue, editions, plans, listed);
    return { ok: true, data: validated.data, editions, outputs, env, files: validated.files, records: validated.records };
  } catch (error) {
    const read = new Map(editions.flatMap((e) => [...e.templates.sources]));
    if (error instanceof ReportError) return fail([error], read);
    if (error instanceof ReportErrors) return fail(error.errors, new Map([...read, ...error.sources]));
    throw error;
  }
}

/** Outputs carry the date the figures refer to, or SOURCE_DATE_EPOCH: never the clock. */
function createdDate(model: ReportModel): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${model.report.as_of}T00:00:00Z`);
}
