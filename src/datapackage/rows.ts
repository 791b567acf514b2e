// The data of one edition -> the rows of each table (tables.ts), in the
// data's own order, values as they are (numbers stay numbers), labels looked
// up in the edition's language.
import type { CooperationData } from '../validate/data-types.ts';
import type { DerivedTables, Level, Table } from './tables.ts';

export type Cell = string | number | boolean | undefined;

/** The rows of every table, in the tables' order. */
export function tableRows(derived: DerivedTables, data: CooperationData): Cell[][][] {
  const documents = data as unknown as Record<string, unknown>;
  const labels = labelIndex(derived, documents);
  return derived.tables.map((table) => rowsOf(table, documents[table.collection], labels));
}

interface Enclosing {
  item: unknown;
  index: number;
}

function rowsOf(table: Table, document: unknown, labels: ReadonlyMap<string, ReadonlyMap<unknown, string>>): Cell[][] {
  return itemsOf(table, document).map(({ item, enclosing }) => table.columns.map((column) => cell(column.value, item, enclosing, table.levels, labels)));
}

/** The items a table has a row for, each with the items of the lists it sits in (outermost first, itself last). */
function itemsOf(table: Table, document: unknown): { item: unknown; enclosing: Enclosing[] }[] {
  const found: { item: unknown; enclosing: Enclosing[] }[] = [];
  const visit = (node: unknown, depth: number, enclosing: Enclosing[]) => {
    if (depth === table.levels.length) {
      found.push({ item: node, enclosing });
      return;
    }
    const list = get(node, table.levels[depth]!.at);
    if (Array.isArray(list)) list.forEach((item, index) => visit(item, depth + 1, [...enclosing, { item, index }]));
  };
  visit(document, 0, []);
  return found;
}

function cell(
  value: Table['columns'][number]['value'],
  item: unknown,
  enclosing: readonly Enclosing[],
  levels: readonly Level[],
  labels: ReadonlyMap<string, ReadonlyMap<unknown, string>>,
): Cell {
  switch (value.from) {
    case 'field':
      return scalar(get(item, value.path));
    case 'label': {
      const id = get(item, value.path);
      return id === undefined ? undefined : labels.get(value.collection)?.get(id);
    }
    case 'position':
      return enclosing.at(-1)!.index + 1;
    case 'key': {
      const key = levels[value.level]!.key;
      const at = enclosing[value.level]!;
      return key === 'position' ? at.index + 1 : scalar(get(at.item, [key.field]));
    }
  }
}

/** Each referable collection's labels by id: the name (or title) of its records, in the edition's language. */
function labelIndex(derived: DerivedTables, documents: Record<string, unknown>): Map<string, Map<unknown, string>> {
  const index = new Map<string, Map<unknown, string>>();
  for (const [collection, { table: name, key, label }] of derived.referable) {
    if (!label) continue;
    const table = derived.tables.find((t) => t.name === name)!;
    index.set(collection, new Map(itemsOf(table, documents[table.collection]).map(({ item }) => [get(item, [key]), String(get(item, [label]))])));
  }
  return index;
}

function get(node: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, name) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[name] : undefined), node);
}

function scalar(value: unknown): Cell {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** The items of a table's list as written in the data (the records themselves, not their rows). */
export function recordItems(table: Table, document: unknown): Record<string, unknown>[] {
  return itemsOf(table, document).map(({ item }) => item as Record<string, unknown>);
}
