// The fast reader of plain YAML against the `yaml` library: whenever it
// answers, `yaml` finds no error and the same value; everything else it leaves
// to `yaml`. Positions are still those of `yaml`'s document, parsed only when
// asked for, even for a mistake deep in a large file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { positionOf } from '../../src/load/positions.ts';
import { readPlainYaml } from '../../src/load/plain-yaml.ts';
import { parseYamlFile } from '../../src/load/yaml-file.ts';
import { fixtureConfig } from '../helpers/fixture.ts';

const OPTIONS = { version: '1.2', schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false } as const;
const SEED = 1_136_073_600;

/** The property: the fast answer, if any, is `yaml`'s answer for a file without errors. */
function agrees(text: string): boolean {
  const fast = readPlainYaml(text, OPTIONS);
  if (!fast) return true;
  const doc = parseDocument(text, OPTIONS);
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  expect(doc.warnings.map((e) => e.message)).toEqual([]);
  expect(fast.value).toStrictEqual(doc.toJS({ maxAliasCount: 0 }));
  return true;
}

const word = fc.constantFrom('id', 'name', 'name_ru', 'budget_eur', 'a', 'b', 'true', 'null', 'Null', '~', 'x-y', '1', '0x1F', 'on', 'y');
const scalar = fc.oneof(
  fc.constantFrom(
    '1', '-1', '+1', '007', '0o17', '0x1f', '1_000', '1.50', '-.5', '.5', '1e3', '1.2e-3', '.inf', '-.Inf', '.NaN', 'true', 'False', 'TRUE', 'yes', 'no',
    'null', '~', 'NULL', '', "''", '""', "'it''s'", '"a\\tb"', '"a # b"', "'a: b'", 'a # comment', 'a#b', 'a: b', 'a:', 'a:b', 'http://x.y/z',
    '[a, b]', '[]', '[ ]', '[1, 2.0, true, null]', '[a,b,]', '[a, [b]]', '[Экономика, Жизнь]', '[a b, c]', '{a: 1}', '&x 1', '*x', '!!str 1', '|', '>-',
    '- a', '-a', '? a', ': a', '@a', '`a', '%a', "'a' b", '"a" #c', '"a"#c', '«Добрые соседи»', 'Public Health – BROMIR', 'a  b ', '2005-06-30',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
type Tree = string | { pairs: [string, Tree][] } | { items: Tree[] };
const { node: tree } = fc.letrec<{ node: Tree; map: Tree; list: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  map: fc.uniqueArray(fc.tuple(word, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((pairs) => ({ pairs })),
  list: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items) => ({ items })),
}));

interface Style {
  step: number;
  /** Lists under a key at the key's own indent. */
  flush: boolean;
  comments: boolean;
}

/** A tree as block YAML in one of several styles. */
function write(root: Tree, style: Style): string[] {
  const out: string[] = [];
  const pad = (n: number) => ' '.repeat(n);
  const block = (node: Tree, indent: number) => {
    if (typeof node === 'string') throw new Error('a block is a map or a list');
    if ('pairs' in node) {
      for (const [k, v] of node.pairs) {
        if (typeof v === 'string') out.push(`${pad(indent)}${k}: ${v}`);
        else {
          out.push(`${pad(indent)}${k}:${style.comments ? ' # c' : ''}`);
          block(v, 'items' in v && style.flush ? indent : indent + style.step);
        }
      }
    } else {
      for (const item of node.items) {
        if (typeof item === 'string') out.push(`${pad(indent)}- ${item}`);
        else if ('pairs' in item && style.flush) {
          // "- key: value", the mapping at the column after the dash.
          const at = out.length;
          block(item, indent + 2);
          out[at] = `${pad(indent)}- ${out[at]!.slice(indent + 2)}`;
        } else {
          out.push(`${pad(indent)}-`);
          block(item, indent + style.step);
        }
      }
    }
  };
  block(typeof root === 'string' ? { pairs: [['a', root]] } : root, 0);
  return out;
}

const document = fc
  .record({
    tree,
    step: fc.constantFrom(1, 2, 2, 4),
    flush: fc.boolean(),
    comments: fc.boolean(),
    spoil: fc.option(fc.record({ at: fc.nat(), line: fc.oneof(scalar.map((v) => `  ${v}`), fc.constantFrom('', '# c', '---', '...', '\t', ' x', '- ', '  - a', 'a: 1', ' a: 1', '   b: [c]')) }), { freq: 2 }),
  })
  .map(({ tree: t, spoil, ...style }) => {
    const lines = write(t, style);
    if (spoil) lines.splice(spoil.at % (lines.length + 1), 0, spoil.line);
    return `${lines.join('\n')}\n`;
  });

