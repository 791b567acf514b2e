// The loader on its own: what YAML a data file may not use, each refused at
// its line and column; bytes that are not UTF-8, found to the byte; pointers
// mapped back to positions. (tests/validate/invalid-data.test.ts has the same
// refusals inside a whole data set.)
import { describe, expect, it } from 'vitest';
import { pointerSegments, positionOf, toPointer } from '../../src/load/positions.ts';
import { MAX_DEPTH, parseYamlFile, type YamlFile } from '../../src/load/yaml-file.ts';

const HINT = {
  alias: 'write the value out in full',
  anchor: 'remove the anchor and write values out in full',
  key: 'rename the key; these names can change how JavaScript objects behave',
  encoding: 'save the file as UTF-8 (most editors offer this under "Save with encoding")',
  tag: 'remove the tag; data files use plain YAML values',
};

const refusals = (content: string | Uint8Array, maxBytes?: number) => {
  const result = parseYamlFile('data/x.yaml', typeof content === 'string' ? Buffer.from(content) : content, maxBytes);
  return result.ok ? [] : result.errors.map((e) => ({ code: e.code, message: e.message, at: [e.at!.line, e.at!.column], hint: e.hint }));
};

describe('YAML a data file may not use', () => {
  it.each([
    ['an anchor', 'a: &x 1\nb: 2\n', [{ code: 'alias', message: 'anchor &x is not allowed', at: [1, 4], hint: HINT.anchor }]],
    ['an alias', 'a: 1\nb: *x\n', [{ code: 'alias', message: 'alias *x is not allowed', at: [2, 4], hint: HINT.alias }]],
    ['a tag on a value', 'a: !!str 1\n', [{ code: 'tag', message: 'tag !!str is not allowed', at: [1, 10], hint: HINT.tag }]],
    ['an unknown tag', 'report: !!python/object:os.system {}\n', [{ code: 'tag', message: 'Unresolved tag: tag:yaml.org,2002:python/object:os.system', at: [1, 9], hint: HINT.tag }]],
    ['a list as a key', '? [a, b]\n: 1\n', [{ code: 'complex-key', message: 'a key must be plain text', at: [1, 3], hint: 'write the key as a word, e.g. name' }]],
    ['a prototype key', 'prototype: 1\n', [{ code: 'unsafe-key', message: 'key "prototype" is not allowed', at: [1, 1], hint: HINT.key }]],
    [
      'constructor and prototype keys',
      'report:\n  constructor: { prototype: { polluted: true } }\n',
      [
        { code: 'unsafe-key', message: 'key "constructor" is not allowed', at: [2, 3], hint: HINT.key },
        { code: 'unsafe-key', message: 'key "prototype" is not allowed', at: [2, 18], hint: HINT.key },
      ],
    ],
    ['a duplicate key', 'report: {}\nreport: {}\n', [{ code: 'duplicate-key', message: 'Map keys must be unique', at: [2, 1], hint: 'remove or rename one of the two keys' }]],
    [
      'a syntax error, reported once',
      'a: [1, 2\nb: 3\nc: [4\n',
      [{ code: 'syntax', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', at: [2, 1], hint: 'check indentation, colons and quotes around this position' }],
    ],
    [
      'a syntax error, and a duplicate key after it',
      'a: [1, 2\nb: 3\nb: 4\n',
      [
        { code: 'syntax', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', at: [2, 1], hint: 'check indentation, colons and quotes around this position' },
        { code: 'duplicate-key', message: 'Map keys must be unique', at: [3, 1], hint: 'remove or rename one of the two keys' },
      ],
    ],
    [
      'a duplicate key, and a syntax error after it',
      'a: 1\na: 2\nb: [3\n',
      [
        { code: 'duplicate-key', message: 'Map keys must be unique', at: [2, 1], hint: 'remove or rename one of the two keys' },
        { code: 'syntax', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', at: [4, 1], hint: 'check indentation, colons and quotes around this position' },
      ],
    ],
    ['an anchor at the very start', '&a [1]\n', [{ code: 'alias', message: 'anchor &a is not allowed', at: [1, 1], hint: HINT.anchor }]],
    ['an anchor after a blank first line', '\n&a [1]\n', [{ code: 'alias', message: 'anchor &a is not allowed', at: [2, 1], hint: HINT.anchor }]],
    [
      'a syntax error, and nothing about anchors until it is fixed',
      'a: [1, 2\nb: &x 3\n',
      [{ code: 'syntax', message: 'Flow sequence in block collection must be sufficiently indented and end with a ]', at: [2, 1], hint: 'check indentation, colons and quotes around this position' }],
    ],
    [
      `lists nested ${MAX_DEPTH + 8} deep`,
      `x: ${'['.repeat(MAX_DEPTH + 8)}${']'.repeat(MAX_DEPTH + 8)}\n`,
      [{ code: 'too-deep', message: 'nesting is deeper than 32 levels', at: [1, 4 + MAX_DEPTH - 1], hint: 'data files nest at most 32 levels of mappings and lists' }],
    ],
  ])('%s', (_, content, expected) => {
    expect(refusals(content)).toEqual(expected);
  });

  it(`accepts nesting of ${MAX_DEPTH - 1} levels, a tag on a mapping, a byte-order mark and CRLF`, () => {
    const deep = `x: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}\n`;
    expect(refusals(deep)).toEqual([]);
    const result = parseYamlFile('x.yaml', Buffer.from('\uFEFFa: !!map { b: 1 }\r\nc: [2,\r\n  3]\r\n'));
    expect(result.ok && result.file.value).toEqual({ a: { b: 1 }, c: [2, 3] });
    expect(result.ok && result.file.text.startsWith('a:')).toBe(true);
  });

  it('reads a merge key as a plain key, and keeps a byte-order mark inside text', () => {
    const merge = parseYamlFile('x.yaml', Buffer.from('<<: { a: 1 }\nb: 2\n'));
    expect(merge.ok && merge.file.value).toEqual({ '<<': { a: 1 }, b: 2 });
    const inner = parseYamlFile('x.yaml', Buffer.from('a: "x\uFEFFy"\n'));
    expect(inner.ok && inner.file.value).toEqual({ a: 'x\uFEFFy' });
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(refusals('a: 1\n', 4)).toEqual([
      { code: 'too-large', message: 'file is 5 bytes, more than the limit of 4', at: [1, 1], hint: 'split the collection or check that the file is the one you meant' },
    ]);
    expect(refusals('a: 1\n', 5)).toEqual([]);
  });
});

describe('bytes that are not UTF-8', () => {
  it.each([
    ['a lead byte with a bad follower', [0x63, 0x3a, 0x20, 0xc3, 0x28, 0x0a], 'byte 0xc3 at offset 3', [1, 4]],
    ['an overlong form', [0x61, 0x0a, 0x62, 0xc0, 0x80], 'byte 0xc0 at offset 3', [2, 2]],
    ['a byte above U+10FFFF', [0x61, 0xf5, 0x80, 0x80, 0x80], 'byte 0xf5 at offset 1', [1, 2]],
    ['a sequence cut short at the end', [0x61, 0x62, 0xe2, 0x82], 'byte 0xe2 at offset 2', [1, 3]],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80], 'byte 0xed at offset 1', [1, 2]],
    ['0xff after two, three and four-byte characters', [0xd0, 0x9b, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x0a, 0x20, 0xff], 'byte 0xff at offset 11', [2, 2]],
    ['a lone continuation byte', [0x0a, 0x0a, 0x80], 'byte 0x80 at offset 2', [3, 1]],
    // £ (C2 A3), U+0800 (E0 A0 80) and U+10FFFF (F4 8F BF BF): the lowest and highest lead bytes of each length.
    ['0xff after the first characters of each length', [0xc2, 0xa3, 0xe0, 0xa0, 0x80, 0xf4, 0x8f, 0xbf, 0xbf, 0x20, 0xff], 'byte 0xff at offset 10', [1, 6]],
  ])('%s: the first bad byte, at its line and column', (_, bytes, message, at) => {
    expect(refusals(new Uint8Array(bytes))).toEqual([{ code: 'encoding', message: `${message} is not valid UTF-8`, at, hint: HINT.encoding }]);
  });
});

describe('positions of JSON pointers', () => {
  const text = ['projects:', '  - id: red', '    budget_eur: 790336', '    title:', '  - id: asap', ''].join('\n');
  const parsed = parseYamlFile('data/projects.yaml', Buffer.from(text));
  if (!parsed.ok) throw new Error('the example does not parse');
  const file: YamlFile = parsed.file;
  const at = (pointer: string, target?: Parameters<typeof positionOf>[2]) => {
    const { line, column, pointer: p } = positionOf(file, pointer, target);
    return [line, column, p];
  };

  it('splits and joins pointers, escaping / and ~ (RFC 6901)', () => {
    expect(pointerSegments('')).toEqual([]);
    expect(pointerSegments('/a~1b/c~0d/0/~01')).toEqual(['a/b', 'c~d', '0', '~1']);
    expect(toPointer(['a/b', 'c~d', 0, '~1'])).toBe('/a~1b/c~0d/0/~01');
    expect(toPointer([])).toBe('');
  });

  it('points at a value, at the key of an empty one, and at the nearest node that exists', () => {
    expect(at('')).toEqual([1, 1, '']);
    expect(at('/projects/0/budget_eur')).toEqual([3, 17, '/projects/0/budget_eur']);
    expect(at('/projects/0/title')).toEqual([4, 5, '/projects/0/title']);
    expect(at('/projects/1')).toEqual([5, 5, '/projects/1']);
    expect(at('/projects/7')).toEqual([2, 3, '/projects/7']);
    expect(at('/projects/0/nope')).toEqual([2, 5, '/projects/0/nope']);
  });

  it('points at a property\'s key when asked to', () => {
    expect(at('/projects/0', { kind: 'key', property: 'budget_eur' })).toEqual([3, 5, '/projects/0/budget_eur']);
    expect(at('/projects/0', { kind: 'key', property: 'missing' })).toEqual([2, 5, '/projects/0/missing']);
  });

  it('points at the scalar a pointer goes through, and at the start of an empty document', () => {
    expect(at('/projects/0/budget_eur/deeper')).toEqual([3, 17, '/projects/0/budget_eur/deeper']);
    const empty = parseYamlFile('data/empty.yaml', Buffer.from(''));
    if (!empty.ok) throw new Error('an empty file parses');
    expect(positionOf(empty.file, '/projects/0')).toEqual({ file: 'data/empty.yaml', line: 1, column: 1, pointer: '/projects/0' });
  });

  it('finds lines from the text itself', () => {
    expect(file.locate(0)).toEqual({ line: 1, column: 1 });
    expect(file.locate(text.indexOf('- id: asap'))).toEqual({ line: 5, column: 3 });
    expect(file.locate(text.length)).toEqual({ line: 6, column: 1 });
  });
});
