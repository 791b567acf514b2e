// The zip step after ExcelJS: what ExcelJS 4.4 cannot write or writes wrong,
// mended in the package it wrote.
import { mendComments } from './comments.ts';
import { addCharts, type PlacedChart } from './drawings.ts';
import { addFormatCodes16 } from './number-formats.ts';
import { orderWorksheet } from './part-order.ts';
import { escapeXml } from './xml.ts';
import { ZipParts } from './zip-parts.ts';

export interface PackageChanges {
  /** Who signs the comments. */
  author: string;
  /** The workbook's font, for its Normal style. */
  font: { name: string; size: number };
  /** Number formats in Excel 2016's syntax, by their classic code. */
  formats16: Readonly<Record<string, string>>;
  charts: readonly PlacedChart[];
}

export async function finishPackage(bytes: Uint8Array, changes: PackageChanges): Promise<Uint8Array> {
  const parts = await ZipParts.read(bytes);
  await mendComments(parts, changes.author);
  // ExcelJS has no way to set the Normal style's font (font 0, Calibri 11).
  // Column widths are counted in digits of that font: with the workbook's own
  // font there, LibreOffice sizes columns for Arial, as Excel does, rather than
  // for whatever stands in for Calibri.
  await parts.update(/^xl\/styles\.xml$/, (xml) =>
    addFormatCodes16(
      xml.replace(/(<fonts\b[^>]*>)<font>[\s\S]*?<\/font>/, `$1<font><sz val="${changes.font.size}"/><color theme="1"/><name val="${escapeXml(changes.font.name)}"/><family val="2"/></font>`),
      changes.formats16,
    ),
  );
  // ExcelJS labels a table's totals row "Total" even when the table has none
  // (ours are plain rows below it): an English word in every language.
  await parts.update(/^xl\/tables\/table\d+\.xml$/, (xml) => xml.replace(/ totalsRowLabel="[^"]*"/g, ''));
  await addCharts(parts, changes.charts);
  await parts.update(/^xl\/worksheets\/sheet\d+\.xml$/, orderWorksheet);
  return parts.bytes();
}
