// ajv's errors in words a data editor can act on: one sentence per keyword,
// at the offending node, with a hint; expected text written out by hand. The
// schema here is the test's own, so every keyword appears once.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/yaml-file.ts';
import { describe as describeValue, schemaErrors } from '../../src/validate/schema-errors.ts';

const LETTERS = 'abcdefghijklm'.split('');
const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: { type: 'string' },
    count: { type: 'integer', minimum: 1, maximum: 10, hint: 'count in whole units' },
    share: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    name: { type: 'string', minLength: 1, maxLength: 5, pattern: '^[A-Za-z]*$' },
    code: { type: 'string', minLength: 3 },
    tags: { type: 'array', minItems: 1, maxItems: 2, uniqueItems: true },
    pair: { type: 'array', minItems: 2 },
    text: { type: 'string', pattern: '^[a-z ]*$' },
    date: { type: 'string', format: 'date' },
    status: { enum: ['partner', 'planned'], hint: 'partner or planned' },
    letter: { enum: LETTERS },
    twelve: { enum: LETTERS.slice(0, 12) },
    even: { type: 'integer', multipleOf: 2 },
    kind: { type: 'string' },
    extra: { type: 'string' },
    list: { type: 'object' },
  },
  // A special kind needs an extra: ajv reports the failed `if` too, which says nothing more.
  if: { properties: { kind: { const: 'special' } }, required: ['kind'] },
  then: { required: ['extra'] },
};

const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, verbose: true });
addFormatsModule.default(ajv, ['date']);
ajv.addKeyword({ keyword: 'hint', metaSchema: { type: 'string' } });
const validate = ajv.compile(SCHEMA);

/** [message, line, column, pointer, hint] of each error for `id: x` followed by `lines`. */
function errorsOf(...lines: string[]): unknown[][] {
  const parsed = parseYamlFile('data/x.yaml', Buffer.from(`id: x\n${lines.join('\n')}\n`));
  if (!parsed.ok) throw new Error('the example does not parse');
  validate(parsed.file.value);
  return schemaErrors(parsed.file, validate.errors ?? []).map((e) => [e.message, e.at?.line, e.at?.column, e.at?.pointer, e.hint]);
}

