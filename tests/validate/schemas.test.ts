// The schema machinery on its own: the project's keywords (defines,
// references, translated, hint), the siblings added for each language, Ajv's
// settings, and the standalone files checked against a schema (the catalogue,
// workbook declarations).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSchemaValidator, withTranslations } from '../../src/validate/schemas.ts';
import { loadYamlWithSchema } from '../../src/validate/yaml-schema.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coop-schemas-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const ITEM = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { type: 'string', defines: 'items' },
    parent: { type: 'string', references: 'items' },
    title: { type: 'string', translated: true, maxLength: 20, hint: 'a short title' },
    count: { type: 'integer', default: 1 },
  },
};
const ITEMS = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { items: { type: 'array', items: ITEM } } };

async function schemas(items: object = ITEMS): Promise<string> {
  await writeFile(join(dir, 'defs.schema.json'), JSON.stringify({ $id: 'defs.schema.json', $defs: { text: { type: 'string' } } }));
  await writeFile(join(dir, 'items.schema.json'), JSON.stringify(items));
  return dir;
}

describe('withTranslations', () => {
  it('adds a sibling per language beside each translated property, at any depth, keeping what is written', () => {
    const schema = {
      properties: { name: { type: 'string', translated: true, maxLength: 5 }, name_ru: { type: 'string', description: 'written by hand' }, code: { type: 'string' } },
      anyOf: [{ properties: { list: { type: 'array', items: { properties: { title: { type: 'string', translated: true } } } } } }],
    };
    const before = structuredClone(schema);
    expect(withTranslations(schema, ['ru', 'de'])).toEqual({
      properties: {
        name: { type: 'string', translated: true, maxLength: 5 },
        name_ru: { type: 'string', description: 'written by hand' },
        name_de: { type: 'string', maxLength: 5, description: 'The de text of name' },
        code: { type: 'string' },
      },
      anyOf: [
        {
          properties: {
            list: {
              type: 'array',
              items: { properties: { title: { type: 'string', translated: true }, title_ru: { type: 'string', description: 'The ru text of title' }, title_de: { type: 'string', description: 'The de text of title' } } },
            },
          },
        },
      ],
    });
    expect(schema).toEqual(before);
  });

  it('leaves values that are not schemas as they are', () => {
    expect(withTranslations(5, ['ru'])).toBe(5);
    expect(withTranslations(null, ['ru'])).toBeNull();
    expect(withTranslations('text', ['ru'])).toBe('text');
    expect(withTranslations({ properties: { name: { translated: false } } }, ['ru'])).toEqual({ properties: { name: { translated: false } } });
  });
});

describe('createSchemaValidator', () => {
  it('records the ids a file defines and references, and its translated text, at their pointers', async () => {
    const validator = await createSchemaValidator(await schemas(), ['items'], ['ru']);
    const value = { items: [{ id: 'a', title: 'A', title_ru: 'А' }, { id: 'b', parent: 'a' }, { id: 'c', parent: 5 }] };
    const result = validator.validate('items', value);
    expect(result.ids).toEqual({
      defines: ['a', 'b', 'c'].map((id, i) => ({ collection: 'items', id, pointer: `/items/${i}/id` })),
      references: [{ collection: 'items', id: 'a', pointer: '/items/1/parent' }],
      translated: ['/items/0/title'],
    });
    expect(result.errors.map((e) => [e.keyword, e.instancePath])).toEqual([['type', '/items/2/parent']]);
    expect(validator.collections).toEqual(['items']);
  });

  it('accepts the languages\' siblings only for the languages given, and fills in no defaults', async () => {
    const russian = await createSchemaValidator(await schemas(), ['items'], ['ru']);
    const item = { id: 'a', title_ru: 'А' };
    expect(russian.validate('items', { items: [item] }).errors).toEqual([]);
    expect(item).toEqual({ id: 'a', title_ru: 'А' });
    const none = await createSchemaValidator(dir, ['items']);
    expect(none.validate('items', { items: [{ id: 'a', title_ru: 'А' }] }).errors.map((e) => e.keyword)).toEqual(['additionalProperties']);
    expect(none.validate('items', { items: [{ id: 'a', count: '5' }] }).errors.map((e) => e.keyword)).toEqual(['type']);
  });

  it('refuses a collection it has no schema for', async () => {
    const validator = await createSchemaValidator(await schemas(), ['items']);
    expect(() => validator.validate('things', {})).toThrow('no schema compiled for things');
  });

  it.each([
    ['an unknown keyword', { colour: 'red' }],
    ['a hint that is not text', { hint: 5 }],
    ['a translated mark that is not true or false', { translated: 'yes' }],
    ['a collection name that is not text', { defines: 5 }],
    ['a $data reference', { maximum: { $data: '1/limit' } }],
  ])('refuses a schema with %s', async (_, extra) => {
    const items = { ...ITEMS, properties: { items: { type: 'array', items: { ...ITEM, properties: { ...ITEM.properties, id: { ...ITEM.properties.id, ...extra } } } } } };
    await expect(createSchemaValidator(await schemas(items), ['items'])).rejects.toThrow();
  });
});

