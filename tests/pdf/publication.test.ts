// The publication (out/<lang>/publication.pdf) of the fixture data in both
// languages, read back by readers nobody here wrote: poppler's pdftotext and
// pdfinfo, pdf.js and pikepdf. The briefs are built beside it, so each of its
// pages can be compared with the brief page it must repeat. Its PDF/A and
// PDF/UA checks are those of every brief, in tests/pdf/standards.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, validate } from '../../src/build.ts';
import type { ManifestEntry } from '../../src/output/manifest.ts';
import { browserAvailable } from '../helpers/browsers.ts';
import { fixtureConfig } from '../helpers/fixture.ts';
import { openPdf, squeeze } from '../helpers/read-pdf.ts';
import { scratchCopy } from '../helpers/template-copy.ts';
import { systemTool } from '../helpers/system-tool.ts';
import { pdfFacts, pikepdfAvailable, type Bookmark, type PdfFacts } from './debian-tools.ts';

const pdftotext = systemTool('pdftotext', 'poppler-utils', 'tests/pdf/publication.test.ts');
const pdfinfo = systemTool('pdfinfo', 'poppler-utils', 'tests/pdf/publication.test.ts');
const ready = browserAvailable() && pikepdfAvailable() && pdftotext !== undefined && pdfinfo !== undefined;

const PROJECTS = ['asap', 'red', 'interbaltic', 'maritour', 'ben-east', 'business-matryoshka'];
const PROGRAMME = 'briefs/programme-bsr-neighbourhood-2004-2006.pdf';
/** The briefs in the order of the catalogue's parts. */
const BRIEFS = ['briefs/international-cooperation.pdf', PROGRAMME, ...PROJECTS.map((p) => `projects/${p}.pdf`)];

const EDITIONS = {
  en: {
    title: 'Leningrad Oblast: international cooperation in 2005',
    cover: ['Section 2.5 · International cooperation', 'Leningrad Oblast', '31 December 2005', 'Government of Leningrad Oblast'],
    contents: 'Contents',
    parts: ['Programme briefs', 'Project fact sheets'],
    lines: ['Leningrad Oblast: international cooperation', 'Baltic Sea Region INTERREG III B Neighbourhood Programme 2004–2006', 'A.S.A.P.: Efficient Administrative Structures'],
    footer: (k: number, n: number) => `Page ${k} of ${n}`,
  },
  ru: {
    title: 'Ленинградская область: международное сотрудничество в 2005 году',
    cover: ['Раздел 2.5 · Международное сотрудничество', 'Ленинградская область', '31 декабря 2005 г.', 'Правительство Ленинградской области'],
    contents: 'Содержание',
    parts: ['Справки о программах', 'Справки о проектах'],
    lines: ['Ленинградская область: международное сотрудничество', 'Программа соседства INTERREG III B «Регион Балтийского моря» 2004–2006', 'A.S.A.P.: Эффективные административные структуры'],
    footer: (k: number, n: number) => `Страница ${k} из ${n}`,
  },
} as const;
type Locale = keyof typeof EDITIONS;
const LOCALES = Object.keys(EDITIONS) as Locale[];

let out: string;
let manifest: Map<string, ManifestEntry>;
let facts: Map<string, PdfFacts>;
const publication = (locale: Locale) => join(out, locale, 'publication.pdf');

/** A4 in points: the running header above 64 pt, the footer below 785 pt (margins 22 and 20 mm). */
const AREA = { header: ['-y', '0', '-H', '64'], body: ['-y', '64', '-H', '719'], footer: ['-y', '785', '-H', '57'] } as const;
/** `layout`: lines as they stand on the page (a contents line's number, on its last line, read after it). */
function pageText(path: string, page: number, area: keyof typeof AREA, layout = false): string {
  const args = ['-f', String(page), '-l', String(page), '-x', '0', '-W', '595', ...AREA[area], ...(layout ? ['-layout'] : []), path, '-'];
  return execFileSync(pdftotext!, args, { encoding: 'utf8' });
}
const pages = (path: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync(pdfinfo!, [path], { encoding: 'utf8' }))![1]);

/** Where each brief starts (1-based) if the publication is cover, contents, then every brief's pages. */
function starts(locale: Locale): number[] {
  let next = 3;
  return BRIEFS.map((brief) => {
    const start = next;
    next += manifest.get(`${locale}/${brief}`)!.pages!;
    return start;
  });
}

beforeAll(async () => {
  if (!ready) return;
  out = await mkdtemp(join(tmpdir(), 'coop-publication-'));
  const result = await build(fixtureConfig({ out }), { locales: [...LOCALES], only: ['overview', 'programme', 'project', 'publication'] });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  manifest = new Map((JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { outputs: ManifestEntry[] }).outputs.map((e) => [e.path, e]));
  facts = pdfFacts(LOCALES.map(publication));
});
afterAll(() => (out ? rm(out, { recursive: true, force: true }) : undefined));

