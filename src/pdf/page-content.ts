// Rewriting a page's content stream: decoded, changed by a step, and stored
// again with Flate (pdf-lib's, so equal input gives equal bytes).
import { PDFArray, PDFName, PDFRawStream, PDFRef, decodePDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';

/** `change` returns the new content, or undefined to leave the page as it is. */
export function rewriteContents(doc: PDFDocument, change: (content: Uint8Array, page: PDFPage) => Uint8Array | undefined): void {
  for (const page of doc.getPages()) {
    const stream = contentStream(page);
    if (!stream) continue;
    const changed = change(decodePDFRawStream(stream.stream).decode(), page);
    if (changed) doc.context.assign(stream.ref, doc.context.flateStream(changed));
  }
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
