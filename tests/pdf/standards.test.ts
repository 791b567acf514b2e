// Every brief and the publication in both languages, read back by readers nobody here wrote
// (pikepdf, qpdf, pdf.js), against the machine-checkable parts of PDF/UA-1
// (the Matterhorn Protocol's failure conditions, numbered below) and of
// PDF/A-2 level A. README.md lists what is claimed and what is checked.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { fixtureConfig } from '../helpers/fixture.ts';
import { browserAvailable } from '../helpers/browsers.ts';
import { openPdf } from '../helpers/read-pdf.ts';
import { pdfFacts, pikepdfAvailable, qpdfAvailable, qpdfCheck, qpdfJson, type PdfFacts, type StructNode } from './debian-tools.ts';

const ready = browserAvailable() && pikepdfAvailable();
const withQpdf = ready && qpdfAvailable();

let out: string;
let files: Map<string, PdfFacts>;
let paths: string[];

beforeAll(async () => {
  if (!ready) return;
  out = await mkdtemp(join(tmpdir(), 'coop-standards-'));
  const result = await build(fixtureConfig({ out }), { locales: ['en', 'ru'], only: ['overview', 'programme', 'project', 'publication'] });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  paths = result.built.filter((o) => o.kind === 'pdf' || o.kind === 'publication').map((o) => join(out, o.path)).sort();
  files = pdfFacts(paths);
});
afterAll(() => (out ? rm(out, { recursive: true, force: true }) : undefined));

const each = (check: (facts: PdfFacts, path: string) => void) => {
  expect(files.size).toBe(18);
  for (const [path, facts] of files) check(facts, path.slice(out.length + 1));
};

function* walk(nodes: StructNode[], parent?: StructNode): Generator<{ node: StructNode; parent: StructNode | undefined }> {
  for (const node of nodes) {
    yield { node, parent };
    yield* walk(node.kids, node);
  }
}

/** Text of the XMP packet's element, as written. */
const xmpElement = (xmp: string, name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xmp)?.[1];

describe.skipIf(!ready)('PDF/A-2 file structure (ISO 19005-2, 6.1)', () => {
  it('is PDF 1.7 with a binary comment, a file ID, no encryption, only Flate filters', () => {
    each((f, path) => {
      expect(f.header, path).toMatch(/^%PDF-1\.7\n%[\x80-\xff]{4}/);
      expect(f.version, path).toBe('1.7');
      expect(f.trailerId, path).toBe(true);
      expect(f.encrypted, path).toBe(false);
      expect(f.filters, path).toEqual(['/FlateDecode']);
    });
  });

  it('has no JavaScript, actions, forms, embedded files or reference XObjects (also Matterhorn 21-001, 26-001, 30-001)', () => {
    each((f, path) => {
      expect(f.forbiddenKeys, path).toEqual([]);
      expect(f.referenceXObjects, path).toBe(0);
      // Only the publication has annotations: the links of its contents (below).
      expect(f.annotations, path).toBe(path.endsWith('publication.pdf') ? 10 : 0);
    });
  });

  it('makes each link a printable Link annotation to a page of the file, tagged and described (PDF/A-2 6.3.2, PDF/UA-1 7.18.1, 7.18.3, 7.18.5)', () => {
    each((f, path) => {
      expect(f.links, path).toHaveLength(f.annotations);
      for (const link of f.links) {
        // Print set; Invisible, Hidden, NoView unset.
        expect({ subtype: link.subtype, flags: link.flags & 0b100111, action: link.action }, path).toEqual({ subtype: '/Link', flags: 4, action: false });
        expect(link.destPage, `${path} ${link.dest}`).toBeGreaterThan(link.page);
        expect({ structure: link.structure, heldByObjr: link.heldByObjr }, `${path} ${link.dest}`).toEqual({ structure: 'Link', heldByObjr: true });
        expect(link.contents, path).toMatch(new RegExp(`\\S.*${link.destPage}$`));
        expect(f.tabs[link.page - 1], path).toBe('/S');
      }
    });
  });

  it.skipIf(!withQpdf)('passes qpdf --check and qpdf reads no encryption', () => {
    for (const path of paths) {
      const check = qpdfCheck(path);
      expect(check.status, check.output).toBe(0);
      expect(check.output).toContain('No syntax or stream encoding errors found');
      const json = qpdfJson(path);
      expect(json.encrypt.encrypted, path).toBe(false);
      expect(json.qpdf[0].pdfversion, path).toBe('1.7');
      expect(json.qpdf[1].trailer?.value['/ID'], path).toHaveLength(2);
    }
  });
});

