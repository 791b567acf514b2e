// The PDF briefs of the real data, read back with pdf.js and poppler: every
// project, partner and figure is there, and each brief is a proper publication
// (metadata, language, tags, outline, running header and footer, fonts).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { flat, readPdf, squeeze, type PdfContent } from '../helpers/read-pdf.ts';
import { fixtureConfig } from '../helpers/fixture.ts';
import { systemTool } from '../helpers/system-tool.ts';

const pdffonts = systemTool('pdffonts', 'poppler-utils', 'tests/briefs/briefs.test.ts');

const PROJECTS = [
  { id: 'asap', title: 'Efficient Administrative Structures as a Prerequisite for Successful Economic and Social Development of Rural Areas in Demographic Transition', acronym: 'A.S.A.P.', lead: 'Ludwigslust District', country: 'Germany', budget: '€1,776,888', share: '21.0%' },
  { id: 'red', title: 'Regional Economic Development – networking between South Sweden and Kaliningrad', acronym: 'RED', lead: 'Region Blekinge', country: 'Sweden', budget: '€790,336', share: '9.4%' },
  { id: 'interbaltic', title: 'Intermodality and Interoperability in the Baltic Sea Region – InterBaltic', acronym: 'InterBaltic', lead: 'Klaipėda Science and Technology Park', country: 'Lithuania', budget: '€3,129,653', share: '37.1%' },
  { id: 'maritour', title: 'Maritime Tourism Marketing in the Baltic Sea Region', acronym: 'MARITOUR', lead: 'Amt Klützer Winkel', country: 'Germany', budget: '€1,889,792', share: '22.4%' },
  { id: 'ben-east', title: 'Baltic Euroregional Network – EAST', acronym: 'BEN-EAST', lead: 'Nordic Council of Ministers Information Office in St Petersburg', country: 'Russian Federation', budget: '€508,693', share: '6.0%' },
  { id: 'business-matryoshka', title: 'Business Support for Sustainable Development – Business Matryoshka', acronym: 'Business Matryoshka', lead: 'Riga Region Development Agency', country: 'Latvia', budget: '€347,000', share: '4.1%' },
];

let out: string;
const pdfs = new Map<string, PdfContent>();
const brief = (path: string) => pdfs.get(path)!;
const text = (path: string) => flat(brief(path).pages.join(' '));
/** Names may be hyphenated where a column is narrow: compared without spaces and hyphens. */
const words = (path: string) => squeeze(brief(path).pages.join(''));

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'coop-out-'));
  const result = await build(fixtureConfig({ out }), { locales: ['en'] });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  for (const o of result.built.filter((o) => o.kind === 'pdf')) pdfs.set(o.path, await readPdf(join(out, o.path)));
});
afterAll(() => rm(out, { recursive: true, force: true }));

const OVERVIEW = 'en/briefs/international-cooperation.pdf';
const PROGRAMME = 'en/briefs/programme-bsr-neighbourhood-2004-2006.pdf';

describe('the three kinds of brief', () => {
  it('are all built: overview, programme brief and one fact sheet per project', () => {
    expect([...pdfs.keys()].sort()).toEqual([OVERVIEW, PROGRAMME, ...PROJECTS.map((p) => `en/projects/${p.id}.pdf`)].sort());
  });

  it('overview holds the key figures and every section', () => {
    for (const phrase of [
      '21 foreign partner regions',
      '11 named, in 10 countries',
      '€8,442,362',
      '13 programmes',
      'Strategic partnership with the European Union',
      'Cooperation with regions of the CIS',
      'Södermanland County',
      'Lower Silesian Voivodeship',
      'Maryland',
      'Hebei Province',
      'Chungcheongnam-do',
      'Kyoto Prefecture',
      'Belarus (most intensive)',
      'UNDER CONSIDERATION',
      'Northern Initiative',
      'Nordic Investment Bank',
      'Tacis',
      'SPRILO programme',
      'Kirovsk',
      'Pikalevo',
      'Concept of Cross-Border Cooperation in the Russian Federation',
      'Friendship and mutual understanding belt on the border with Finland and Estonia',
      '2006 was announced the Year of China in Russia',
    ]) {
      expect(words(OVERVIEW)).toContain(squeeze(phrase));
    }
  });

  it('programme brief lists every project, lead partner and budget, and the total', () => {
    const t = text(PROGRAMME);
    for (const p of PROJECTS) {
      expect(t).toContain(p.acronym);
      expect(words(PROGRAMME)).toContain(squeeze(p.lead));
      expect(t).toContain(`${p.budget} ${p.share}`);
    }
    expect(t).toContain('Total (6) €8,442,362 100.0%');
    expect(t).toContain('Germany 2 €3,666,680 43.4%');
    expect(words(PROGRAMME)).toContain(squeeze('Minsk Region, Grodno Region, Brest Region, Vitebsk Region'));
    expect(words(PROGRAMME)).toContain(squeeze('Nenets Autonomous Okrug'));
  });

  it.each(PROJECTS)('fact sheet of $acronym is one page with its partners, budget and share', (p) => {
    const sheet = brief(`en/projects/${p.id}.pdf`);
    expect(sheet.pages).toHaveLength(1);
    const t = text(`en/projects/${p.id}.pdf`);
    expect(t).toContain(p.acronym);
    expect(words(`en/projects/${p.id}.pdf`)).toContain(squeeze(p.lead));
    expect(t).toContain(p.country);
    expect(t).toContain(`${p.budget}: ${p.share} of the €8,442,362`);
  });
});

