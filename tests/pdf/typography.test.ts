// Typography that holds for any data, in both languages: briefs built from
// edge cases of the data (tests/pdf/edge-data.ts) are read back, glyph
// positions with pdf.js and the structure tree with pikepdf, and checked for
// words broken without a hyphen in table cells, headings, header rows or
// captions left at the bottom of a page, table rows left alone on a page and
// a last page holding only the source note.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { build } from '../../src/build.ts';
import { PROJECT_ROOT, resolveConfig } from '../../src/config.ts';
import { removeDir } from '../helpers/data-copy.ts';
import { browserAvailable } from '../helpers/browsers.ts';
import { openPdf } from '../helpers/read-pdf.ts';
import { pdfFacts, pikepdfAvailable, type PdfFacts, type StructNode } from './debian-tools.ts';
import { EDGE_CASES, edgeData } from './edge-data.ts';

const ready = browserAvailable() && pikepdfAvailable();
const LOCALES = ['en', 'ru'];

interface Brief {
  facts: PdfFacts;
  /** Per table cell, its lines of text in reading order. */
  cells: string[][];
}

describe.skipIf(!ready).each(EDGE_CASES)('edge data "%s"', (edge) => {
  let dir: string;
  const briefs = new Map<string, Brief>();
  let corpus: string[];

  beforeAll(async () => {
    dir = await edgeData(edge);
    const out = join(dir, 'out');
    const result = await build(resolveConfig({ data: dir, out }), { locales: LOCALES, only: ['overview', 'programme'] });
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    const paths = result.built.map((o) => join(out, o.path)).filter((p) => p.endsWith('.pdf'));
    const facts = pdfFacts(paths);
    for (const path of paths) briefs.set(path.slice(out.length + 1), { facts: facts.get(path)!, cells: await cellLines(path, facts.get(path)!) });
    corpus = await textsOf(dir);
  });
  afterAll(() => (dir ? removeDir(dir) : undefined));

  it('builds the overview and the programme brief in both languages', () => {
    expect([...briefs.keys()].sort()).toEqual(LOCALES.flatMap((l) => [`${l}/briefs/international-cooperation.pdf`, `${l}/briefs/programme-bsr-neighbourhood-2004-2006.pdf`]));
  });

  it('breaks no word in a table cell except at a hyphen', () => {
    for (const [path, brief] of briefs) {
      const broken = brief.cells.flatMap((lines) => wordsBrokenWithoutHyphen(lines, corpus));
      expect(broken.join('\n'), path).toBe('');
    }
  });

  it('leaves no heading, table header row or caption at the bottom of a page', () => {
    for (const [path, { facts }] of briefs) {
      for (let page = 0; page < facts.pages.length - 1; page++) {
        const last = lastContentOn(facts.structure, page) ?? [];
        const types = last.map((n) => n.type);
        // A caption under its figure may end a page; one that would lead to content on the next may not.
        const caption = last.findIndex((n) => n.type === 'Caption');
        const siblings = last[caption - 1]?.kids ?? [];
        const figure = siblings[siblings.indexOf(last[caption]!) - 1];
        const captionHeld = caption < 0 || (figure?.type === 'Figure' && pagesOf(figure).includes(page));
        expect({ heading: types.filter((t) => /^(H\d|TH)$/.test(t)), captionHeld }, `${path} page ${page + 1} ends with ${types.join(' > ')}`)
          .toEqual({ heading: [], captionHeld: true });
      }
    }
  });

  it('leaves no table row alone on a page: a table split across pages has two body rows or more on each', () => {
    for (const [path, { facts }] of briefs) {
      for (const table of nodes(facts.structure).filter((n) => n.type === 'Table')) {
        const rows = nodes([table]).filter((n) => n.type === 'TR' && n.kids.some((c) => c.type === 'TD')).map((row) => pagesOf(row));
        const pages = [...new Set(rows.flat())];
        if (pages.length < 2) continue;
        for (const page of pages) {
          expect(rows.filter((r) => r.includes(page)).length, `${path}: a table has one row on page ${page + 1}`).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });

  it('never ends with a page that holds only the source note', () => {
    for (const [path, { facts }] of briefs) {
      const last = facts.pages.length - 1;
      const note = nodes(facts.structure).filter((n) => n.type === 'P').at(-1)!;
      const noteMcids = new Set(nodes([note]).flatMap((n) => n.mcids).filter(([p]) => p === last).map(([, m]) => m));
      const others = facts.pages[last]!.mcids.filter((m) => !noteMcids.has(m));
      expect(others.length, `${path}: the last page holds only the source note`).toBeGreaterThan(0);
    }
  });
});

function nodes(roots: StructNode[]): StructNode[] {
  return roots.flatMap((n) => [n, ...nodes(n.kids)]);
}

function pagesOf(node: StructNode): number[] {
  return [...new Set(nodes([node]).flatMap((n) => n.mcids.map(([page]) => page)))];
}

/** The elements from the root to the last one (in reading order) with content on `page`. */
function lastContentOn(roots: StructNode[], page: number, path: StructNode[] = []): StructNode[] | undefined {
  for (const node of [...roots].reverse()) {
    const inKids = lastContentOn(node.kids, page, [...path, node]);
    if (inKids) return inKids;
    if (node.mcids.some(([p]) => p === page)) return [...path, node];
  }
  return undefined;
}

/** Lines of each TD and TH, from pdf.js's glyph runs and the MCIDs pikepdf found in the cells. */
async function cellLines(path: string, facts: PdfFacts): Promise<string[][]> {
  const cellOf = new Map<string, number>();
  nodes(facts.structure)
    .filter((n) => n.type === 'TD' || n.type === 'TH')
    .forEach((cell, i) => nodes([cell]).forEach((n) => n.mcids.forEach(([page, mcid]) => cellOf.set(`${page}/${mcid}`, i))));
  const runs = new Map<number, { page: number; x: number; y: number; str: string }[]>();
  const pdf = await openPdf(new Uint8Array(await readFile(path)));
  for (let page = 0; page < pdf.numPages; page++) {
    const content = await (await pdf.getPage(page + 1)).getTextContent({ includeMarkedContent: true });
    const open: (string | undefined)[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'endMarkedContent') open.pop();
        else open.push(/_mc(\d+)$/.exec(item.id ?? '')?.[1]);
        continue;
      }
      const mcid = open.findLast((id) => id !== undefined);
      const cell = mcid === undefined ? undefined : cellOf.get(`${page}/${mcid}`);
      if (cell === undefined || item.str === '') continue;
      runs.set(cell, [...(runs.get(cell) ?? []), { page, x: item.transform[4], y: item.transform[5], str: item.str }]);
    }
  }
  // A header cell repeats on every page of its table: each page's copy is a cell of its own.
  return [...runs.values()].flatMap((items) => {
    const pages = [...new Set(items.map((item) => item.page))];
    return pages.map((page) => items.filter((item) => item.page === page)).map((onPage) => {
      const lines = new Map<number, typeof items>();
      for (const item of onPage) {
        const key = [...lines.keys()].find((y) => Math.abs(y - item.y) < 1.5) ?? item.y;
        lines.set(key, [...(lines.get(key) ?? []), item]);
      }
      return [...lines.entries()].sort(([a], [b]) => b - a).map(([, line]) => line.sort((a, b) => a.x - b.x).map((i) => i.str).join('').trim());
    });
  });
}

/**
 * Line ends that split a word without a hyphen: a line ending in a letter
 * before a line starting with one, where the text written in the data and the
 * catalogues has no space between them ("Ludwigslus" | "t"), nor puts them at
 * the end and start of two values.
 */
function wordsBrokenWithoutHyphen(lines: string[], corpus: string[]): string[] {
  const broken: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const tail = /[\p{L}\p{M}]+$/u.exec(lines[i]!)?.[0];
    const head = /^[\p{L}\p{M}]+/u.exec(lines[i + 1]!)?.[0];
    if (!tail || !head) continue;
    const word = '[\\p{L}\\p{M}]';
    const spaced = new RegExp(`(?<!${word})${escape(tail)}\\s+${escape(head)}(?!${word})`, 'u');
    const ends = new RegExp(`(?<!${word})${escape(tail)}\\s*$`, 'u');
    const starts = new RegExp(`^\\s*${escape(head)}(?!${word})`, 'u');
    if (corpus.some((s) => spaced.test(s)) || (corpus.some((s) => ends.test(s)) && corpus.some((s) => starts.test(s)))) continue;
    broken.push(`${lines[i]} | ${lines[i + 1]}`);
  }
  return broken;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every text a brief can print: the data's strings and the catalogues' messages, split at their placeholders. */
async function textsOf(dataDir: string): Promise<string[]> {
  const files = [
    ...(await readdir(dataDir)).filter((f) => f.endsWith('.yaml')).map((f) => join(dataDir, f)),
    ...LOCALES.map((l) => join(PROJECT_ROOT, 'templates/i18n', `${l}.yaml`)),
  ];
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(...value.split(/\{[^}]*\}/));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const file of files) collect(parse(await readFile(file, 'utf8')));
  return texts;
}
