// Tables derived from the JSON Schemas: a new collection reaches the open data
// without code, and a schema the derivation cannot follow, or a catalogue entry
// the sink cannot take, is a ReportError naming its place.
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/build.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { loadSchemas } from '../../src/datapackage/json-schemas.ts';
import { deriveTables } from '../../src/datapackage/tables.ts';
import { ReportError } from '../../src/errors.ts';
import { removeDir } from '../helpers/data-copy.ts';
import { scratchCopy } from '../helpers/template-copy.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeDir(dir);
  dir = undefined;
});

/** The project's schemas plus one more collection, `events`, whose record has `properties`. */
async function withEvents(properties: Record<string, unknown>) {
  dir = await mkdtemp(join(tmpdir(), 'coop-schemas-'));
  await cp(join(PROJECT_ROOT, 'schemas'), dir, { recursive: true });
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'events.schema.json',
    title: 'Events',
    type: 'object',
    required: ['events'],
    properties: {
      events: {
        type: 'array',
        items: { title: 'Event', type: 'object', required: ['id', 'project'], properties: { id: { $ref: 'defs.schema.json#/$defs/id', defines: 'events' }, ...properties } },
      },
    },
  };
  await writeFile(join(dir, 'events.schema.json'), JSON.stringify(schema));
  return deriveTables(await loadSchemas(dir), ['en', 'ru']);
}

describe('deriveTables', () => {
  it('makes a table of a new collection, with its references as foreign keys and a label from the referenced title', async () => {
    const derived = await withEvents({
      project: { $ref: 'defs.schema.json#/$defs/id', references: 'projects' },
      held_on: { $ref: 'defs.schema.json#/$defs/date' },
      guests: { type: 'array', items: { $ref: 'defs.schema.json#/$defs/id', references: 'organisations' } },
    });
    const events = derived.tables.find((t) => t.name === 'events')!;
    expect(events.columns.map((c) => [c.name, c.type, c.constraints.required ?? false])).toEqual([
      ['id', 'string', true],
      ['project', 'string', true],
      // Projects have a title, not a name: the label is the title.
      ['project_name', 'string', true],
      ['held_on', 'date', false],
    ]);
    expect(events.primaryKey).toEqual(['id']);
    expect(events.foreignKeys).toEqual([{ fields: ['project'], resource: 'projects', referenceFields: ['id'] }]);
    const guests = derived.tables.find((t) => t.name === 'events-guests')!;
    expect(guests.columns.map((c) => c.name)).toEqual(['event', 'position', 'guests', 'guests_name']);
    expect(guests.foreignKeys).toEqual([
      { fields: ['event'], resource: 'events', referenceFields: ['id'] },
      { fields: ['guests'], resource: 'organisations', referenceFields: ['id'] },
    ]);
  });

  it('refuses a reference to a collection no schema defines, naming the field', async () => {
    const error = await withEvents({ project: { $ref: 'defs.schema.json#/$defs/id', references: 'projets' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect(error).toMatchObject({ code: 'open-data', message: expect.stringMatching(/events\.schema\.json: project of table events references "projets"/), hint: expect.stringContaining('"defines": "projets"') });
  });

  it('refuses a field that is neither a value, an object nor a list', async () => {
    const error = await withEvents({ project: { $ref: 'defs.schema.json#/$defs/id' }, size: { oneOf: [{ type: 'integer' }, { type: 'string' }] } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'open-data', message: expect.stringContaining('size has no type a table column can take') });
  });
});

describe('the datapackage catalogue entry', () => {
  it('takes no each: (the sink decides its files), an error at the catalogue line', async () => {
    const copy = await scratchCopy('datapackage-each');
    try {
      await copy.edit('templates/catalogue.yaml', (text) => text.replace('    kind: datapackage\n', '    kind: datapackage\n    each: projects\n'));
      const result = await validate(copy.config);
      expect(result.ok ? [] : result.errors.map((e) => [e.code, e.message, e.at?.file, e.at?.line])).toEqual([
        ['template', 'output "data" of kind datapackage takes no each:', 'templates/catalogue.yaml', expect.any(Number)],
      ]);
    } finally {
      await copy.remove();
    }
  });
});
