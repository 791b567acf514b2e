// finishPdf read back with pdf.js: the metadata is set, Chromium's tagging and
// outline survive, and the same HTML printed twice gives the same bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishPdf, type PdfMetadata } from '../../src/pdf/metadata.ts';
import { createPdfPrinter, type PdfPrinter } from '../../src/pdf/printer.ts';
import { browserAvailable, sampleHtml } from '../helpers/browsers.ts';
import { openPdf } from '../helpers/read-pdf.ts';

const hasBrowser = browserAvailable();

const META: PdfMetadata = {
  title: 'Blekinge län: international cooperation 2024',
  author: 'Regional committee for external relations',
  subject: 'Partners, programmes and projects',
  keywords: ['cooperation', 'Baltic Sea', 'EU programmes'],
  language: 'en-GB',
  creator: 'cooperation-reports 0.1.0',
  date: new Date('2025-03-01T09:30:00Z'),
};

const HTML = sampleHtml(
  '<h1>Cooperation brief</h1><h2>Partners</h2><p>Blekinge and Klaipėda.</p><h2>Programmes</h2><p>Interreg.</p>',
);

describe.skipIf(!hasBrowser)('finishPdf', () => {
  let printer: PdfPrinter;
  let chromium: Uint8Array;
  beforeAll(async () => {
    printer = createPdfPrinter();
    chromium = await printer.print({ id: 'brief', html: HTML });
  });
  afterAll(() => printer.close());

  it('sets title, author, subject, keywords, language, creator and dates', async () => {
    const pdf = await openPdf((await finishPdf(chromium, META)).bytes);
    const { info } = await pdf.getMetadata();
    expect(info).toMatchObject({
      Title: META.title,
      Author: META.author,
      Subject: META.subject,
      Keywords: 'cooperation, Baltic Sea, EU programmes',
      Language: 'en-GB',
      Creator: META.creator,
      Producer: META.creator,
      CreationDate: 'D:20250301093000Z',
      ModDate: 'D:20250301093000Z',
    });
  });

  it('keeps the structure tree and the outline', async () => {
    const pdf = await openPdf((await finishPdf(chromium, META)).bytes);
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    expect(await (await pdf.getPage(1)).getStructTree()).toMatchObject({ role: 'Root' });
    const outline = await pdf.getOutline();
    expect(outline.map((item) => item.title)).toEqual(['Cooperation brief']);
    expect(outline[0]!.items.map((item) => item.title)).toEqual(['Partners', 'Programmes']);
  });

  it('gives byte-identical files for the same HTML printed in another browser at another time', async () => {
    const other = createPdfPrinter();
    try {
      // Chromium stamps the print time to the second.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const again = await other.print({ id: 'brief', html: HTML });
      expect(Buffer.from(again).equals(Buffer.from(chromium))).toBe(false);
      const [first, second] = await Promise.all([finishPdf(chromium, META), finishPdf(again, META)]);
      expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('gives a different file ID for different content', async () => {
    const fileId = (bytes: Uint8Array) => /\/ID \[ <([0-9a-f]{32})>/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
    const a = fileId((await finishPdf(chromium, META)).bytes);
    const b = fileId((await finishPdf(chromium, { ...META, title: 'Another title' })).bytes);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});

describe.skipIf(!hasBrowser)('finishPdf on a reused page (regression)', () => {
  it('gives the same bytes whatever the page printed before: table header ids are renumbered', async () => {
    const table = `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></body></html>`;
    const printer = createPdfPrinter();
    try {
      const first = await finishPdf(await printer.print({ id: 'a', html: table }), META);
      await printer.print({ id: 'other', html: `<html><body>${'<p>x</p>'.repeat(500)}</body></html>` });
      const again = await finishPdf(await printer.print({ id: 'a', html: table }), META);
      expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    } finally {
      await printer.close();
    }
  });
});
