// How much room text takes in the workbook's font (Arial 10 pt, metrically
// the same as Liberation Sans and Nimbus Sans), for row heights that fit
// wrapped text: neither Excel nor LibreOffice fits heights when it opens a file.
// Measured as Excel draws it on a 96 dpi screen: 13 pixels to the em, each
// character a whole number of pixels (so a digit is 7 pixels, Excel's unit of
// column width). LibreOffice draws text and columns 3-6 % wider, alike.

/** Advance widths in 1/1000 em of Arial, regular and bold: ASCII 32-126, then Cyrillic А-я. */
const ASCII = {
  regular: [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
  ],
  bold: [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  ],
};
const CYRILLIC = {
  regular: [
    667, 656, 667, 542, 677, 667, 923, 604, 719, 719, 583, 656, 833, 722, 778, 719, 667, 722, 611, 635, 760, 667, 740, 667, 917, 938, 792, 885, 656, 719, 1010, 722,
    556, 573, 531, 365, 583, 556, 669, 458, 559, 559, 438, 583, 688, 552, 556, 542, 556, 500, 458, 500, 823, 500, 573, 521, 802, 823, 625, 719, 521, 510, 750, 542,
  ],
  bold: [
    722, 719, 722, 567, 712, 667, 904, 626, 719, 719, 610, 702, 833, 722, 778, 719, 667, 722, 611, 622, 854, 667, 730, 703, 1005, 1019, 870, 979, 719, 711, 1031, 719,
    556, 618, 615, 417, 635, 556, 709, 497, 615, 615, 500, 635, 740, 604, 611, 604, 611, 556, 490, 556, 875, 556, 615, 581, 833, 844, 729, 854, 615, 552, 854, 583,
  ],
};
const OTHER: Record<string, number> = { 'Ё': 667, 'ё': 556, '–': 556, '—': 1000, '«': 556, '»': 556, '“': 333, '”': 333, '’': 222, '…': 1000, '€': 556, '№': 1073, '\u00A0': 278 };
/** East Asian and other wide characters take a full em. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

const PIXELS_PER_EM = 13;
/** The cell's own margins, left and right, in pixels (ECMA-376 18.3.1.13). */
const CELL_PADDING = 5;

export interface Font {
  bold?: boolean | undefined;
}

/** Each character's whole pixels, by code point, as met: a sheet measures the same few again and again. */
const PIXELS = { regular: new Map<number, number>(), bold: new Map<number, number>() };

/** The width of a line of text in pixels at 96 dpi. */
export function textPixels(text: string, font: Font = {}): number {
  const style = font.bold ? 'bold' : 'regular';
  const known = PIXELS[style];
  let pixels = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    let width = known.get(code);
    if (width === undefined) {
      width = Math.round((charWidth(String.fromCodePoint(code), style) * PIXELS_PER_EM) / 1000);
      known.set(code, width);
    }
    pixels += width;
  }
  return pixels;
}

function charWidth(char: string, style: 'regular' | 'bold'): number {
  const code = char.codePointAt(0)!;
  if (code >= 32 && code <= 126) return ASCII[style][code - 32]!;
  if (code >= 0x410 && code <= 0x44f) return CYRILLIC[style][code - 0x410]!;
  if (OTHER[char] !== undefined) return OTHER[char]!;
  if (WIDE.test(char)) return 1000;
  // Accented Latin letters are as wide as their base letter.
  const base = char.normalize('NFD').charAt(0);
  return base !== char && base.charCodeAt(0) >= 32 && base.charCodeAt(0) <= 126 ? ASCII[style][base.charCodeAt(0) - 32]! : 556;
}

/** The pixels of a column `width` characters wide (ECMA-376 18.3.1.13, with Arial's 7-pixel digit). */
export function columnPixels(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
}

/** The lines `text` takes wrapped in a column `width` characters wide: breaks at spaces and after hyphens. */
export function lineCount(text: string, width: number, font: Font = {}): number {
  const room = columnPixels(width) - CELL_PADDING;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of words(paragraph)) {
      const size = textPixels(word, font);
      const bare = word.trimEnd();
      const fits = used + (bare === word ? size : textPixels(bare, font)) <= room;
      if (used > 0 && !fits) {
        lines += 1;
        used = 0;
      }
      // A word longer than the line runs on over the next lines.
      if (size > room) {
        lines += Math.ceil(size / room) - 1;
        used = size % room;
      } else used += size;
    }
  }
  return lines;
}

/** The text split after each space and hyphen, as paragraph.split(/(?<=[ -])/) would. */
function words(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < paragraph.length - 1; i++) {
    const c = paragraph.charCodeAt(i);
    if (c === 32 || c === 45) {
      out.push(paragraph.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(paragraph.slice(start));
  return out;
}

/** The widest line of `text`, in characters of the column width unit (a digit and its share of padding). */
export function fittedWidth(text: string, font: Font = {}): number {
  const widest = Math.max(0, ...text.split('\n').map((line) => textPixels(line, font)));
  return Math.ceil((widest + CELL_PADDING) / 7);
}
