// The JSON Schemas of the data -> the tables of the open data, so a new field
// or collection reaches the CSVs and their Table Schemas without code:
//   - a list of records (items with a `defines` id) is a table keyed by that id;
//   - a list inside a record is a table of its own: the record's key, the
//     item's position, then the item (a value, or an object's fields);
//   - what is left at a file's top level (report.yaml) is a table of one row;
//   - nested objects become columns joined by `_` (period_start);
//   - a `references` field gets a foreign key and a column with the referenced
//     record's name, so a reader sees labels without a join;
//   - `<field>_<language>` siblings are left out: each edition's tables hold
//     its own language in the field itself.
import { ReportError } from '../errors.ts';
import type { JsonSchema, ResolvedSchema, SchemaSet } from './json-schemas.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface Constraints {
  required?: boolean;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** XML Schema flavour (anchored), as Table Schema reads it. */
  pattern?: string;
}

/** Where a column's value comes from, for each row. */
export type ColumnValue =
  /** A field of the row's item; [] is the item itself (a list of values). */
  | { from: 'field'; path: string[] }
  /** The label of the record whose id is at `path` in the item (the column `of`). */
  | { from: 'label'; path: string[]; collection: string; of: string }
  /** The key of the enclosing item at that level (its id, or its position). */
  | { from: 'key'; level: number }
  /** The item's 1-based position in its list. */
  | { from: 'position' };

export interface Column {
  name: string;
  type: ColumnType;
  description?: string;
  constraints: Constraints;
  value: ColumnValue;
}

/** One list on the way from a file's root to a table's rows. */
export interface Level {
  /** Property names from the enclosing item (or the file's root) to the list. */
  at: string[];
  /** What tells the list's items apart: a field holding their id, or their position. */
  key: { field: string } | 'position';
}

export interface ForeignKey {
  fields: string[];
  resource: string;
  referenceFields: string[];
}

export interface Table {
  /** The resource's name and its file's (`<name>.csv`). */
  name: string;
  /** The data file it comes from. */
  collection: string;
  /** Lists from the file's root to the rows' items; none: the file's root is the one row. */
  levels: Level[];
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** The schema's title of the items, or the file's. */
  title: string;
}

/** A collection of records by id, as `references` name it: its table, key column and the column read as its label. */
export interface Referable {
  table: string;
  key: string;
  label?: string;
}

export interface DerivedTables {
  tables: Table[];
  /** By the collection name of `defines` / `references`. */
  referable: Map<string, Referable>;
}

/** The descriptor sits beside the CSVs: no table may take its name. */
export const DESCRIPTOR_NAME = 'datapackage';

/** `locales`: the catalogue's languages, whose `<field>_<language>` siblings are not columns. */
export function deriveTables(schemas: SchemaSet, locales: readonly string[]): DerivedTables {
  const tables: Table[] = [];
  const referable = new Map<string, Referable>();
  const pending: { table: Table; references: { column: string; collection: string }[] }[] = [];

  for (const collection of schemas.collections) {
    const root = schemas.root(collection);
    const single: Table = { name: collection, collection, levels: [], columns: [], primaryKey: [], foreignKeys: [], title: String(root.schema.title ?? collection) };
    // A file holding one object named after it (report.yaml: report:) gives its fields unprefixed.
    const names = Object.keys((root.schema.properties ?? {}) as object);
    const hidden = names.length === 1 && names[0] === collection ? 1 : 0;
    const found = walkObject(schemas, root, [], true, single, locales, hidden);
    const children: Table[] = [];
    for (const list of found.lists) children.push(...listTables(schemas, list, single, collection, locales, pending, referable));
    if (single.columns.length > 0) {
      // One row of leftovers; it yields its plain name to a list of records (partner-regions).
      if (children.some((t) => t.name === collection)) single.name = `${collection}-summary`;
      tables.push(single);
      pending.push({ table: single, references: found.references });
    }
    tables.push(...children);
  }

  const names = new Set<string>([DESCRIPTOR_NAME]);
  for (const table of tables) {
    if (names.has(table.name)) throw clash(table, `two tables would be named ${table.name}`);
    names.add(table.name);
    const columns = new Set<string>();
    for (const { name } of table.columns) {
      if (columns.has(name)) throw clash(table, `table ${table.name} would have two columns named ${name}`);
      columns.add(name);
    }
  }
  for (const { table, references } of pending) {
    for (const { column, collection } of references) {
      const target = referable.get(collection);
      if (!target) {
        throw new ReportError('open-data', `schemas/${table.collection}.schema.json: ${column} of table ${table.name} references "${collection}", which no schema defines`, undefined, `mark the id of the records of ${collection} with "defines": "${collection}"`);
      }
      table.foreignKeys.push({ fields: [column], resource: target.table, referenceFields: [target.key] });
    }
  }
  // Label columns follow their reference: insert them now that every collection's label is known.
  for (const table of tables) {
    table.columns = table.columns.flatMap((c) => {
      if (c.value.from !== 'label') return [c];
      return referable.get(c.value.collection)?.label ? [c] : [];
    });
  }
  return { tables, referable };
}

