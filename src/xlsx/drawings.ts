// Charts into the package ExcelJS wrote: for each sheet with charts a drawing
// part (xl/drawings/drawingN.xml) anchoring them beside the table, the chart
// parts, their relationships and content types, and in the sheet a <drawing>
// element and a column break, so the chart prints on a page of its own.
import { CHART_NAMESPACE, chartXml, el, type ChartSpec } from './charts.ts';
import { insertIntoWorksheet } from './part-order.ts';
import { escapeXml } from './xml.ts';
import type { ZipParts } from './zip-parts.ts';

/** A cell corner and an offset into the cell, in EMU; columns and rows count from 0. */
export interface Marker {
  col: number;
  colOff: number;
  row: number;
  rowOff: number;
}

export interface PlacedChart {
  /** The sheet's part, e.g. xl/worksheets/sheet2.xml. */
  sheetPart: string;
  spec: ChartSpec;
  from: Marker;
  to: Marker;
  /** The first column (from 0) printed after the break that puts the chart on its own page. */
  breakBefore: number;
}

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CONTENT_TYPES = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};
const EMU_PER_PIXEL = 9525;
const EMU_PER_POINT = 12700;
const LAST_ROW = 1_048_575;

export async function addCharts(parts: ZipParts, charts: readonly PlacedChart[]): Promise<void> {
  const overrides: string[] = [];
  let chartNumber = nextNumber(parts, /^xl\/charts\/chart(\d+)\.xml$/);
  let drawingNumber = nextNumber(parts, /^xl\/drawings\/drawing(\d+)\.xml$/);
  for (const sheetPart of new Set(charts.map((c) => c.sheetPart))) {
    const own = charts.filter((c) => c.sheetPart === sheetPart);
    const drawing = `xl/drawings/drawing${drawingNumber++}.xml`;
    const anchors = own.map((chart, i) => {
      const part = `xl/charts/chart${chartNumber++}.xml`;
      parts.set(part, chartXml(chart.spec));
      overrides.push(override(part, CONTENT_TYPES.chart));
      return { chart, part, rId: `rId${i + 1}`, id: i + 2 };
    });
    parts.set(drawing, drawingXml(anchors));
    parts.set(relsOf(drawing), relationshipsXml(anchors.map((a) => ({ id: a.rId, type: 'chart', target: `../charts/${basename(a.part)}` }))));
    overrides.push(override(drawing, CONTENT_TYPES.drawing));

    const rels = relsOf(sheetPart);
    const existing = parts.has(rels) ? await parts.text(rels) : relationshipsXml([]);
    const rId = freeId(existing);
    parts.set(rels, existing.replace('</Relationships>', relationship({ id: rId, type: 'drawing', target: `../drawings/${basename(drawing)}` }) + '</Relationships>'));
    const breaks = [...new Set(own.map((c) => c.breakBefore))].sort((a, b) => a - b);
    const colBreaks = el('colBreaks', { count: breaks.length, manualBreakCount: breaks.length }, breaks.map((id) => el('brk', { id, max: LAST_ROW, man: 1 })));
    const sheet = insertIntoWorksheet(await parts.text(sheetPart), el('drawing', { 'r:id': rId }));
    parts.set(sheetPart, insertIntoWorksheet(sheet, colBreaks));
  }
  const types = await parts.text('[Content_Types].xml');
  parts.set('[Content_Types].xml', types.replace('</Types>', overrides.join('') + '</Types>'));
}

/** The bottom-right marker of a box `width` × `height` EMU whose top-left is `from`. */
export function markerAfter(from: Marker, width: number, height: number, columnPixels: (col: number) => number, rowPoints: (row: number) => number): Marker {
  let col = from.col;
  let x = width + from.colOff;
  while (x >= columnPixels(col) * EMU_PER_PIXEL) x -= columnPixels(col++) * EMU_PER_PIXEL;
  let row = from.row;
  let y = height + from.rowOff;
  while (y >= rowPoints(row) * EMU_PER_POINT) y -= rowPoints(row++) * EMU_PER_POINT;
  return { col, colOff: Math.round(x), row, rowOff: Math.round(y) };
}

interface Anchor {
  chart: PlacedChart;
  rId: string;
  /** The drawing object's id within the drawing part. */
  id: number;
}

function drawingXml(anchors: readonly Anchor[]): string {
  const marker = (name: string, m: Marker) =>
    el(name, {}, [el('xdr:col', {}, [String(m.col)]), el('xdr:colOff', {}, [String(m.colOff)]), el('xdr:row', {}, [String(m.row)]), el('xdr:rowOff', {}, [String(m.rowOff)])]);
  const frame = (a: Anchor) =>
    el('xdr:graphicFrame', { macro: '' }, [
      // The title as the chart's alternative text.
      el('xdr:nvGraphicFramePr', {}, [el('xdr:cNvPr', { id: a.id, name: `Chart ${a.id - 1}`, descr: a.chart.spec.title }), el('xdr:cNvGraphicFramePr')]),
      el('xdr:xfrm', {}, [el('a:off', { x: 0, y: 0 }), el('a:ext', { cx: 0, cy: 0 })]),
      el('a:graphic', {}, [el('a:graphicData', { uri: CHART_NAMESPACE }, [el('c:chart', { 'xmlns:c': CHART_NAMESPACE, 'r:id': a.rId })])]),
    ]);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    el(
      'xdr:wsDr',
      {
        'xmlns:xdr': 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
        'xmlns:a': 'http://schemas.openxmlformats.org/drawingml/2006/main',
        'xmlns:r': RELATIONSHIP_TYPE,
      },
      // oneCell: the chart moves with the cells but keeps its size when rows are resized.
      anchors.map((a) => el('xdr:twoCellAnchor', { editAs: 'oneCell' }, [marker('xdr:from', a.chart.from), marker('xdr:to', a.chart.to), frame(a), el('xdr:clientData')])),
    )
  );
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationshipsXml(rels: readonly Relationship[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS}">${rels.map(relationship).join('')}</Relationships>`;
}

function relationship(r: Relationship): string {
  return `<Relationship Id="${r.id}" Type="${RELATIONSHIP_TYPE}/${r.type}" Target="${escapeXml(r.target)}"/>`;
}

function override(part: string, type: string): string {
  return `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`;
}

function freeId(rels: string): string {
  const used = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

function nextNumber(parts: ZipParts, pattern: RegExp): number {
  return Math.max(0, ...parts.names().map((name) => Number(pattern.exec(name)?.[1] ?? 0))) + 1;
}

/** xl/drawings/drawing1.xml -> xl/drawings/_rels/drawing1.xml.rels */
function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function basename(part: string): string {
  return part.slice(part.lastIndexOf('/') + 1);
}
