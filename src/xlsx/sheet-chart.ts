// A declared chart made concrete for one laid-out table: the cell ranges its
// series refer to, the values they hold now, its size, and its place beside
// the table (with a page break before it, so it prints on a page of its own).
import type { ChartSpec } from './charts.ts';
import { markerAfter, type PlacedChart } from './drawings.ts';
import { columnPixels } from './text-metrics.ts';

export interface ChartTable {
  sheetName: string;
  /** The sheet's part in the package, e.g. xl/worksheets/sheet2.xml. */
  sheetPart: string;
  /** Column letters, widths (characters) and row heights (points) as laid out, header row first. */
  letters: readonly string[];
  widths: readonly number[];
  heights: readonly number[];
  /** The sheet's column width and row height beyond the table. */
  defaults: { width: number; height: number };
  firstRow: number;
  lastRow: number;
}

export interface ChartColumns {
  title: string;
  categoryAxis: string;
  valueAxis: string;
  valueAxisFormat: string;
  stacked: boolean;
  language: string;
  /** Column indexes (from 0) with what their data cells show. */
  categories: { index: number; texts: string[] };
  values: { index: number; header: string; numbers: (number | undefined)[]; format: string }[];
  /** The tallest the chart may be, in points: what fits on a printed page. */
  maxHeight: number;
}

const EMU_PER_CM = 360_000;
const EMU_PER_POINT = 12_700;
const SIZE_CM = { width: 16, base: 3.5, perBar: 0.6, minHeight: 7.5 };
/** Room between the table and the chart, in EMU. */
const GAP = 12 * 9525;

export function placeChart(table: ChartTable, chart: ChartColumns): PlacedChart {
  const range = (index: number) => `${quoteSheet(table.sheetName)}!$${table.letters[index]}$${table.firstRow}:$${table.letters[index]}$${table.lastRow}`;
  const spec: ChartSpec = {
    title: chart.title,
    categoryAxisTitle: chart.categoryAxis,
    valueAxisTitle: chart.valueAxis,
    valueAxisFormat: chart.valueAxisFormat,
    stacked: chart.stacked,
    language: chart.language,
    categories: { ref: range(chart.categories.index), texts: chart.categories.texts },
    series: chart.values.map((v) => ({
      name: { ref: `${quoteSheet(table.sheetName)}!$${table.letters[v.index]}$1`, text: v.header },
      values: { ref: range(v.index), numbers: v.numbers, format: v.format },
    })),
  };
  const bars = chart.categories.texts.length;
  const height = Math.min(chart.maxHeight * EMU_PER_POINT, Math.max(SIZE_CM.minHeight, SIZE_CM.base + bars * SIZE_CM.perBar) * EMU_PER_CM);
  const from = { col: table.widths.length, colOff: GAP, row: 0, rowOff: 0 };
  const to = markerAfter(
    from,
    SIZE_CM.width * EMU_PER_CM,
    Math.round(height),
    (col) => columnPixels(table.widths[col] ?? table.defaults.width),
    (row) => table.heights[row] ?? table.defaults.height,
  );
  return { sheetPart: table.sheetPart, spec, from, to, breakBefore: table.widths.length };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