describe('publication quality', () => {
  it('has title, author, subject, keywords, language and tags', () => {
    // Title, subject and keywords of each brief.
    const expected = new Map<string, string[]>([
      [OVERVIEW, ['Leningrad Oblast: international cooperation', 'Section 2.5 International cooperation, as of 31 December 2005', 'international cooperation, partner regions, programmes, projects']],
      [PROGRAMME, ['Baltic Sea Region INTERREG III B Neighbourhood Programme 2004–2006', 'Participation of Leningrad Oblast: purpose, participants and projects', 'Baltic Sea Region, neighbourhood programme, projects, budgets']],
      ...PROJECTS.map((p): [string, string[]] => [`en/projects/${p.id}.pdf`, [`${p.acronym}: project fact sheet`, p.title, 'project, fact sheet']]),
    ]);
    expect([...pdfs.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [path, pdf] of pdfs) {
      expect([pdf.info.Title, pdf.info.Subject, pdf.info.Keywords], path).toEqual(expected.get(path));
      expect(pdf.info.Author).toBe('Government of Leningrad Oblast, Committee for External Relations');
      expect(pdf.language).toBe('en');
      expect(pdf.tagged, path).toBe(true);
    }
  });

  it('has an outline of its sections', () => {
    expect(brief(OVERVIEW).outline).toEqual(
      expect.arrayContaining(['Leningrad Oblast', 'Main directions of cooperation', 'Partner regions', 'Outlook for 2006', 'European Union and the Northern Dimension', 'Technical-assistance programmes', 'Border cooperation']),
    );
    expect(brief(PROGRAMME).outline).toEqual(expect.arrayContaining(['Purpose', 'Participating countries and regions', 'Budget by lead partner\'s country']));
  });

  it('lists each heading once in the outline, also one that starts a page (regression)', () => {
    for (const [path, pdf] of pdfs) {
      for (const title of pdf.outline) expect(title, path).not.toMatch(/^(.+)\1$/);
    }
  });

  it('prints the running footer on every page and the header from page 2', () => {
    for (const [path, pdf] of pdfs) {
      pdf.pages.forEach((page, i) => {
        expect(flat(page), `${path} page ${i + 1}`).toContain(`Page ${i + 1} of ${pdf.pages.length}`);
        expect(flat(page)).toContain('Figures as of 31 December 2005');
        if (i > 0) expect(flat(page).toUpperCase()).toContain(String(pdf.info.Title).toUpperCase());
      });
    }
    expect(brief(OVERVIEW).pages.length).toBeGreaterThan(3);
  });

  it.skipIf(!pdffonts)('embeds only the bundled PT fonts (poppler pdffonts)', () => {
    for (const path of [OVERVIEW, PROGRAMME, 'en/projects/asap.pdf']) {
      const listing = execFileSync(pdffonts!, [join(out, path)], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(listing.length).toBeGreaterThan(0);
      for (const line of listing) {
        expect(line, path).toMatch(/^[A-Z]{6}\+PT(Sans|Serif)-(Regular|Bold|Italic)\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      }
    }
  });
});
