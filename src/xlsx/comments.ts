// Comments (Excel's notes) as ExcelJS 4.4 writes them, mended:
// - every comment is signed "Author" (comments-xform.js): sign them with the
//   workbook's author instead;
// - every sheet's VML drawing claims the same block of shape ids (idmap data
//   "1", shapes from _x0000_s1025), so a second sheet with comments makes Excel
//   repair the file (exceljs/exceljs#3070, not merged): give the N-th drawing
//   block N, as Excel does, each block holding 1024 ids.
import { escapeXml } from './xml.ts';
import type { ZipParts } from './zip-parts.ts';

const SHAPES_PER_BLOCK = 1024;

export async function mendComments(parts: ZipParts, author: string): Promise<void> {
  await parts.update(/^xl\/comments\d+\.xml$/, (xml) => xml.replace(/<author>Author<\/author>/g, `<author>${escapeXml(author)}</author>`));
  const drawings = parts.names().filter((name) => /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(name));
  for (const [i, name] of drawings.entries()) {
    const block = i + 1;
    const xml = (await parts.text(name))
      .replace(/(<o:idmap\b[^>]*\bdata=")1(")/, `$1${block}$2`)
      .replace(/_x0000_s(\d+)/g, (_, id: string) => `_x0000_s${Number(id) - SHAPES_PER_BLOCK + block * SHAPES_PER_BLOCK}`);
    parts.set(name, xml);
  }
}
