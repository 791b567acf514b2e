// Horizontal bar chart as a static SVG string: one row per bar in the given
// order, category labels in a fixed-width column on the left, value labels at
// the bar ends, light gridlines at nice ticks along the bottom axis.

import {
  COLORS, checkFinite, checkId, compactNumber, escapeXml, niceTicks, num, svgOpen, textWidth,
} from './svg.ts';

export interface Bar {
  label: string;
  value: number;
  /** Already formatted for the reader, e.g. "€1,776,888". */
  valueLabel: string;
  /** Drawn in the gold accent. */
  highlight?: boolean;
}

export interface HorizontalBarChartInput {
  /** Prefix for ids inside the SVG; unique on the page. */
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  /** viewBox width; the SVG itself always fills its column. */
  width?: number;
  tickFormat?: (n: number) => string;
}

const FONT = 11;
const TICK_FONT = 10;
const LINE = 13;
const BAR = 18;
const ROW = 30;
const PAD = 6;
const TOP = 4;
const AXIS = 20;
// The label column is a fixed share of the width, so stacked charts align.
const LABEL_SHARE = 0.27;

export function horizontalBarChart(input: HorizontalBarChartInput): string {
  checkId(input.id);
  input.bars.forEach((b, i) => checkFinite(`bars[${i}].value`, b.value));
  const width = input.width ?? 640;
  const format = input.tickFormat ?? compactNumber;
  const values = input.bars.map((b) => b.value);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const tickLabels = ticks.map(format);

  const labelColumn = Math.round(width * LABEL_SHARE);
  const left = labelColumn + 2 * PAD;
  // Room for half of the outermost tick labels, which are centred on their ticks.
  const right = width - Math.max(PAD, textWidth(tickLabels[tickLabels.length - 1] ?? '', TICK_FONT) / 2 + 1);
  const x = (v: number) => left + ((v - lo) / (hi - lo)) * (right - left);
  const plotBottom = TOP + input.bars.length * ROW;
  const height = plotBottom + AXIS;

  const grid = ticks.map((t, i) => {
    const tx = num(x(t));
    const line = t === 0 ? '' : `<line x1="${tx}" y1="${TOP}" x2="${tx}" y2="${num(plotBottom)}"/>`;
    const label = `<text x="${tx}" y="${num(plotBottom + 14)}" text-anchor="middle">${escapeXml(tickLabels[i] ?? '')}</text>`;
    return { line, label };
  });

  const rows = input.bars.map((bar, i) => {
    const cy = TOP + i * ROW + ROW / 2;
    const fill = bar.highlight ? COLORS.gold : COLORS.navy;
    const x0 = x(0);
    const x1 = x(bar.value);
    const rect = `<rect x="${num(Math.min(x0, x1))}" y="${num(cy - BAR / 2)}" width="${num(Math.abs(x1 - x0))}" height="${BAR}" fill="${fill}"/>`;
    return rect + categoryLabel(bar, labelColumn, cy) + valueLabel(bar, x0, x1, cy, left, width);
  });

  return (
    svgOpen({ id: input.id, title: input.title, description: input.description, width, height }) +
    `<g stroke="${COLORS.grid}" stroke-width="0.75">${grid.map((g) => g.line).join('')}</g>` +
    `<g font-size="${FONT}" fill="${COLORS.text}">${rows.join('')}</g>` +
    `<line x1="${num(x(0))}" y1="${TOP}" x2="${num(x(0))}" y2="${num(plotBottom)}" stroke="${COLORS.axis}" stroke-width="1"/>` +
    `<g font-size="${TICK_FONT}" fill="${COLORS.muted}">${grid.map((g) => g.label).join('')}</g>` +
    '</svg>'
  );
}

/** Right-aligned against the bars, wrapped to two lines at most, vertically centred on the bar. */
function categoryLabel(bar: Bar, column: number, cy: number): string {
  const bold = bar.highlight === true;
  const lines = wrap(bar.label, column, FONT, bold);
  const first = cy - ((lines.length - 1) * LINE) / 2 + FONT * 0.35;
  const spans = lines
    .map((l, i) => `<tspan x="${column}" y="${num(first + i * LINE)}">${escapeXml(l)}</tspan>`)
    .join('');
  return `<text text-anchor="end"${bold ? ' font-weight="bold"' : ''}>${spans}</text>`;
}

/** Outside the bar end when it fits in the chart, otherwise inside it in white. */
function valueLabel(bar: Bar, x0: number, x1: number, cy: number, left: number, width: number): string {
  const w = textWidth(bar.valueLabel, FONT);
  const negative = bar.value < 0;
  const outside = negative ? x1 - PAD - w >= left - PAD : x1 + PAD + w <= width;
  const fitsInside = Math.abs(x1 - x0) >= w + 2 * PAD;
  const inside = !outside && fitsInside;
  const toLeft = negative !== inside;
  const tx = toLeft ? x1 - PAD : x1 + PAD;
  const fill = inside ? (bar.highlight ? COLORS.text : '#ffffff') : COLORS.text;
  return (
    `<text x="${num(tx)}" y="${num(cy + FONT * 0.35)}" text-anchor="${toLeft ? 'end' : 'start'}" fill="${fill}">` +
    `${escapeXml(bar.valueLabel)}</text>`
  );
}

const ELLIPSIS = '\u2026';
const MAX_LINES = 2;

/** Greedy word wrap; what does not fit in two lines ends in an ellipsis. */
export function wrap(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= maxWidth;
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate) || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  const kept = lines.slice(0, MAX_LINES);
  const overflow = lines.length > MAX_LINES;
  if (overflow) kept[MAX_LINES - 1] = `${kept[MAX_LINES - 1]} ${lines.slice(MAX_LINES).join(' ')}`;
  return kept.map((line, i) => (fits(line) && !(overflow && i === MAX_LINES - 1) ? line : truncate(line, fits)));
}

function truncate(line: string, fits: (s: string) => boolean): string {
  let cut = [...line];
  while (cut.length > 0 && !fits(`${cut.join('').trimEnd()}${ELLIPSIS}`)) cut = cut.slice(0, -1);
  return `${cut.join('').trimEnd()}${ELLIPSIS}`;
}
