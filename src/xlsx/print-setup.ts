// How a sheet prints on A4: the orientation its width calls for, and a scale
// that fits the table to the page width only where its 10 pt text stays at
// least 8 pt. A wider table prints at full size over pages side by side, each
// repeating the first column (every page repeats the header row).

export type Orientation = 'portrait' | 'landscape';

export interface PrintLayout {
  orientation: Orientation;
  /** Percent. */
  scale: number;
  repeatFirstColumn: boolean;
}

/** The smallest scale that keeps the workbook's 10 pt text at 8 pt. */
const MIN_SCALE = 80;
/** Excel's narrow margins, in inches: left and right, top and bottom (the header and footer sit inside them). */
export const MARGINS = { side: 0.25, end: 0.75 } as const;
const A4_POINTS = { width: 595.3, height: 841.9 };
/**
 * A unit of column width printed, in points: the width of a digit of Arial 10
 * (0.556 em of 13.33 px). LibreOffice prints that; Excel rounds it down to 7 px.
 */
const POINTS_PER_CHARACTER = 0.556 * 10;
/** Widths are estimates: leave a little room so a table that should fit does. */
const SLACK = 1.02;
/** Portrait unless that would shrink the table below this scale. */
const PORTRAIT_SCALE = 90;

/** The printable width of A4 in points. */
function printableWidth(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4_POINTS.width : A4_POINTS.height) - 2 * 72 * MARGINS.side;
}

/** The printable height of A4 in points. */
export function printableHeight(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4_POINTS.height : A4_POINTS.width) - 2 * 72 * MARGINS.end;
}

/** The print layout of a table whose columns are `widths` characters wide. */
export function printLayout(widths: readonly number[], orientation?: Orientation): PrintLayout {
  const points = widths.reduce((sum, w) => sum + w, 0) * POINTS_PER_CHARACTER * SLACK;
  const fit = (o: Orientation) => Math.floor((printableWidth(o) / points) * 100);
  const chosen = orientation ?? (fit('portrait') >= PORTRAIT_SCALE ? 'portrait' : 'landscape');
  const scale = fit(chosen);
  if (scale >= 100) return { orientation: chosen, scale: 100, repeatFirstColumn: false };
  if (scale >= MIN_SCALE) return { orientation: chosen, scale, repeatFirstColumn: false };
  return { orientation: chosen, scale: 100, repeatFirstColumn: true };
}
