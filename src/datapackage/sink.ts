// The open-data sink: per edition, one CSV per table derived from the JSON
// Schemas (tables.ts) and the datapackage.json describing them. The sink
// decides its files (`items`): the catalogue entry's path takes `{{file}}`.
// The entry's title and subject become the package's title and description.
import { ReportError } from '../errors.ts';
import type { Sink } from '../plan/sink.ts';
import { toCsv } from './csv.ts';
import { describePackage } from './descriptor.ts';
import { loadSchemas } from './json-schemas.ts';
import { tableRows, type Cell } from './rows.ts';
import { DESCRIPTOR_NAME, deriveTables, type DerivedTables } from './tables.ts';

export interface DataPackagePlan {
  derived: DerivedTables;
  /** Each table's rows, in the tables' order. */
  rows: Cell[][][];
  /** The message describing a label column, as written (the descriptor depends on it). */
  label: string;
}

/** What one output of the sink is: a table's CSV, or the descriptor. */
export interface DataFile {
  file: string;
  table?: string;
}

const LABEL_MESSAGE = 'datapackage.label';

export const dataPackageSink: Sink<DataPackagePlan> = {
  kind: 'datapackage',
  async plan(entry, edition, env) {
    if (entry.each) throw new ReportError('template', `output "${entry.id}" of kind datapackage takes no each:`, entry.at.each, 'remove each: the sink makes a file per table by itself');
    const { schemasDir } = env.config;
    // The tables depend on the schemas and the catalogue's languages only: derived once per build.
    const derived = await env.resources.get('datapackage:tables', async () => deriveTables(await loadSchemas(schemasDir), env.catalogue.locales));
    const label = edition.messages.text(LABEL_MESSAGE);
    if (label === undefined) {
      throw new ReportError('template', `no message "${LABEL_MESSAGE}" in templates/i18n/${edition.locale}.yaml`, entry.at.id, `add ${LABEL_MESSAGE}, with {column} and {resource}, as in en.yaml`);
    }
    return { derived, rows: tableRows(derived, edition.data), label };
  },
  items(plan) {
    return [
      ...plan.derived.tables.map((t) => ({ item: { file: `${t.name}.csv`, table: t.name } satisfies DataFile, name: t.name })),
      { item: { file: `${DESCRIPTOR_NAME}.json` } satisfies DataFile, name: DESCRIPTOR_NAME },
    ];
  },
  async work(output, env) {
    const { derived, rows, label } = output.plan;
    const csv = (i: number) => toCsv(derived.tables[i]!.columns.map((c) => c.name), rows[i]!);
    const { table } = output.item as DataFile;
    if (table !== undefined) {
      const i = derived.tables.findIndex((t) => t.name === table);
      return { inputs: [derived.tables[i], rows[i]], make: async () => ({ bytes: csv(i) }) };
    }
    const { edition } = output;
    const report = edition.data.report.report;
    return {
      inputs: [env.created, output.title, output.subject, label, derived, rows, report],
      async make() {
        const texts = {
          title: output.title,
          description: output.subject,
          label: (column: string, resource: string) => edition.messages.format(LABEL_MESSAGE, { column, resource }),
        };
        const bytes = describePackage({ derived, csv: derived.tables.map((_, i) => csv(i)), report, locale: edition.locale, texts, created: env.created });
        return { bytes };
      },
    };
  },
};