describe('the fast reader of plain YAML', () => {
  it('answers only as the yaml library does, on generated documents', () => {
    let answered = 0;
    fc.assert(
      fc.property(document, (text) => {
        if (readPlainYaml(text, OPTIONS)) answered++;
        return agrees(text);
      }),
      { seed: SEED, numRuns: 20_000 },
    );
    // The property says something only if the reader often answers.
    expect(answered).toBeGreaterThan(2_000);
  });

  it('answers only as the yaml library does, on edited data files', async () => {
    const dir = fixtureConfig().dataDir;
    const texts = await Promise.all(['projects', 'organisations', 'partner-regions', 'programmes'].map((c) => readFile(join(dir, `${c}.yaml`), 'utf8')));
    const edit = fc.record({
      text: fc.constantFrom(...texts),
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(scalar, fc.constantFrom('\n', '\n  ', '\n    ', ' ', '- ', ': ', '#', '[', ']', ',', '"', "'")),
    });
    fc.assert(
      fc.property(edit, ({ text, at, remove, insert }) => {
        const i = at % (text.length + 1);
        return agrees(text.slice(0, i) + insert + text.slice(i + remove));
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it.each([
    ['numbers, booleans and nulls by the core schema', 'a: 1\nb: -.5\nc: 0x1f\nd: 1.50\ne: true\nf: ~\ng:\nh: no\n', { a: 1, b: -0.5, c: 31, d: 1.5, e: true, f: null, g: null, h: 'no' }],
    ['lists at the key\'s indent and below it', 'a:\n- 1\n- x: 2\n  y: [p, q]\nb:\n    - - 3\n', { a: [1, { x: 2, y: ['p', 'q'] }], b: [[3]] }],
    ['quoted text and comments', 'a: "x # y" # z\nb: \'\'\n# c\nc: d # e\n', { a: 'x # y', b: '', c: 'd' }],
  ])('reads %s', (_, text, value) => {
    expect(readPlainYaml(text, OPTIONS)).toEqual({ value });
    agrees(text);
  });

  it.each([
    ['a block scalar', 'a: >-\n  x\n'],
    ['a value over two lines', 'a: x\n  y\n'],
    ['a flow mapping', 'a: { b: 1 }\n'],
    ['an escape', 'a: "\\t"\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an unsafe key', 'constructor: 1\n'],
    ['a key that is not text', 'true: 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['CRLF line ends', 'a: 1\r\n'],
    ['a misplaced line', 'a:\n    b: 1\n  c: 2\n'],
    ['nothing', '# only a comment\n'],
  ])('leaves %s to the yaml library', (_, text) => {
    expect(readPlainYaml(text, OPTIONS)).toBeUndefined();
  });
});

describe('positions of a file read fast', () => {
  const records = 5_000;
  const text = `# many projects\nprojects:\n${Array.from({ length: records }, (_, i) => `  - id: p-${i}\n    title: "Project ${i}"\n    partners: [a, b]\n    budget_eur: ${1000 + i}\n`).join('')}`;

  it('are exact for a pointer deep in a large file, values and keys', () => {
    const parsed = parseYamlFile('data/projects.yaml', Buffer.from(text));
    if (!parsed.ok) throw new Error('expected a valid file');
    expect((parsed.file.value as { projects: unknown[] }).projects).toHaveLength(records);
    // Record i starts on line 3 + 4i; its budget is the fourth line, after "budget_eur: ".
    expect(positionOf(parsed.file, '/projects/4321/budget_eur')).toEqual({ file: 'data/projects.yaml', line: 3 + 4 * 4321 + 3, column: 17, pointer: '/projects/4321/budget_eur' });
    expect(positionOf(parsed.file, '/projects/4999/partners/1')).toEqual({ file: 'data/projects.yaml', line: 3 + 4 * 4999 + 2, column: 19, pointer: '/projects/4999/partners/1' });
    expect(positionOf(parsed.file, '/projects/17', { kind: 'key', property: 'title' })).toEqual({ file: 'data/projects.yaml', line: 3 + 4 * 17 + 1, column: 5, pointer: '/projects/17/title' });
  });

  it('are those of the yaml library\'s own document', () => {
    const parsed = parseYamlFile('data/projects.yaml', Buffer.from(text));
    if (!parsed.ok) throw new Error('expected a valid file');
    const doc = parseDocument(text, OPTIONS);
    expect(parsed.file.doc.toJS()).toEqual(doc.toJS());
    expect(parsed.file.doc.contents?.range).toEqual(doc.contents?.range);
  });
});