interface Found {
  /** Lists met in an item (or the file's root), by their path from it. */
  lists: { at: string[]; schema: ResolvedSchema }[];
  references: { column: string; collection: string }[];
}

/** The columns an object gives its table (into `table`), and the lists inside it, for tables of their own. */
/** `hidden`: how many leading names of a path stay out of column names. */
function walkObject(schemas: SchemaSet, object: ResolvedSchema, prefix: string[], required: boolean, table: Table, locales: readonly string[], hidden = 0): Found {
  const found: Found = { lists: [], references: [] };
  const properties = (object.schema.properties ?? {}) as Record<string, JsonSchema>;
  const requiredNames = new Set((object.schema.required ?? []) as string[]);
  const translated = new Set(Object.keys(properties).filter((name) => properties[name]!.translated === true));
  for (const [name, raw] of Object.entries(properties)) {
    const base = /^(.+)_([a-z]{2,3})$/.exec(name);
    if (base && translated.has(base[1]!) && locales.includes(base[2]!)) continue;
    const property = schemas.resolve(raw, object.file);
    const path = [...prefix, name];
    const isRequired = required && requiredNames.has(name);
    if (property.schema.type === 'array') {
      found.lists.push({ at: path, schema: property });
    } else if (property.schema.type === 'object') {
      const inner = walkObject(schemas, property, path, isRequired, table, locales, hidden);
      found.lists.push(...inner.lists);
      found.references.push(...inner.references);
    } else {
      const column = scalarColumn(path.slice(hidden).join('_'), property, isRequired, { from: 'field', path });
      table.columns.push(column);
      if (typeof property.schema.references === 'string') {
        found.references.push({ column: column.name, collection: property.schema.references });
        table.columns.push(labelColumn(column, property.schema.references, path));
      }
    }
  }
  return found;
}

