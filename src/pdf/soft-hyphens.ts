// Chromium draws every soft hyphen of the text, taken or not, as an invisible
// space glyph inside /Span <</ActualText (U+00AD)>>. Readers that ignore
// ActualText (pdf.js, so Firefox's search and copy) read that glyph as a space
// and split the word: "CON SID ERATION". The glyph is dropped and its span
// with it; the positioning operators stay, so nothing moves. A hyphen drawn
// where a line breaks is a glyph of its own after the span and is kept.
import { parseOperations } from './content-stream.ts';
import { rewriteContents } from './page-content.ts';
import type { PDFDocument } from 'pdf-lib';

const SHOWS_TEXT = new Set(['Tj', 'TJ', "'", '"']);
const SOFT_HYPHEN_SPAN = /^<<\s*\/ActualText\s*<FEFF00AD>\s*>>$/i;

/** Returns how many soft-hyphen glyphs were dropped. */
export function dropSoftHyphenGlyphs(doc: PDFDocument): number {
  let dropped = 0;
  rewriteContents(doc, (bytes) => {
    const { content, count } = withoutSoftHyphenGlyphs(bytes);
    dropped += count;
    return count > 0 ? content : undefined;
  });
  return dropped;
}

export function withoutSoftHyphenGlyphs(bytes: Uint8Array): { content: Uint8Array; count: number } {
  const operations = parseOperations(bytes);
  const keep: Uint8Array[] = [];
  let copied = 0;
  let count = 0;
  for (let i = 0; i < operations.length; i++) {
    const open = operations[i]!;
    if (open.operator !== 'BDC' || open.operands[0] !== '/Span' || !SOFT_HYPHEN_SPAN.test(open.operands[1] ?? '')) continue;
    const close = operations.findIndex((op, j) => j > i && (op.operator === 'EMC' || op.operator === 'BDC' || op.operator === 'BMC'));
    if (close < 0 || operations[close]!.operator !== 'EMC') continue;
    // Keep what lies between the span's operators except the glyphs it shows.
    keep.push(bytes.subarray(copied, open.start));
    for (const inner of operations.slice(i + 1, close)) {
      if (SHOWS_TEXT.has(inner.operator)) count++;
      else keep.push(bytes.subarray(inner.start, inner.end), Buffer.from('\n'));
    }
    copied = operations[close]!.end;
    i = close;
  }
  keep.push(bytes.subarray(copied));
  return { content: Buffer.concat(keep), count };
}
