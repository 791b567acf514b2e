// A native bar chart part (DrawingML, xl/charts/chartN.xml). ExcelJS writes
// no charts, so the part is written here, element by element in the order of
// the chart schema (ECMA-376 Part 1, 21.2: CT_ChartSpace, CT_Chart,
// CT_PlotArea, CT_BarChart, CT_BarSer, CT_CatAx, CT_ValAx, CT_Title, ...).
// Series refer to the sheet's cells and carry their values as caches, so the
// chart follows the analyst's edits and shows without recalculation.
import { escapeXml } from './xml.ts';

export interface ChartSeries {
  /** The header cell naming the series, e.g. 'Projects'!$H$1, and its text. */
  name: { ref: string; text: string };
  /** The data cells, e.g. 'Projects'!$H$2:$H$7, their values (undefined: blank) and number format. */
  values: { ref: string; numbers: (number | undefined)[]; format: string };
}

export interface ChartSpec {
  title: string;
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** Labels of the value axis, an Excel number format. */
  valueAxisFormat: string;
  /** Bars one on top of the other (stacked) or side by side. */
  stacked: boolean;
  categories: { ref: string; texts: string[] };
  series: ChartSeries[];
  /** The language of the chart's text, e.g. ru-RU. */
  language: string;
}

export const CHART_NAMESPACE = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const DRAWING_NAMESPACE = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const FONT = 'Arial';
/** Text sizes in hundredths of a point: at the smallest print scale (80 %) they stay at least 8 pt. */
const SIZE = { text: 1000, title: 1200 };
/** Dark enough for white labels inside the bars. */
const SERIES_COLORS = ['1F3864', 'C55A11', '548235', '7030A0'];
const GRID_COLOR = 'D9D9D9';
const AXIS_IDS = { category: 500_000_001, value: 500_000_002 };

/** The chart part: horizontal bars, categories top to bottom in the table's order. */
export function chartXml(spec: ChartSpec): string {
  const bars = [
    el('c:barDir', { val: 'bar' }),
    el('c:grouping', { val: spec.stacked ? 'stacked' : 'clustered' }),
    el('c:varyColors', { val: 0 }),
    ...spec.series.map((s, i) => series(s, i, spec)),
    el('c:gapWidth', { val: 60 }),
    ...(spec.stacked ? [el('c:overlap', { val: 100 })] : []),
    el('c:axId', { val: AXIS_IDS.category }),
    el('c:axId', { val: AXIS_IDS.value }),
  ];
  const categoryAxis = [
    el('c:axId', { val: AXIS_IDS.category }),
    // Reversed, so the first row of the table is the top bar.
    el('c:scaling', {}, [el('c:orientation', { val: 'maxMin' })]),
    el('c:delete', { val: 0 }),
    el('c:axPos', { val: 'l' }),
    title(spec.categoryAxisTitle, spec.language, SIZE.text, -5_400_000),
    el('c:majorTickMark', { val: 'none' }),
    el('c:minorTickMark', { val: 'none' }),
    el('c:tickLblPos', { val: 'nextTo' }),
    line(GRID_COLOR),
    textProperties(spec.language, SIZE.text),
    el('c:crossAx', { val: AXIS_IDS.value }),
    el('c:crosses', { val: 'autoZero' }),
    el('c:auto', { val: 1 }),
    el('c:lblAlgn', { val: 'ctr' }),
    el('c:lblOffset', { val: 100 }),
    el('c:noMultiLvlLbl', { val: 0 }),
  ];
  const valueAxis = [
    el('c:axId', { val: AXIS_IDS.value }),
    el('c:scaling', {}, [el('c:orientation', { val: 'minMax' }), el('c:min', { val: 0 })]),
    el('c:delete', { val: 0 }),
    el('c:axPos', { val: 'b' }),
    el('c:majorGridlines', {}, [line(GRID_COLOR)]),
    title(spec.valueAxisTitle, spec.language, SIZE.text),
    el('c:numFmt', { formatCode: spec.valueAxisFormat, sourceLinked: 0 }),
    el('c:majorTickMark', { val: 'out' }),
    el('c:minorTickMark', { val: 'none' }),
    el('c:tickLblPos', { val: 'nextTo' }),
    line(GRID_COLOR),
    textProperties(spec.language, SIZE.text),
    el('c:crossAx', { val: AXIS_IDS.category }),
    // With the categories reversed, "max" keeps the value axis at the bottom.
    el('c:crosses', { val: 'max' }),
    el('c:crossBetween', { val: 'between' }),
    ...integerUnit(spec),
  ];
  const chart = [
    title(spec.title, spec.language, SIZE.title),
    el('c:autoTitleDeleted', { val: 0 }),
    el('c:plotArea', {}, [el('c:layout'), el('c:barChart', {}, bars), el('c:catAx', {}, categoryAxis), el('c:valAx', {}, valueAxis)]),
    ...(spec.series.length > 1 ? [el('c:legend', {}, [el('c:legendPos', { val: 'b' }), el('c:overlay', { val: 0 }), textProperties(spec.language, SIZE.text)])] : []),
    el('c:plotVisOnly', { val: 1 }),
    el('c:dispBlanksAs', { val: 'gap' }),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    el('c:chartSpace', { 'xmlns:c': CHART_NAMESPACE, 'xmlns:a': DRAWING_NAMESPACE, 'xmlns:r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships' }, [
      el('c:date1904', { val: 0 }),
      el('c:lang', { val: spec.language }),
      el('c:roundedCorners', { val: 0 }),
      el('c:chart', {}, chart),
      el('c:spPr', {}, [el('a:noFill'), el('a:ln', {}, [el('a:noFill')])]),
      textProperties(spec.language, SIZE.text),
    ])
  );
}

