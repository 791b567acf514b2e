// Writes src/validate/data-types.ts: TypeScript types for the data files,
// generated from the JSON Schemas so the two can never disagree. Run with
// `npm run types`; a test fails when the committed file is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { SHARED_SCHEMA, collectionNames } from '../load/data-set.ts';

export const TYPES_FILE = fileURLToPath(new URL('../validate/data-types.ts', import.meta.url));
const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

const PROJECT_KEYWORDS = new Set(['hint', 'defines', 'references', 'translated']);

export async function generateTypes(schemasDir = SCHEMAS_DIR): Promise<string> {
  const collections = await collectionNames(schemasDir);
  const read = async (name: string) => JSON.parse(await readFile(join(schemasDir, `${name}.schema.json`), 'utf8')) as JSONSchema;
  // One root schema over all files, so shared definitions become one type each.
  const properties: Record<string, JSONSchema> = {};
  for (const c of collections) {
    const { $schema: _, $id: __, ...schema } = await read(c);
    properties[c] = schema;
  }
  const defs = await read(SHARED_SCHEMA);
  const root: JSONSchema = {
    title: 'CooperationData',
    description: 'Every data file, by collection name, as validated against schemas/.',
    type: 'object',
    additionalProperties: false,
    required: collections,
    properties,
    $defs: defs.$defs,
  };
  const json = JSON.stringify(root).replaceAll(`"${SHARED_SCHEMA}.schema.json#/$defs/`, '"#/$defs/');
  // The project keywords carry no type information; left in, each `$ref` with
  // one beside it would become a new copy of the referenced type.
  const inlined = JSON.parse(json, (key, value: unknown) => (PROJECT_KEYWORDS.has(key) ? undefined : value)) as JSONSchema;
  return compile(inlined, 'CooperationData', {
    bannerComment: '// Generated from schemas/*.schema.json by `npm run types`. Do not edit.',
    additionalProperties: false,
    unreachableDefinitions: false,
    ignoreMinAndMaxItems: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(TYPES_FILE, await generateTypes());
  console.log(`wrote ${TYPES_FILE}`);
}
