// Shared pieces of the static SVG charts: the house palette, escaping,
// rounding, text measurement and nice ticks. Charts are strings built in
// Node because the page that prints them runs no JavaScript.

import { ReportError } from '../../errors.ts';

export const COLORS = {
  navy: '#1f3a5f',
  gold: '#b08d57',
  text: '#2b2f36',
  muted: '#5f6670',
  grid: '#dfe2e6',
  axis: '#8f969f',
} as const;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe for text content and for double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

/** Rounds for output; -0 becomes 0 so equal inputs print equal strings. */
export function num(n: number, digits = 1): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return String(r === 0 ? 0 : r);
}

/** Chart ids prefix the ids inside the SVG, so they must be valid XML names. */
export function checkId(id: string): void {
  if (!/^[A-Za-z][\w-]*$/.test(id)) {
    throw new ReportError('render', `chart id ${JSON.stringify(id)} is not a valid id prefix`, undefined,
      'use letters, digits, "-" and "_", starting with a letter, unique on the page');
  }
}

export function checkFinite(what: string, n: number): void {
  if (!Number.isFinite(n)) {
    throw new ReportError('render', `${what} is ${String(n)}, not a finite number`);
  }
}

/**
 * Opens an accessible, self-contained SVG that scales to its column. The font
 * is inherited from the page so charts match the brief's typography. The
 * description is the accessible name: Chromium writes the name as the PDF
 * Figure's alternate text, which must say what the chart shows, figures
 * included; the title stays a short tooltip.
 */
export function svgOpen(o: { id: string; title: string; description: string; width: number; height: number }): string {
  const t = `${o.id}-title`;
  const d = `${o.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${d}" ` +
    `viewBox="0 0 ${num(o.width)} ${num(o.height)}" width="100%" font-family="inherit" ` +
    `style="display:block;max-width:100%;height:auto">` +
    `<title id="${t}">${escapeXml(o.title)}</title><desc id="${d}">${escapeXml(o.description)}</desc>`
  );
}

// Advance widths of PT Sans Regular (the house font) for ASCII 32..126, in
// hundredths of an em, read from the font's hmtx table. Charts cannot measure
// text at print time, so layout uses these; other characters count as 0.6 em.
const PT_SANS_WIDTHS = [
  27, 31, 34, 55, 55, 77, 81, 22, 28, 28, 35, 51, 23, 36, 21, 35, 55, 55, 55, 55, 55, 55, 55, 55, 55, 55, 22, 26,
  51, 51, 51, 44, 106, 59, 58, 57, 65, 54, 52, 61, 67, 29, 29, 61, 52, 79, 67, 68, 56, 68, 60, 53, 56, 65, 57, 83,
  62, 56, 55, 30, 38, 30, 50, 41, 28, 50, 54, 45, 54, 51, 32, 54, 55, 27, 27, 48, 29, 81, 55, 54, 54, 54, 34, 42,
  34, 54, 48, 74, 52, 47, 45, 35, 24, 35, 51,
];

/** Estimated width in user units; bold adds a margin instead of a second table. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    em += (PT_SANS_WIDTHS[code - 32] ?? 60) / 100;
  }
  return em * fontSize * (bold ? 1.05 : 1);
}

/**
 * Ticks at 1, 2 or 5 times a power of ten covering [min, max] in about
 * `count` steps (Heckbert's nice numbers). The first and last tick are the
 * nice domain. A degenerate range widens to [0, 1] or [0, value].
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = Math.min(min, max, 0);
  let hi = Math.max(min, max, 0);
  if (lo === hi) hi = 1;
  const raw = (hi - lo) / count;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  const step = factor * 10 ** power;
  // Decimal places of the step keep 0.1 * 3 from printing as 0.30000000000000004.
  const decimals = Math.max(0, -power);
  lo = Math.floor(lo / step);
  hi = Math.ceil(hi / step);
  const ticks: number[] = [];
  for (let i = lo; i <= hi; i++) ticks.push(Number((i * step).toFixed(decimals)) || 0);
  return ticks;
}

const MINUS = '\u2212';

/** 0, 500k, 1M, 1.5M, 2B: short enough for axis ticks. */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  const [div, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
  const text = `${Number((abs / div).toFixed(2))}${suffix}`;
  return n < 0 ? `${MINUS}${text}` : text;
}
