// The data's JSON Schemas as plain objects, with `$ref`s followed: what the
// tables of the open data are derived from (tables.ts). Only the references
// the schemas use are understood: `file.schema.json#/pointer` and `#/pointer`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectionNames, SHARED_SCHEMA } from '../load/data-set.ts';

export type JsonSchema = Record<string, unknown>;

export interface SchemaSet {
  /** Collections in file-name order, as the loader reads them. */
  collections: string[];
  /** A collection's schema, its root resolved. */
  root(collection: string): ResolvedSchema;
  /** A subschema met in `file`, its `$ref` followed. */
  resolve(schema: JsonSchema, file: string): ResolvedSchema;
}

/** A schema with its `$ref` followed and merged, and the file it came from, so nested references resolve too. */
export interface ResolvedSchema {
  schema: JsonSchema;
  file: string;
}

export async function loadSchemas(schemasDir: string): Promise<SchemaSet> {
  const collections = await collectionNames(schemasDir);
  const files = new Map<string, JsonSchema>();
  for (const name of [SHARED_SCHEMA, ...collections]) {
    const file = `${name}.schema.json`;
    files.set(file, JSON.parse(await readFile(join(schemasDir, file), 'utf8')) as JsonSchema);
  }
  const resolve = (schema: JsonSchema, file: string) => resolveIn(files, { schema, file });
  return { collections, resolve, root: (collection) => resolve(files.get(`${collection}.schema.json`)!, `${collection}.schema.json`) };
}

/** Follows `$ref` (repeatedly); the keywords beside a `$ref` win over those of its target, the nearer declaration being the more specific. */
function resolveIn(files: ReadonlyMap<string, JsonSchema>, at: ResolvedSchema): ResolvedSchema {
  const { $ref, ...siblings } = at.schema;
  if (typeof $ref !== 'string') return at;
  const [name, pointer = ''] = $ref.split('#');
  const file = name || at.file;
  const document = files.get(file);
  if (!document) throw new Error(`${at.file}: $ref to unknown schema file ${file}`);
  const target = pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, segment) => (node as JsonSchema | undefined)?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  if (target === undefined) throw new Error(`${at.file}: $ref ${$ref} points at nothing`);
  const resolved = resolveIn(files, { schema: target as JsonSchema, file });
  return { schema: { ...resolved.schema, ...siblings }, file: resolved.file };
}