describe.skipIf(!ready).each(LOCALES)('the %s publication', (locale) => {
  const edition = EDITIONS[locale];

  it('is in the manifest: cover, contents and every page of every brief', () => {
    const entry = manifest.get(`${locale}/publication.pdf`)!;
    expect(entry).toMatchObject({ kind: 'publication', key: `${locale}/publication` });
    const briefPages = BRIEFS.reduce((n, brief) => n + manifest.get(`${locale}/${brief}`)!.pages!, 0);
    expect(entry.pages).toBe(2 + briefPages);
    expect(pages(publication(locale))).toBe(entry.pages);
  });

  it('opens with its cover: title, section, region, date and publisher, without header or page number', () => {
    // Compared without spaces and case: the kicker is printed in spaced capitals.
    const fold = (text: string) => squeeze(text).toLocaleLowerCase(locale);
    const cover = fold(pageText(publication(locale), 1, 'body'));
    for (const phrase of [edition.title, ...edition.cover]) expect(cover).toContain(fold(phrase));
    expect(pageText(publication(locale), 1, 'header').trim()).toBe('');
    expect(pageText(publication(locale), 1, 'footer').trim()).toBe('');
    expect(facts.get(publication(locale))!.info.Title).toBe(edition.title);
  });

  it('repeats every page of every brief, in order, from the page after the contents', () => {
    const path = publication(locale);
    starts(locale).forEach((start, i) => {
      const brief = join(out, locale, BRIEFS[i]!);
      for (let k = 1; k <= pages(brief); k++) expect(pageText(path, start + k - 1, 'body'), `${BRIEFS[i]} page ${k}`).toBe(pageText(brief, k, 'body'));
    });
  });

  it('numbers every page but the cover continuously in its footer', () => {
    const path = publication(locale);
    const n = pages(path);
    for (let k = 2; k <= n; k++) expect(pageText(path, k, 'footer').replace(/\s+/g, ' '), `page ${k}`).toContain(edition.footer(k, n));
  });

  it('lists each brief in its contents with the page it starts on, linked to that page', async () => {
    const path = publication(locale);
    const contents = squeeze(pageText(path, 2, 'body', true));
    expect(contents).toContain(squeeze(edition.contents));
    const first = starts(locale);
    const pdf = await openPdf(new Uint8Array(await readFile(path)));
    try {
      const links = (await (await pdf.getPage(2)).getAnnotations()) as { subtype: string; dest: string; contentsObj: { str: string } }[];
      // A link per brief, and one per part with a heading, to the page of its first brief.
      expect(links).toHaveLength(BRIEFS.length + edition.parts.length);
      const targets: number[] = [];
      for (const link of links) {
        expect(link.subtype).toBe('Link');
        const dest = (await pdf.getDestination(link.dest))!;
        targets.push((await pdf.getPageIndex(dest[0] as { num: number; gen: number })) + 1);
      }
      expect(targets).toEqual([first[0], first[1], first[1], first[2], ...first.slice(2)]);
      for (const [i, link] of links.entries()) {
        // The number printed after the line is the page its link leads to.
        const line = link.contentsObj.str.replace(/, \S+ \d+$/, '');
        expect(contents, line).toContain(squeeze(`${line}${targets[i]}`));
      }
      for (const line of [...edition.lines, ...edition.parts]) expect(links.map((l) => l.contentsObj.str).some((s) => s.startsWith(line)), line).toBe(true);
    } finally {
      await pdf.destroy();
    }
  });

  it('finds each brief\'s own title on the page its contents line names', () => {
    const path = publication(locale);
    starts(locale).forEach((start, i) => {
      // The brief's first lines (its kicker and heading) as the brief alone prints them.
      const opening = squeeze(pageText(join(out, locale, BRIEFS[i]!), 1, 'body').split('\n').filter(Boolean).slice(0, 2).join(''));
      expect(squeeze(pageText(path, start, 'body')).startsWith(opening), `${BRIEFS[i]} starts with ${opening}`).toBe(true);
      expect(squeeze(pageText(path, start - 1, 'body'))).not.toContain(opening);
    });
  });

  it('has bookmarks nested publication > part > brief > headings, in the order of the pages', async () => {
    const tree = facts.get(publication(locale))!.outlineTree;
    expect(tree).toHaveLength(1);
    const [top] = tree as [Bookmark];
    expect([top.title, top.page, top.open]).toEqual([edition.title, 1, true]);
    const first = starts(locale);
    expect(top.children.map((b) => [b.title, b.page])).toEqual([
      [edition.contents, 2],
      [edition.lines[0], first[0]],
      [edition.parts[0], first[1]],
      [edition.parts[1], first[2]],
    ]);
    const [, overview, programmes, projects] = top.children as [Bookmark, Bookmark, Bookmark, Bookmark];
    expect(programmes.children.map((b) => [b.title, b.page])).toEqual([[edition.lines[1], first[1]]]);
    expect(projects.children.map((b) => b.page)).toEqual(first.slice(2));
    expect(projects.children[0]!.title.startsWith(edition.lines[2])).toBe(true);
    // Each brief's headings as its own PDF bookmarks them, less its title heading (the brief's line stands for it).
    const alone = pdfFacts(BRIEFS.map((b) => join(out, locale, b)));
    [overview, ...programmes.children, ...projects.children].forEach((bookmark, i) => {
      const titles: string[] = [];
      const collect = (items: Bookmark[]) => items.forEach((b) => (titles.push(b.title), collect(b.children)));
      collect(bookmark.children);
      expect(titles, BRIEFS[i]).toEqual(alone.get(join(out, locale, BRIEFS[i]!))!.outline.slice(1));
    });
    // In document order: no bookmark points before the one above or before it.
    let last = 0;
    const walk = (items: Bookmark[]) =>
      items.forEach((b) => {
        expect(b.page, b.title).toBeGreaterThanOrEqual(last);
        last = b.page!;
        walk(b.children);
      });
    walk(tree);
    // pdf.js reads the same titles.
    const pdf = await openPdf(new Uint8Array(await readFile(publication(locale))));
    const flat: string[] = [];
    const read = (items: { title: string; items: unknown[] }[]) => items.forEach((i) => (flat.push(i.title), read(i.items as never)));
    read((await pdf.getOutline()) as never);
    await pdf.destroy();
    expect(flat).toEqual(facts.get(publication(locale))!.outline);
  });

  it('runs the part\'s heading (or the brief\'s title) and the region in its header', () => {
    const path = publication(locale);
    const [overview, programme, project] = starts(locale);
    const header = (k: number) => pageText(path, k, 'header').replace(/\s+/g, ' ').trim().toLocaleLowerCase(locale);
    expect(header(2)).toContain(edition.title.toLocaleLowerCase(locale));
    expect(header(overview!)).toContain(edition.lines[0].toLocaleLowerCase(locale));
    expect(header(programme!)).toContain(edition.parts[0].toLocaleLowerCase(locale));
    expect(header(project!)).toContain(edition.parts[1].toLocaleLowerCase(locale));
    for (const k of [2, overview!, project!]) expect(header(k)).toContain(edition.cover[1].toLocaleLowerCase(locale));
  });
});

