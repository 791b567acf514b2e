// Makes a printed brief a PDF/A-2a and PDF/UA-1 file: the parts Chromium does
// not write. Its structure tree, outline, embedded fonts with ToUnicode maps,
// /Lang and DisplayDocTitle stay as printed and set (see pdf-metadata.ts); here
// are added the artifact marking of untagged content (after dropping the
// invisible glyphs Chromium draws for soft hyphens), list bodies, the sRGB
// output intent and the XMP packet that states both claims. The tests in
// tests/pdf/ read the results back with pdf.js, pikepdf and qpdf.
import { PDFHeader, PDFName, type PDFDocument } from 'pdf-lib';
import { markArtifacts } from './artifacts.ts';
import { addSrgbOutputIntent } from './output-intent.ts';
import { rewriteContents } from './page-content.ts';
import { dropSoftHyphenGlyphs } from './soft-hyphens.ts';
import { addListBodies } from './structure.ts';
import { xmpPacket, type XmpFields } from './xmp.ts';

/** What every brief claims: PDF/A-2 level A (tagged, Unicode) and PDF/UA-1. */
export const CONFORMANCE = { pdfa: { part: 2, conformance: 'A' }, pdfua: { part: 1 } } as const;

export type DocumentInfo = Omit<XmpFields, 'pdfa' | 'pdfua'>;

export function applyStandards(doc: PDFDocument, info: DocumentInfo): void {
  // In this order: artifacts are marked in content already without the soft-hyphen glyphs.
  rewriteContents(doc, [dropSoftHyphenGlyphs, markArtifacts]);
  addListBodies(doc);
  addSrgbOutputIntent(doc);
  const { context } = doc;
  // Unfiltered, so that tools scanning a file for its XMP packet find it.
  const xmp = context.stream(Buffer.from(xmpPacket({ ...info, ...CONFORMANCE }), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(xmp));
  // Object streams and cross-reference streams, which pdf-lib writes, are PDF 1.5; PDF/A-2 is based on PDF 1.7.
  context.header = PDFHeader.forVersion(1, 7);
}