describe.skipIf(!ready)('metadata (PDF/A-2 6.6, Matterhorn 06-001 to 06-003, 07-001, 07-002, 11-001, 11-006)', () => {
  it('has an unfiltered XMP packet without the bytes and encoding attributes', () => {
    each((f, path) => {
      expect(f.xmp, path).not.toBeNull();
      expect(f.metadataFilter, path).toBeNull();
      expect(f.xmp!.startsWith('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>'), path).toBe(true);
      expect(f.xmp, path).not.toMatch(/<\?xpacket[^>]*(bytes|encoding)=/);
      expect(f.xmp!.trimEnd().endsWith('<?xpacket end="w"?>'), path).toBe(true);
    });
  });

  it('claims PDF/A-2 level A and PDF/UA-1, with the extension schema PDF/A needs for pdfuaid', () => {
    each((f, path) => {
      expect(f.xmpValues['pdfaid:part'], path).toBe('2');
      expect(f.xmpValues['pdfaid:conformance'], path).toBe('A');
      expect(f.xmpValues['{http://www.aiim.org/pdfua/ns/id/}part'], path).toBe('1');
      expect(xmpElement(f.xmp!, 'pdfaSchema:namespaceURI'), path).toBe('http://www.aiim.org/pdfua/ns/id/');
      expect(xmpElement(f.xmp!, 'pdfaSchema:prefix'), path).toBe('pdfuaid');
      expect(xmpElement(f.xmp!, 'pdfaProperty:name'), path).toBe('part');
      expect(xmpElement(f.xmp!, 'pdfaProperty:valueType'), path).toBe('Integer');
      expect(xmpElement(f.xmp!, 'pdfaProperty:category'), path).toBe('internal');
    });
  });

  it('says in XMP what the Info dictionary says: title, author, subject, keywords, tool, dates; and the language', () => {
    each((f, path) => {
      const x = f.xmpValues;
      expect(x['dc:title'], path).toBe(f.info.Title);
      expect(f.info.Title, path).not.toBe('');
      expect(x['dc:creator'], path).toEqual([f.info.Author]);
      expect(x['dc:description'], path).toBe(f.info.Subject);
      expect(x['pdf:Keywords'], path).toBe(f.info.Keywords);
      expect(x['xmp:CreatorTool'], path).toBe(f.info.Creator);
      expect(x['pdf:Producer'], path).toBe(f.info.Producer);
      const date = (d: string) => d.replace(/^D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');
      expect(x['xmp:CreateDate'], path).toBe(date(f.info.CreationDate!));
      expect(x['xmp:ModifyDate'], path).toBe(date(f.info.ModDate!));
      expect(x['xmp:CreateDate'], path).toBe('2005-12-31T00:00:00Z');
      expect(x['dc:language'], path).toEqual([f.lang]);
      expect(f.lang, path).toBe(path.slice(0, 2));
    });
  });

  it('shows the title in the window (DisplayDocTitle) and is marked as tagged, without suspects (01-007)', () => {
    each((f, path) => {
      expect(f.displayDocTitle, path).toBe(true);
      expect(f.marked, path).toBe(true);
      expect(f.suspects, path).toBe(false);
    });
  });
});

describe.skipIf(!ready)('colour (PDF/A-2 6.2.3, 6.2.4.3)', () => {
  it('has one sRGB output intent with an embedded RGB display profile of ICC version 4 or lower', () => {
    each((f, path) => {
      expect(f.outputIntents, path).toEqual([
        { S: '/GTS_PDFA1', identifier: 'sRGB IEC61966-2.1', N: 3, profile: { version: '2.3', class: 'mntr', space: 'RGB' } },
      ]);
    });
  });
});

describe.skipIf(!ready)('fonts (PDF/A-2 6.2.11, Matterhorn 31-004, 31-009, 31-014/015, 31-027)', () => {
  it('embeds every font as a Type 0 CID font with an Identity CIDToGIDMap and a ToUnicode map, and no CIDSet', () => {
    each((f, path) => {
      expect(f.fonts.length, path).toBeGreaterThan(0);
      for (const font of f.fonts) {
        expect(font, `${path} ${font.name}`).toMatchObject({
          subtype: '/Type0',
          descendant: '/CIDFontType2',
          embedded: true,
          toUnicode: true,
          cidToGidMap: '/Identity',
          cidSet: false,
          encoding: '/Identity-H',
        });
      }
    });
  });

  it('never shows the .notdef glyph (PDF/A-2 6.2.11.8)', () => {
    each((f, path) => expect(f.pages.map((p) => p.notdef), path).toEqual(f.pages.map(() => 0)));
  });
});

describe.skipIf(!ready)('content is tagged or an artifact (Matterhorn 01-003, 01-004, 01-005)', () => {
  it('draws nothing outside marked content, nests no artifact in tagged content nor the reverse', () => {
    each((f, path) => {
      for (const [i, page] of f.pages.entries()) {
        expect({ untagged: page.untagged, artifactInTagged: page.artifactInTagged, taggedInArtifact: page.taggedInArtifact }, `${path} page ${i + 1}`)
          .toEqual({ untagged: 0, artifactInTagged: 0, taggedInArtifact: 0 });
        // The running header and footer are there, as artifacts.
        expect(page.artifacts, `${path} page ${i + 1}`).toBeGreaterThan(0);
      }
    });
  });

  it('maps every MCID a page draws to the structure element that holds it, and back', () => {
    each((f, path) => {
      const held = new Map<string, string>();
      for (const { node } of walk(f.structure)) for (const [page, mcid] of node.mcids) held.set(`${page}/${mcid}`, node.type);
      for (const [i, page] of f.pages.entries()) {
        const key = f.structParents[i];
        expect(key, `${path} page ${i + 1} has StructParents`).not.toBeNull();
        const parents = f.parentTree[String(key)]!;
        for (const mcid of page.mcids) {
          expect(held.get(`${i}/${mcid}`), `${path} page ${i + 1} MCID ${mcid}`).toBeDefined();
          expect(parents[mcid], `${path} page ${i + 1} MCID ${mcid} in the ParentTree`).toBe(held.get(`${i}/${mcid}`));
        }
        expect([...held.keys()].filter((k) => k.startsWith(`${i}/`)).length, `${path} page ${i + 1}`).toBe(new Set(page.mcids).size);
      }
    });
  });
});

const STANDARD_TYPES = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

describe.skipIf(!ready)('structure (Matterhorn 02-001, 09-004, 09-005, 13-004, 14-002, 14-003, 14-007, 15-003)', () => {
  it('uses standard structure types only, so needs no role map', () => {
    each((f, path) => {
      expect(f.roleMap, path).toEqual({});
      for (const { node } of walk(f.structure)) expect(STANDARD_TYPES.has(node.type), `${path}: ${node.type}`).toBe(true);
    });
  });

  it('gives every Figure alternate text (13-004)', () => {
    each((f, path) => {
      for (const { node } of walk(f.structure)) if (node.type === 'Figure') expect(node.alt?.trim(), path).toBeTruthy();
    });
  });

  it('starts with H1 and never skips a heading level (14-002, 14-003), and uses no plain H (14-007)', () => {
    each((f, path) => {
      const levels = [...walk(f.structure)].map(({ node }) => node.type).filter((t) => /^H\d?$/.test(t));
      expect(levels[0], path).toBe('H1');
      expect(levels, path).not.toContain('H');
      levels.reduce((previous, type) => {
        const level = Number(type.slice(1));
        expect(level, `${path}: ${levels.join(' ')}`).toBeLessThanOrEqual(previous + 1);
        return level;
      }, 0);
    });
  });

  it('builds lists as L > LI > (Lbl) LBody (09-005)', () => {
    each((f, path) => {
      for (const { node, parent } of walk(f.structure)) {
        if (node.type === 'LI') {
          expect(parent?.type, path).toBe('L');
          const kids = node.kids.map((k) => k.type);
          expect(kids.filter((t) => t === 'LBody'), `${path}: LI holds ${kids.join(' ')}`).toHaveLength(1);
          expect(kids.every((t) => t === 'Lbl' || t === 'LBody'), `${path}: LI holds ${kids.join(' ')}`).toBe(true);
        }
        if (node.type === 'Lbl' || node.type === 'LBody') expect(parent?.type, path).toBe('LI');
        if (node.type === 'L') expect(node.kids.every((k) => k.type === 'LI' || k.type === 'Caption'), path).toBe(true);
      }
    });
  });

  it('builds tables as Table > TR > TH/TD with a cell for every column, header cells with Scope (09-004, 15-003)', () => {
    each((f, path) => {
      for (const { node, parent } of walk(f.structure)) {
        if (node.type === 'TR') expect(['Table', 'THead', 'TBody', 'TFoot'], path).toContain(parent?.type);
        if (node.type === 'TH' || node.type === 'TD') expect(parent?.type, path).toBe('TR');
        if (node.type === 'TH') expect(['Column', 'Row', 'Both'], path).toContain(String(node.attributes.Scope).replace('/', ''));
        if (node.type !== 'Table') continue;
        const rows = [...walk([node])].filter(({ node: n }) => n.type === 'TR').map(({ node: n }) => n);
        const widths = rows.map((row) => row.kids.reduce((sum, cell) => sum + Number(cell.attributes.ColSpan ?? 1), 0));
        expect(new Set(widths).size, `${path}: row widths ${widths.join(' ')}`).toBe(1);
      }
    });
  });
});

describe.skipIf(!ready)('alternate text states the figures', () => {
  it('names every project and budget in the programme brief charts, and every country in the lead-country chart', () => {
    const figures = (path: string) => [...walk(files.get(join(out, path))!.structure)].filter(({ node }) => node.type === 'Figure').map(({ node }) => node.alt!);
    const [budgets, byCountry] = figures('en/briefs/programme-bsr-neighbourhood-2004-2006.pdf');
    for (const text of ['InterBaltic: €3,129,653', 'MARITOUR: €1,889,792', 'A.S.A.P.: €1,776,888', 'RED: €790,336', 'BEN-EAST: €508,693', 'Business Matryoshka: €347,000']) {
      expect(budgets).toContain(text);
    }
    expect(byCountry).toContain('Germany: €3,666,680 (43.4%)');
    expect(byCountry).toContain('Latvia: €347,000 (4.1%)');
    expect(byCountry).not.toMatch(/^Budget by lead partner's country/);
    const [map, partners] = figures('ru/briefs/international-cooperation.pdf');
    expect(map).toContain('Швеция: 2');
    expect(map).toContain('Маркер: Ленинградская область');
    expect(partners).toContain('Швеция: 2');
  });
});

describe.skipIf(!ready)('bookmarks (outline)', () => {
  it('are the headings, with the spaces where a heading wraps (regression: "INTERREG III BNeighbourhood")', async () => {
    expect(files.get(join(out, 'en/briefs/programme-bsr-neighbourhood-2004-2006.pdf'))!.outline[0]).toBe('Baltic Sea Region INTERREG III B Neighbourhood Programme 2004–2006');
    expect(files.get(join(out, 'ru/briefs/programme-bsr-neighbourhood-2004-2006.pdf'))!.outline[0]).toBe('Программа соседства INTERREG III B «Регион Балтийского моря» 2004–2006');
    // pdf.js reads the same titles, each a heading of the document.
    for (const path of paths.filter((p) => p.includes('/briefs/'))) {
      const pdf = await openPdf(new Uint8Array(await readFile(path)));
      const titles: string[] = [];
      const collect = (items: { title: string; items: unknown[] }[]) => {
        for (const item of items) {
          titles.push(item.title);
          collect(item.items as { title: string; items: unknown[] }[]);
        }
      };
      collect((await pdf.getOutline()) as { title: string; items: unknown[] }[]);
      expect(titles, path).toEqual(files.get(path)!.outline);
      expect(titles.filter((t) => /\p{Ll}\p{Lu}|»\p{L}|\p{L}«/u.test(t)), path).toEqual([]);
    }
  });
});
