// The publication learns where its briefs start from the named destinations of
// each print, read from the bytes without loading the document
// (src/pdf/destinations.ts). Checked against pdf.js on Chromium's own prints,
// draft and tagged, and on a hand-written file with what Chromium's happen not
// to have: a deeper page tree, destinations by reference, escaped names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationPages } from '../../src/pdf/destinations.ts';
import { createPdfPrinter, type PdfPrinter } from '../../src/pdf/printer.ts';
import { browserAvailable, sampleHtml } from '../helpers/browsers.ts';
import { openPdf } from '../helpers/read-pdf.ts';

/** What pdf.js reads: the page (0-based) of each named destination that leads to one, by name. */
async function pdfJsPages(bytes: Uint8Array): Promise<Map<string, number>> {
  const doc = await openPdf(bytes);
  try {
    const dests = (await doc.getDestinations()) as Record<string, unknown>;
    const pages = new Map<string, number>();
    for (const [name, dest] of Object.entries(dests)) {
      if (!Array.isArray(dest)) continue;
      const index = await doc.getPageIndex(dest[0] as { num: number; gen: number }).catch(() => undefined);
      if (index !== undefined) pages.set(name, index);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

const sorted = (pages: Map<string, number>) => [...pages].sort(([a], [b]) => (a < b ? -1 : 1));

describe.skipIf(!browserAvailable())("named destinations of Chromium's prints", () => {
  let printer: PdfPrinter;
  beforeAll(() => {
    printer = createPdfPrinter();
  });
  afterAll(() => printer.close());

  // Sections of one to three pages each, linked from the first page, as the publication's contents link its briefs.
  const sections = Array.from({ length: 12 }, (_, i) => ({ id: `brief-${i + 1}`, pages: (i % 3) + 1 }));
  const html = sampleHtml(
    `<h1>Contents</h1>${sections.map((s) => `<p><a href="#${s.id}">${s.id}</a></p>`).join('')}` +
      sections.map((s) => `<section id="${s.id}" style="break-before: page"><h1>${s.id}</h1>${'<p style="break-after: page">text</p>'.repeat(s.pages - 1)}<p>end</p></section>`).join(''),
  );

  for (const draft of [true, false]) {
    it(`finds where each section starts, as pdf.js does (${draft ? 'draft' : 'tagged'})`, async () => {
      const pdf = await printer.print({ id: 'sections', html, draft });
      const pages = destinationPages(pdf);
      let next = 1;
      expect(sorted(pages)).toEqual(sorted(new Map(sections.map((s) => [s.id, (next += s.pages) - s.pages]))));
      expect(sorted(pages)).toEqual(sorted(await pdfJsPages(pdf)));
    });
  }
});

/** A PDF of `objects` (numbered from 1) with a correct cross-reference table. */
function pdfOf(objects: string[], trailer: string): Uint8Array {
  let text = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = objects.map((body, i) => {
    const at = text.length;
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n${trailer}\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const page = (parent: number) => `<</Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595 842]>>`;

describe('named destinations of other PDFs', () => {
  it('follows a nested page tree, destinations by reference and escaped names, as pdf.js does', async () => {
    const pdf = pdfOf(
      [
        // A string with parentheses and a comment, where a naive scan would stumble.
        '<</Type /Catalog /Pages 2 0 R /Dests 5 0 R /Lang (en \\(GB\\) (x)) % a comment >>\n>>',
        '<</Type /Pages /Count 3 /Kids [3 0 R 4 0 R]>>',
        '<</Type /Pages /Parent 2 0 R /Count 2 /Kids [6 0 R 7 0 R]>>',
        page(2),
        '<</part-1 [7 0 R /XYZ 0 842 0] /brief#2D2 8 0 R /brief-3 [4 0 R /Fit] /nowhere [99 0 R /Fit] /title <FEFF0041>>>',
        page(3),
        page(3),
        '[6 0 R /XYZ null null null]',
      ],
      '<</Size 9 /Root 1 0 R>>',
    );
    const pages = destinationPages(pdf);
    expect(sorted(pages)).toEqual([['brief-2', 0], ['brief-3', 2], ['part-1', 1]]);
    expect(sorted(pages)).toEqual(sorted(await pdfJsPages(pdf)));
  });

  it('refuses a file whose cross references are a stream, not a table', () => {
    const pdf = new Uint8Array(Buffer.from('%PDF-1.5\n1 0 obj\n<</Type /XRef>>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n', 'latin1'));
    expect(() => destinationPages(pdf)).toThrow(/no cross-reference table/);
  });
});