/** A list property -> its table, and the tables of the lists inside its items. */
function listTables(
  schemas: SchemaSet,
  list: Found['lists'][number],
  parent: Table,
  collection: string,
  locales: readonly string[],
  pending: { table: Table; references: { column: string; collection: string }[] }[],
  referable: Map<string, Referable>,
): Table[] {
  const items = schemas.resolve((list.schema.schema.items ?? {}) as JsonSchema, list.schema.file);
  const properties = (items.schema.properties ?? {}) as Record<string, JsonSchema>;
  const idField = Object.keys(properties).find((name) => typeof schemas.resolve(properties[name]!, items.file).schema.defines === 'string');
  const defines = idField ? (schemas.resolve(properties[idField]!, items.file).schema.defines as string) : undefined;
  const level: Level = { at: list.at, key: idField ? { field: idField } : 'position' };
  const table: Table = {
    name: defines ?? `${parent.name}-${list.at.join('-').replace(/_/g, '-')}`,
    collection,
    levels: [...parent.levels, level],
    columns: [],
    primaryKey: [],
    foreignKeys: [],
    title: String(items.schema.title ?? list.at.join(' ')),
  };

  // The enclosing record's key comes first (with its own enclosing keys), referring to its table.
  if (parent.levels.length > 0) {
    const enclosing = parent.levels.at(-1)!.key;
    const columns: Column[] = [
      ...parent.columns.filter((c) => c.value.from === 'key'),
      {
        name: singular(parent),
        type: enclosing === 'position' ? 'integer' : (parent.columns.find((c) => c.name === enclosing.field)?.type ?? 'string'),
        constraints: { required: true },
        value: { from: 'key', level: parent.levels.length - 1 },
      },
    ];
    table.columns.push(...columns);
    table.foreignKeys.push({ fields: columns.map((c) => c.name), resource: parent.name, referenceFields: parent.primaryKey });
  }
  if (!idField) table.columns.push({ name: 'position', type: 'integer', constraints: { required: true, minimum: 1 }, value: { from: 'position' } });

  const references: { column: string; collection: string }[] = [];
  const inner: Found['lists'] = [];
  if (items.schema.type === 'object') {
    const found = walkObject(schemas, items, [], true, table, locales);
    references.push(...found.references);
    inner.push(...found.lists);
  } else {
    const name = list.at.at(-1)!;
    const column = scalarColumn(name, items, true, { from: 'field', path: [] });
    table.columns.push(column);
    if (typeof items.schema.references === 'string') {
      references.push({ column: name, collection: items.schema.references });
      table.columns.push(labelColumn(column, items.schema.references, []));
    }
  }
  table.primaryKey = idField ? [idField] : table.columns.filter((c) => c.value.from === 'key' || c.value.from === 'position').map((c) => c.name);
  if (defines) {
    const label = ['name', 'title'].find((f) => f in properties);
    referable.set(defines, { table: table.name, key: idField!, ...(label ? { label } : {}) });
  }
  pending.push({ table, references });
  return [table, ...inner.flatMap((l) => listTables(schemas, l, table, collection, locales, pending, referable))];
}

function clash(table: Table, what: string): ReportError {
  return new ReportError('open-data', `schemas/${table.collection}.schema.json: ${what}`, undefined, 'rename the property, or the collection in "defines"');
}

/** The name a child table gives the key of its enclosing record: the items' schema title in snake case (ProgrammeParticipant: programme_participant). */
function singular(table: Table): string {
  return table.title.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[\s-]+/g, '_').toLowerCase();
}

function scalarColumn(name: string, property: ResolvedSchema, required: boolean, value: ColumnValue): Column {
  const s = property.schema;
  const type = columnType(s);
  if (!type) {
    throw new ReportError(
      'open-data',
      `schemas/${property.file}: ${name} has no type a table column can take (${JSON.stringify(s.type ?? null)})`,
      undefined,
      'give it "type": string, integer, number or boolean, or make it an object or a list',
    );
  }
  const constraints: Constraints = {};
  if (required) constraints.required = true;
  if (Array.isArray(s.enum)) constraints.enum = s.enum as (string | number)[];
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength'] as const) if (typeof s[key] === 'number') constraints[key] = s[key];
  const pattern = anchoredPattern(s.pattern);
  if (pattern && !constraints.enum) constraints.pattern = pattern;
  return { name, type, ...(typeof s.description === 'string' ? { description: s.description } : {}), constraints, value };
}

function columnType(s: JsonSchema): ColumnType | undefined {
  if (s.type === 'string') return s.format === 'date' ? 'date' : 'string';
  if (s.type === 'integer' || s.type === 'number' || s.type === 'boolean') return s.type;
  return undefined;
}

/** JSON Schema patterns search; Table Schema's (XML Schema) match whole values. Only `^...$` without lookarounds translates. */
function anchoredPattern(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || !pattern.startsWith('^') || !pattern.endsWith('$') || pattern.includes('(?')) return undefined;
  return pattern.slice(1, -1);
}

function labelColumn(of: Column, collection: string, path: string[]): Column {
  return {
    name: `${of.name}_name`,
    type: 'string',
    constraints: of.constraints.required ? { required: true } : {},
    value: { from: 'label', path, collection, of: of.name },
  };
}
