// datapackage.json: the Frictionless Data Package (v2) describing the CSVs of
// one edition: the report's title, publisher, licence and source, and per table its
// file, size, sha256, CSV dialect and Table Schema (types, constraints,
// primary and foreign keys), all taken from the derived tables.
import { createHash } from 'node:crypto';
import type { CooperationData } from '../validate/data-types.ts';
import { CSV_DIALECT } from './csv.ts';
import type { Column, DerivedTables, Table } from './tables.ts';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

export interface PackageTexts {
  title: string;
  description: string;
  /** The description of a label column, given the column it labels and the referenced table. */
  label(column: string, resource: string): string;
}

export function describePackage(options: {
  derived: DerivedTables;
  /** Each table's CSV, in the tables' order. */
  csv: readonly Uint8Array[];
  report: CooperationData['report']['report'];
  locale: string;
  texts: PackageTexts;
  created: Date;
}): Buffer {
  const { derived, csv, report, locale, texts } = options;
  const descriptor = {
    $schema: DATA_PACKAGE_PROFILE,
    name: `${report.id}-${locale}`,
    title: texts.title,
    description: texts.description,
    created: options.created.toISOString().replace(/\.000Z$/, 'Z'),
    contributors: [{ title: report.publisher, roles: ['publisher'] }],
    // The standard recommends a licence; the report states one, or the package claims none.
    ...(report.licence ? { licenses: [report.licence] } : {}),
    sources: [{ title: report.source.title }],
    resources: derived.tables.map((table, i) => ({
      name: table.name,
      type: 'table',
      path: `${table.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: csv[i]!.byteLength,
      hash: `sha256:${createHash('sha256').update(csv[i]!).digest('hex')}`,
      dialect: CSV_DIALECT,
      schema: tableSchema(table, derived, texts),
    })),
  };
  return Buffer.from(`${readable(descriptor, '')}\n`, 'utf8');
}

/** JSON indented by two spaces, but a list of plain values on one line: the country codes' enum stays one line, not 249. */
function readable(value: unknown, indent: string): string {
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) {
    return `[\n${value.map((v) => `${indent}  ${readable(v, `${indent}  `)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${indent}  ${JSON.stringify(k)}: ${readable(v, `${indent}  `)}`).join(',\n')}\n${indent}}`;
  }
  return Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : JSON.stringify(value);
}

function tableSchema(table: Table, derived: DerivedTables, texts: PackageTexts) {
  return {
    fields: table.columns.map((column) => field(column, derived, texts)),
    ...(table.primaryKey.length > 0 ? { primaryKey: table.primaryKey } : {}),
    ...(table.foreignKeys.length > 0
      ? { foreignKeys: table.foreignKeys.map((k) => ({ fields: k.fields, reference: { resource: k.resource, fields: k.referenceFields } })) }
      : {}),
    // Optional fields are empty cells.
    missingValues: [''],
  };
}

function field(column: Column, derived: DerivedTables, texts: PackageTexts) {
  const { value } = column;
  const description = value.from === 'label' ? texts.label(value.of, derived.referable.get(value.collection)!.table) : column.description;
  return {
    name: column.name,
    type: column.type,
    ...(description ? { description } : {}),
    ...(Object.keys(column.constraints).length > 0 ? { constraints: column.constraints } : {}),
  };
}
