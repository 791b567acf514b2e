// Text measured character by character and wrapped word by word: the fast
// paths (widths remembered per character, words split without a regular
// expression) give what the plain definitions give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineCount, textPixels, columnPixels, type Font } from '../../src/xlsx/text-metrics.ts';

const SEED = 1_136_073_600;

/** lineCount as first written: the split by a regular expression, each word's trailing white space measured apart. */
function referenceLines(text: string, width: number, font: Font): number {
  const room = columnPixels(width) - 5;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(/(?<=[ -])/)) {
      const size = textPixels(word, font);
      const fits = used + textPixels(word.trimEnd(), font) <= room;
      if (used > 0 && !fits) {
        lines += 1;
        used = 0;
      }
      if (size > room) {
        lines += Math.ceil(size / room) - 1;
        used = size % room;
      } else used += size;
    }
  }
  return lines;
}

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'W', ' ', '-', '\n', '\u00A0', '\t', 'Ж', 'é', '€', '漢', '😀', '\uD800'), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const font = fc.constantFrom<Font>({}, { bold: true });

describe('text metrics', () => {
  it('measure a text as the sum of its characters', () => {
    fc.assert(
      fc.property(text, font, (t, f) => {
        expect(textPixels(t, f)).toBe([...t].reduce((sum, c) => sum + textPixels(c, f), 0));
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it('wrap text into as many lines as the plain definition', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 30 }), font, (t, width, f) => {
        expect(lineCount(t, width, f)).toBe(referenceLines(t, width, f));
      }),
      { seed: SEED, numRuns: 5_000 },
    );
  });
});
