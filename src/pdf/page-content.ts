// Rewriting a page's content stream: decoded once, changed by each step in
// turn, and stored again with Flate once (pdf-lib's, so equal input gives
// equal bytes). Compressing is the costliest part of post-processing: steps
// that each stored their result would compress every page once per step.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFName, PDFRawStream, PDFRef, decodePDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';

/** A step returns the new content, or undefined to leave it as it is. */
export type ContentChange = (content: Uint8Array, page: PDFPage) => Uint8Array | undefined;

export function rewriteContents(doc: PDFDocument, changes: readonly ContentChange[]): void {
  for (const page of doc.getPages()) {
    const stream = contentStream(page);
    if (!stream) continue;
    let content = decoded(stream.stream);
    let changed = false;
    for (const change of changes) {
      const next = change(content, page);
      if (next) [content, changed] = [next, true];
    }
    if (changed) doc.context.assign(stream.ref, doc.context.flateStream(content));
  }
}

/** Chromium's plain Flate streams through Node's zlib (inflating has one right answer, and zlib's is native); others through pdf-lib. */
function decoded(stream: PDFRawStream): Uint8Array {
  const plainFlate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'));
  return plainFlate ? inflateSync(stream.contents) : decodePDFRawStream(stream).decode();
}

/** The page's single content stream (Chromium writes one per page). */
function contentStream(page: PDFPage): { ref: PDFRef; stream: PDFRawStream } | undefined {
  const contents = page.node.get(PDFName.of('Contents'));
  if (contents === undefined) return undefined;
  const ref = contents instanceof PDFArray && contents.size() === 1 ? contents.get(0) : contents;
  if (!(ref instanceof PDFRef)) throw new Error('page content: expected one content stream by reference');
  const stream = page.doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) throw new Error('page content: not a stream');
  return { ref, stream };
}