describe('a schema error, in words', () => {
  it.each([
    ['a wrong type, with its article', ['count: "5"'], ['must be an integer, got "5"', 2, 8, '/count', 'count in whole units']],
    ['a wrong type: a list for a mapping', ['list: [1]'], ['must be an object, got a list', 2, 7, '/list', undefined]],
    ['a wrong type: a mapping for text', ['kind: { a: 1 }'], ['must be a string, got a mapping', 2, 7, '/kind', undefined]],
    ['a wrong type: nothing', ['kind:'], ['must be a string, got nothing (null)', 2, 1, '/kind', undefined]],
    ['below a minimum', ['count: 0'], ['must be >= 1, got 0', 2, 8, '/count', 'count in whole units']],
    ['above a maximum', ['count: 11'], ['must be <= 10, got 11', 2, 8, '/count', 'count in whole units']],
    ['at an exclusive minimum', ['share: 0'], ['must be > 0, got 0', 2, 8, '/share', undefined]],
    ['at an exclusive maximum', ['share: 1'], ['must be < 1, got 1', 2, 8, '/share', undefined]],
    ['empty text, once though its pattern fails too', ['name: ""'], ['must not be empty', 2, 7, '/name', undefined]],
    ['text too short', ['code: ab'], ['must have at least 3 characters', 2, 7, '/code', undefined]],
    ['text too long', ['name: abcdefg'], ['must have at most 5 characters, got 7', 2, 7, '/name', undefined]],
    ['an empty list', ['tags: []'], ['must list at least 1 item', 2, 7, '/tags', undefined]],
    ['a list too short', ['pair: [x]'], ['must list at least 2 items', 2, 7, '/pair', undefined]],
    ['a list too long', ['tags: [a, b, c]'], ['must list at most 2 items', 2, 7, '/tags', undefined]],
    ['a repeated item', ['tags: [a, a]'], ['repeats an item (positions 0 and 1)', 2, 7, '/tags', undefined]],
    ['text not of the required form', ['text: ABC'], ['"ABC" does not have the required form', 2, 7, '/text', undefined]],
    ['an invisible character', ['text: "abc\u202E"'], ['contains the invisible character U+202E', 2, 7, '/text', undefined]],
    ['an invisible control character', ['text: "a\\u0007"'], ['contains the invisible character U+0007', 2, 7, '/text', undefined]],
    ['an impossible date', ['date: 2005-02-30'], ['"2005-02-30" is not a valid date', 2, 7, '/date', undefined]],
    ['a value not allowed, with the allowed ones and a suggestion', ['status: partnr'], ['"partnr" is not an allowed value; allowed: partner, planned', 2, 9, '/status', "did you mean 'partner'?"]],
    ['a value not allowed and like none, with the schema\'s hint', ['status: zzzzzz'], ['"zzzzzz" is not an allowed value; allowed: partner, planned', 2, 9, '/status', 'partner or planned']],
    ['a value not allowed among twelve, listed', ['twelve: zzz'], ['"zzz" is not an allowed value; allowed: a, b, c, d, e, f, g, h, i, j, k, l', 2, 9, '/twelve', undefined]],
    ['a value not allowed among more than twelve, not listed', ['letter: zzz'], ['"zzz" is not an allowed value', 2, 9, '/letter', undefined]],
    ['text too long and of the wrong form, once', ['name: abcdef1'], ['must have at most 5 characters, got 7', 2, 7, '/name', undefined]],
    ['any other keyword, in ajv\'s words', ['even: 3'], ['must be multiple of 2', 2, 7, '/even', undefined]],
    ['an unknown property like a known one', ['nmae: x'], ['unknown property "nmae"', 2, 1, '/nmae', "did you mean 'name'?"]],
    ['a missing property that a condition requires, once', ['kind: special'], ['missing required property "extra"', 1, 1, '/', 'add "extra:" to this mapping']],
  ])('%s', (_, lines, expected) => {
    expect(errorsOf(...lines)).toEqual([expected]);
  });

  it('lists the allowed properties when none is like the unknown one', () => {
    expect(errorsOf('zzzzzzzz: 1')).toEqual([
      ['unknown property "zzzzzzzz"', 2, 1, '/zzzzzzzz', `allowed properties: ${Object.keys(SCHEMA.properties).join(', ')}`],
    ]);
  });

  it('reports every missing and unknown property, but one error per value', () => {
    const parsed = parseYamlFile('data/x.yaml', Buffer.from('a: 1\nb: 2\ncount: "x"\nkind: special\n'));
    if (!parsed.ok) throw new Error('the example does not parse');
    validate(parsed.file.value);
    expect(schemaErrors(parsed.file, validate.errors ?? []).map((e) => e.message)).toEqual([
      // Both at the mapping itself: the condition's first, as ajv checks it first.
      'missing required property "extra"',
      'missing required property "id"',
      'unknown property "a"',
      'unknown property "b"',
      'must be an integer, got "x"',
    ]);
  });

  it('says which keyword failed when ajv gives no message', () => {
    const parsed = parseYamlFile('data/x.yaml', Buffer.from('id: x\n'));
    if (!parsed.ok) throw new Error('the example does not parse');
    const custom: ErrorObject = { keyword: 'custom', instancePath: '/id', schemaPath: '#/custom', params: {} };
    expect(schemaErrors(parsed.file, [custom]).map((e) => [e.code, e.message, e.at?.line, e.at?.column])).toEqual([['schema', 'fails "custom"', 1, 5]]);
  });
});

describe('a value, as an error names it', () => {
  it.each([
    ['a'.repeat(60), JSON.stringify('a'.repeat(60))],
    ['a'.repeat(61), JSON.stringify(`${'a'.repeat(57)}…`)],
    [5, '5'],
    [true, 'true'],
    [null, 'nothing (null)'],
    [[1], 'a list'],
    [{ a: 1 }, 'a mapping'],
  ])('%j is %s', (value, words) => {
    expect(describeValue(value)).toBe(words);
  });
});
