// The JSON Schemas, compiled once and kept as code (validate/standalone.ts). Four project keywords sit
// beside the standard ones:
//   hint        advice shown with any error raised in that schema
//   defines     this string is the id of a record of the named collection
//   references  this string must be the id of a record of the named collection
//   translated  this text needs a value in every language of the build: its
//               siblings `<field>_<language>` (one per other language of the
//               catalogue) are added to the schema here, not written in it
// `defines`, `references` and `translated` record what they see into the
// context passed to each validation call, so cross-file checks and languages
// need no second walk of the data.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CodeKeywordDefinition, ErrorObject, KeywordCxt } from 'ajv/dist/2020.js';
import { _, Name, strConcat } from 'ajv/dist/compile/codegen/index.js';
import { SHARED_SCHEMA } from '../load/data-set.ts';
import { STANDALONE, standaloneValidators } from './standalone.ts';

export interface IdUse {
  collection: string;
  id: string;
  /** JSON pointer inside the file being validated. */
  pointer: string;
}

export interface IdUses {
  defines: IdUse[];
  references: IdUse[];
  /** JSON pointers of translated text. */
  translated: string[];
}

export interface SchemaResult {
  errors: ErrorObject[];
  ids: IdUses;
}

export interface SchemaValidator {
  collections: readonly string[];
  validate(collection: string, value: unknown): SchemaResult;
}

/** `languages`: the catalogue's other languages, whose `<field>_<language>` siblings the data may hold. */
export async function createSchemaValidator(schemasDir: string, collections: readonly string[], languages: readonly string[] = []): Promise<SchemaValidator> {
  const read = async (name: string) =>
    withTranslations(JSON.parse(await readFile(join(schemasDir, `${name}.schema.json`), 'utf8')) as Record<string, unknown>, languages);
  const [shared, ...schemas] = await Promise.all([SHARED_SCHEMA, ...collections].map(read));
  // Each collection's schema is added under a key of its own: a schema need not have an $id.
  const keys = Object.fromEntries(collections.map((c) => [c, `collection:${c}`]));
  // The keywords' code shapes the generated code: it is part of the key.
  const compiled = await standaloneValidators([shared, schemas, KEYWORDS.map((k) => k.code.toString())], keys, async () => {
    const [{ Ajv2020 }, { default: addFormatsModule }] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
    // ajv-formats is CommonJS: under ESM its function is the `default` of the module object.
    const addFormats = addFormatsModule.default;
    const ajv = new Ajv2020({
      strict: true,
      allErrors: true,
      verbose: true,
      passContext: true,
      coerceTypes: false,
      useDefaults: false,
      $data: false,
      ...STANDALONE,
    });
    addFormats(ajv, ['date']);
    ajv.addKeyword({ keyword: 'hint', metaSchema: { type: 'string' } });
    for (const keyword of KEYWORDS) ajv.addKeyword(keyword);
    ajv.addSchema(shared!);
    schemas.forEach((schema, i) => ajv.addSchema(schema, keys[collections[i]!]));
    return ajv;
  });

  return {
    collections,
    validate(collection, value) {
      const fn = compiled[collection];
      if (!fn) throw new Error(`no schema compiled for ${collection}`);
      const ids: IdUses = { defines: [], references: [], translated: [] };
      const valid = fn.call(ids, value);
      return { errors: valid ? [] : [...(fn.errors ?? [])], ids };
    },
  };
}

/** The JSON pointer of the value a keyword sees, as Ajv gives it to keyword functions. */
const instancePath = (cxt: KeywordCxt) => strConcat(new Name('instancePath'), cxt.it.errorPath);

/**
 * The keywords that record into the context (`this` of the validation call,
 * an IdUses). As code, not functions, so that the generated code stands alone.
 */
const KEYWORDS: CodeKeywordDefinition[] = [
  // Marks text that each language of the build needs; `<field>_<language>` holds its translation.
  {
    keyword: 'translated',
    metaSchema: { type: 'boolean' },
    code(cxt) {
      cxt.gen.if(_`${cxt.data} !== undefined`, () => cxt.gen.code(_`this.translated.push(${instancePath(cxt)})`));
    },
  },
  ...(['defines', 'references'] as const).map(
    (keyword): CodeKeywordDefinition => ({
      keyword,
      metaSchema: { type: 'string' },
      schemaType: 'string',
      code(cxt) {
        const use = _`{collection: ${cxt.schema as string}, id: ${cxt.data}, pointer: ${instancePath(cxt)}}`;
        cxt.gen.if(_`typeof ${cxt.data} == "string"`, () => cxt.gen.code(_`this.${new Name(keyword)}.push(${use})`));
      },
    }),
  ),
];

/**
 * Beside every property marked `translated`, a sibling per language with the
 * same schema: `name` gets `name_ru`, `name_de`, ... for the languages the
 * catalogue names, so adding a language never touches a schema.
 */
export function withTranslations<T>(schema: T, languages: readonly string[]): T {
  if (Array.isArray(schema)) return schema.map((s) => withTranslations(s, languages)) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, withTranslations(v, languages)])) as Record<string, unknown>;
  const properties = copy.properties as Record<string, Record<string, unknown>> | undefined;
  if (properties && typeof properties === 'object') {
    for (const [name, property] of Object.entries(properties)) {
      if (property?.translated !== true) continue;
      const { translated: _, ...plain } = property;
      for (const language of languages) properties[`${name}_${language}`] ??= { ...plain, description: `The ${language} text of ${name}` };
    }
  }
  return copy as T;
}
