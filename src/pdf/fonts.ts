// Which fonts a printed PDF embeds. Chromium silently takes a system font for
// any character the page's fonts lack; the build refuses such a PDF, so every
// brief looks the same on every machine and carries only the bundled fonts.
import { ReportError } from '../errors.ts';

/** PostScript names of the embedded fonts, without the subset prefix ("ABCDEF+"). */
export function embeddedFonts(pdf: Uint8Array): string[] {
  // Chromium writes font dictionaries as plain objects, never inside compressed streams.
  const text = Buffer.from(pdf).toString('latin1');
  return [...new Set([...text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)].map((m) => m[1]!))];
}

/** `families` are CSS family names ("PT Serif"); a PostScript name starts with the name less its spaces. */
export function checkFonts(pdf: Uint8Array, families: readonly string[], output: string): void {
  const allowed = families.map((f) => f.replace(/\s+/g, ''));
  const foreign = embeddedFonts(pdf).filter((font) => !allowed.some((prefix) => font.startsWith(prefix)));
  if (foreign.length === 0) return;
  throw new ReportError(
    'render',
    `${output}: some characters are in none of the bundled fonts, and the browser fell back to ${foreign.join(', ')}`,
    undefined,
    `the bundled fonts cover ${families.join(', ')}; add a @fontsource font with the missing characters to templates/catalogue.yaml`,
  );
}
