// Soft hyphens in a brief's text, so a word that does not fit its column breaks
// at a syllable, with a hyphen, instead of anywhere or out of the page. Chromium
// has no hyphenation dictionaries of its own here, and where it has, they would
// make the output depend on the machine; TeX's patterns (the `hyphen` package)
// give the same breaks everywhere. Only text between tags changes: attributes,
// inline SVG, headings (whose text becomes the PDF outline) and acronyms are
// left alone, and so are tokens that look like URLs, addresses or codes, which
// the stylesheet lets break anywhere instead.
import { createRequire } from 'node:module';

// The patterns load on the first brief of their language: validate and a
// workbook-only build never render one, and importing both cost 30-70 ms.
const require = createRequire(import.meta.url);
const PATTERNS: Record<string, string> = { en: 'hyphen/patterns/en-gb.js', ru: 'hyphen/patterns/ru.js' };
const hyphenators = new Map<string, (word: string) => string>();

function hyphenatorFor(locale: string): ((word: string) => string) | undefined {
  const patterns = PATTERNS[locale];
  if (!patterns) return undefined;
  let hyphenate = hyphenators.get(locale);
  if (!hyphenate) {
    const createHyphenator = require('hyphen') as (patterns: unknown) => (word: string) => string;
    hyphenate = createHyphenator(require(patterns));
    hyphenators.set(locale, hyphenate);
  }
  return hyphenate;
}

/** Elements whose text is never hyphenated, with everything inside them. */
const KEEP = new Set(['svg', 'title', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const RAW_TEXT = new Set(['style', 'script']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const KEEP_CLASS = /\bclass="[^"]*\bacronym\b/;

/** Identifiers, URLs, e-mail addresses, numbers and codes: no soft hyphens. */
const NOT_A_WORD = /:\/\/|www\.|[@/\\_=]|\d/;

export function hyphenateHtml(html: string, locale: string): string {
  const hyphenate = hyphenatorFor(locale);
  if (!hyphenate) return html;
  const tag = /<!--[\s\S]*?-->|<\/?([a-zA-Z][\w-]*)[^>]*>/g;
  const keeping: boolean[] = [];
  const names: string[] = [];
  let out = '';
  let at = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const text = html.slice(at, match.index);
    out += keeping.at(-1) ? text : hyphenateText(text, hyphenate);
    const [whole, rawName] = match;
    const name = rawName?.toLowerCase();
    out += whole;
    at = tag.lastIndex;
    if (!name || VOID.has(name) || whole.endsWith('/>')) continue;
    if (whole.startsWith('</')) {
      const open = names.lastIndexOf(name);
      if (open >= 0) {
        names.length = open;
        keeping.length = open;
      }
    } else if (RAW_TEXT.has(name)) {
      // Style and script text is copied up to its end tag, whatever it holds.
      const end = html.toLowerCase().indexOf(`</${name}`, at);
      const stop = end < 0 ? html.length : end;
      out += html.slice(at, stop);
      at = tag.lastIndex = stop;
    } else {
      names.push(name);
      keeping.push(keeping.at(-1) === true || KEEP.has(name) || KEEP_CLASS.test(whole));
    }
  }
  const rest = html.slice(at);
  return out + (keeping.at(-1) ? rest : hyphenateText(rest, hyphenate));
}

/** Hyphenates the words of HTML text; character references pass unchanged. */
function hyphenateText(text: string, hyphenate: (word: string) => string): string {
  return text.replace(/[^\s]+/g, (token) => {
    if (NOT_A_WORD.test(decode(token))) return token;
    return token.replace(/&[^;\s]*;|([\p{L}\p{M}]+)/gu, (part, word: string | undefined) =>
      // Words in capitals are acronyms or names printed as such (INTERREG, SPRILO).
      word && word.length >= 5 && /\p{Ll}/u.test(word) ? hyphenate(word) : part,
    );
  });
}

/** Enough decoding to classify a token: Handlebars writes &amp; &lt; &gt; &quot; &#x27; &#x60; &#x3D;. */
function decode(token: string): string {
  return token.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot);/gi, (_, ref: string) => {
    if (ref.startsWith('#')) return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"' }[ref.toLowerCase()]!;
  });
}