describe('loadYamlWithSchema', () => {
  const SCHEMA = { type: 'object', additionalProperties: false, required: ['locales'], properties: { locales: { type: 'array', items: { type: 'string', hint: 'a language code' } }, styles: { type: 'object' } } };
  /** templates/catalogue.yaml with `text` (none if undefined), checked against SCHEMA. */
  const check = async (text: string | Buffer | undefined, at?: { file: string; line: number; column: number }) => {
    await mkdir(join(dir, 'templates'), { recursive: true });
    await writeFile(join(dir, 'schema.json'), JSON.stringify(SCHEMA));
    if (text !== undefined) await writeFile(join(dir, 'templates', 'catalogue.yaml'), text);
    return loadYamlWithSchema(join(dir, 'templates', 'catalogue.yaml'), join(dir, 'schema.json'), dir, at);
  };

  it('reads a valid file', async () => {
    const result = await check('locales: [en, ru]\n');
    expect(result.ok && result.file.value).toEqual({ locales: ['en', 'ru'] });
  });

  it('reports every schema error at its place, with the schema\'s hint, and keeps the text', async () => {
    const result = await check('locales: [en, 5]\ncolour: red\nsize: 2\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.message, e.at?.file, e.at?.line, e.at?.column, e.hint])).toEqual([
      ['unknown property "colour"', 'templates/catalogue.yaml', 2, 1, 'allowed properties: locales, styles'],
      ['unknown property "size"', 'templates/catalogue.yaml', 3, 1, 'allowed properties: locales, styles'],
      ['must be a string, got 5', 'templates/catalogue.yaml', 1, 15, 'a language code'],
    ]);
    expect([...result.sources]).toEqual([['templates/catalogue.yaml', 'locales: [en, 5]\ncolour: red\nsize: 2\n']]);
  });

  it('reports YAML it cannot read, with the text when there is one', async () => {
    const broken = await check('locales: [en\n');
    expect(broken.ok ? [] : [broken.errors.map((e) => e.code), [...broken.sources.keys()]]).toEqual([['syntax'], ['templates/catalogue.yaml']]);
    const binary = await check(Buffer.from([0x61, 0x3a, 0x20, 0xff]));
    expect(binary.ok ? [] : [binary.errors.map((e) => e.code), binary.sources.size]).toEqual([['encoding'], 0]);
  });

  it('names a missing file where it is named, suggesting a file beside it', async () => {
    const at = { file: 'templates/catalogue.yaml', line: 3, column: 5 };
    await mkdir(join(dir, 'templates'), { recursive: true });
    await writeFile(join(dir, 'templates', 'catalog.yaml'), 'locales: []\n');
    const result = await check(undefined, at);
    expect(result.ok ? [] : result.errors.map((e) => [e.code, e.message, e.at, e.hint, (e.cause as NodeJS.ErrnoException).code])).toEqual([
      ['template', 'no file templates/catalogue.yaml', at, "did you mean 'catalog.yaml' (in the same folder)?", 'ENOENT'],
    ]);
    expect(result.ok ? null : result.sources.size).toBe(0);
    await rm(join(dir, 'templates', 'catalog.yaml'));
    const far = await check(undefined, at);
    expect(far.ok ? [] : far.errors.map((e) => e.hint)).toEqual(['paths are relative to templates/']);
  });

  it('names a missing file in a missing folder, and throws on any other failure to read', async () => {
    await writeFile(join(dir, 'schema.json'), JSON.stringify(SCHEMA));
    const gone = await loadYamlWithSchema(join(dir, 'nowhere', 'catalogue.yaml'), join(dir, 'schema.json'), dir);
    expect(gone.ok ? [] : gone.errors.map((e) => [e.message, e.hint])).toEqual([['no file nowhere/catalogue.yaml', 'paths are relative to templates/']]);
    await mkdir(join(dir, 'folder.yaml'));
    await expect(loadYamlWithSchema(join(dir, 'folder.yaml'), join(dir, 'schema.json'), dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('refuses a schema with an unknown keyword or a hint that is not text', async () => {
    await writeFile(join(dir, 'file.yaml'), 'locales: []\n');
    for (const extra of [{ colour: 'red' }, { hint: 5 }]) {
      await writeFile(join(dir, 'schema.json'), JSON.stringify({ ...SCHEMA, ...extra }));
      await expect(loadYamlWithSchema(join(dir, 'file.yaml'), join(dir, 'schema.json'), dir)).rejects.toThrow();
    }
  });
});
