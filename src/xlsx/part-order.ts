// Worksheet parts with their children in the order the schema prescribes.
// ExcelJS 4.4 writes <tableParts> before <legacyDrawing> when a sheet has both a
// table and a comment (exceljs/exceljs#1369, fixed upstream but not released):
// Excel then reports "We found a problem with some content" and its repair
// empties the sheet. Putting every child in the CT_Worksheet sequence mends
// that, and places the <drawing> and <colBreaks> that charts add.
import { splitPart } from './xml.ts';

/** ECMA-376 Part 1 (transitional), 18.3.1.99 CT_Worksheet: its xsd:sequence. */
const WORKSHEET_SEQUENCE = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
] as const;

const RANK = new Map<string, number>(WORKSHEET_SEQUENCE.map((name, i) => [name, i]));

/** The worksheet part with its children sorted into the sequence; equal names keep their order. */
export function orderWorksheet(xml: string): string {
  const { head, children, tail } = splitPart(xml);
  const unknown = children.find((c) => !RANK.has(c.name));
  if (unknown) throw new Error(`<${unknown.name}> is not a child of a worksheet in ECMA-376`);
  const sorted = children.map((c, i) => ({ c, i })).sort((a, b) => RANK.get(a.c.name)! - RANK.get(b.c.name)! || a.i - b.i);
  return head + sorted.map(({ c }) => c.xml).join('') + tail;
}

/** The part with `element` added among the root's children, in its place in the sequence. */
export function insertIntoWorksheet(xml: string, element: string): string {
  const end = xml.lastIndexOf('</');
  return orderWorksheet(xml.slice(0, end) + element + xml.slice(end));
}
