// Chromium draws every soft hyphen of the text, taken or not, as an invisible
// space glyph inside /Span <</ActualText (U+00AD)>>. Readers that ignore
// ActualText (pdf.js, so Firefox's search and copy) read that glyph as a space
// and split the word: "CON SID ERATION". The glyph is dropped and its span
// with it; the positioning operators stay, so nothing moves. A hyphen drawn
// where a line breaks is a glyph of its own after the span and is kept.
import { parseOperations } from './content-stream.ts';
import type { ContentChange } from './page-content.ts';

const SHOWS_TEXT = new Set(['Tj', 'TJ', "'", '"']);
const MARKS = new Set(['EMC', 'BDC', 'BMC']);
const SOFT_HYPHEN_SPAN = /^<<\s*\/ActualText\s*<FEFF00AD>\s*>>$/i;

/** A page's content without them, or undefined when it has none. */
export const dropSoftHyphenGlyphs: ContentChange = (bytes) => {
  const { content, count } = withoutSoftHyphenGlyphs(bytes);
  return count > 0 ? content : undefined;
};

export function withoutSoftHyphenGlyphs(bytes: Uint8Array): { content: Uint8Array; count: number } {
  const operations = parseOperations(bytes);
  const keep: Uint8Array[] = [];
  let copied = 0;
  let count = 0;
  for (let i = 0; i < operations.length; i++) {
    const open = operations[i]!;
    if (open.operator !== 'BDC' || open.operands[0] !== '/Span' || !SOFT_HYPHEN_SPAN.test(open.operands[1] ?? '')) continue;
    let close = i + 1;
    while (close < operations.length && !MARKS.has(operations[close]!.operator)) close++;
    if (operations[close]?.operator !== 'EMC') continue;
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