function series(s: ChartSeries, i: number, spec: ChartSpec): string {
  const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
  return el('c:ser', {}, [
    el('c:idx', { val: i }),
    el('c:order', { val: i }),
    el('c:tx', {}, [el('c:strRef', {}, [el('c:f', {}, [escapeXml(s.name.ref)]), strCache([s.name.text])])]),
    el('c:spPr', {}, [fill(color)]),
    el('c:invertIfNegative', { val: 0 }),
    dataLabels(s.values.format, spec),
    el('c:cat', {}, [el('c:strRef', {}, [el('c:f', {}, [escapeXml(spec.categories.ref)]), strCache(spec.categories.texts)])]),
    el('c:val', {}, [el('c:numRef', {}, [el('c:f', {}, [escapeXml(s.values.ref)]), numCache(s.values.numbers, s.values.format)])]),
  ]);
}

/** Each bar's value beside it (inside, when stacked); zeros and blanks get no label. */
function dataLabels(format: string, spec: ChartSpec): string {
  return el('c:dLbls', {}, [
    el('c:numFmt', { formatCode: `${positivePart(format)};;;`, sourceLinked: 0 }),
    el('c:spPr', {}, [el('a:noFill'), el('a:ln', {}, [el('a:noFill')])]),
    textProperties(spec.language, SIZE.text, spec.stacked ? 'FFFFFF' : undefined),
    el('c:dLblPos', { val: spec.stacked ? 'ctr' : 'outEnd' }),
    el('c:showLegendKey', { val: 0 }),
    el('c:showVal', { val: 1 }),
    el('c:showCatName', { val: 0 }),
    el('c:showSerName', { val: 0 }),
    el('c:showPercent', { val: 0 }),
    el('c:showBubbleSize', { val: 0 }),
  ]);
}

/** Whole counts get whole steps on the axis, about five of them. */
function integerUnit(spec: ChartSpec): string[] {
  const whole = spec.series.every((s) => s.values.numbers.every((n) => n === undefined || Number.isInteger(n)));
  const totals = spec.categories.texts.map((_, i) => spec.series.reduce((sum, s) => (spec.stacked ? sum + (s.values.numbers[i] ?? 0) : Math.max(sum, s.values.numbers[i] ?? 0)), 0));
  const max = Math.max(0, ...totals);
  return whole && max < 50 ? [el('c:majorUnit', { val: Math.max(1, Math.ceil(max / 5)) })] : [];
}

/** The first section of a number format (for positive numbers). */
function positivePart(format: string): string {
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    if (format[i] === '"') quoted = !quoted;
    else if (format[i] === ';' && !quoted) return format.slice(0, i);
  }
  return format;
}

function strCache(texts: readonly string[]): string {
  return el('c:strCache', {}, [el('c:ptCount', { val: texts.length }), ...texts.map((t, idx) => el('c:pt', { idx }, [el('c:v', {}, [escapeXml(t)])]))]);
}

function numCache(numbers: readonly (number | undefined)[], format: string): string {
  const points = numbers.flatMap((n, idx) => (n === undefined ? [] : [el('c:pt', { idx }, [el('c:v', {}, [String(n)])])]));
  return el('c:numCache', {}, [el('c:formatCode', {}, [escapeXml(format)]), el('c:ptCount', { val: numbers.length }), ...points]);
}

/** A title of rich text; rotation in 60,000ths of a degree. */
function title(text: string, language: string, size: number, rotation?: number): string {
  const run = el('a:r', {}, [el('a:rPr', { lang: language, sz: size, b: 1 }, [fill('262626'), latin()]), el('a:t', {}, [escapeXml(text)])]);
  const body = el('a:bodyPr', rotation === undefined ? {} : { rot: rotation, vert: 'horz' });
  return el('c:title', {}, [
    el('c:tx', {}, [el('c:rich', {}, [body, el('a:lstStyle'), el('a:p', {}, [el('a:pPr', {}, [el('a:defRPr', { sz: size, b: 1 }, [fill('262626'), latin()])]), run])])]),
    el('c:overlay', { val: 0 }),
  ]);
}

function textProperties(language: string, size: number, color = '404040'): string {
  return el('c:txPr', {}, [
    el('a:bodyPr'),
    el('a:lstStyle'),
    el('a:p', {}, [el('a:pPr', {}, [el('a:defRPr', { sz: size }, [fill(color), latin()])]), el('a:endParaRPr', { lang: language })]),
  ]);
}

function fill(color: string): string {
  return el('a:solidFill', {}, [el('a:srgbClr', { val: color })]);
}

function line(color: string): string {
  return el('c:spPr', {}, [el('a:ln', { w: 9525 }, [fill(color)])]);
}

function latin(): string {
  return el('a:latin', { typeface: FONT });
}

/** An element; attribute values are escaped, children are XML already. */
export function el(name: string, attributes: Record<string, string | number> = {}, children: readonly string[] = []): string {
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join('');
  return children.length === 0 ? `<${name}${attrs}/>` : `<${name}${attrs}>${children.join('')}</${name}>`;
}