describe.skipIf(!ready)('building the publication again', () => {
  it('makes nothing when no part changed, and starts no browser', async () => {
    const again = await build(fixtureConfig({ out }), { locales: [...LOCALES], only: ['publication'], executablePath: '/nonexistent/chromium' });
    expect(again.ok ? again.skipped.map((e) => e.path).sort() : again.errors.map((e) => e.message)).toEqual(['en/publication.pdf', 'ru/publication.pdf']);
  });
});

describe('a publication that names what is not a brief', () => {
  // Each case edits the catalogue; the error is at the line holding `find`, at `column`.
  const CASES = [
    {
      name: 'an output of another kind',
      edit: (t: string) => t.replace('      - output: overview\n', '      - output: workbook\n'),
      find: 'output: workbook',
      column: 17,
      error: ['publication: "workbook" is an output of kind xlsx, not a brief', 'name a brief (kind: pdf): overview, programme, project'],
    },
    {
      name: 'a misspelt output',
      edit: (t: string) => t.replace('      - output: programme\n', '      - output: programmes\n'),
      find: 'output: programmes',
      column: 17,
      error: ['publication: the catalogue has no output "programmes"', "did you mean 'programme'?"],
    },
    {
      name: 'parts on a brief',
      edit: (t: string) => t.replace('    keywords: \'{{t "keywords.overview"}}\'\n', '    keywords: \'{{t "keywords.overview"}}\'\n    parts:\n      - output: project\n'),
      find: 'kind: pdf',
      column: 11,
      error: ['must be "publication", got "pdf"', 'only a publication gathers briefs: remove parts:, or make the kind publication'],
    },
  ];

  it.each(CASES)('is an error at its place in the catalogue, with a hint: $name', async ({ edit, find, column, error }) => {
    const copy = await scratchCopy('publication-parts');
    try {
      await copy.edit('templates/catalogue.yaml', edit);
      const result = await validate(copy.config, { locales: ['en'] });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const line = (await readFile(join(copy.dir, 'templates/catalogue.yaml'), 'utf8')).split('\n').findIndex((l) => l.includes(find)) + 1;
      expect(result.errors.map((e) => [e.message, e.hint, e.at?.file, e.at?.line, e.at?.column])).toEqual([[...error, 'templates/catalogue.yaml', line, column]]);
    } finally {
      await copy.remove();
    }
  });
});
