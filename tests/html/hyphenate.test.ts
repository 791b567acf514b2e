// Soft hyphens go into words of the text and nowhere else.
import { describe, expect, it } from 'vitest';
import { hyphenateHtml } from '../../src/html/hyphenate.ts';

const shown = (html: string, locale = 'en') => hyphenateHtml(html, locale).replace(/\u00AD/g, '|');

describe('hyphenateHtml', () => {
  it('hyphenates English and Russian words of table cells', () => {
    expect(shown('<td>Ludwigslust District (Netherlands)</td>')).toBe('<td>Lud|wigslust Dis|trict (Neth|er|lands)</td>');
    expect(shown('<td>Клайпедский научно-технологический парк</td>', 'ru')).toBe('<td>Клай|пед|ский на|уч|но-тех|но|ло|ги|че|ский парк</td>');
  });

  it('leaves attributes, headings, SVG, styles and acronyms alone', () => {
    const html = '<div title="Development"><h2>Development</h2><svg><text>Development</text></svg><style>.development{}</style><span class="acronym">Matryoshka</span></div>';
    expect(shown(html)).toBe(html);
  });

  it('leaves URLs, addresses, codes, words in capitals and character references alone', () => {
    const html = '<p>file:///etc/passwd www.example.invalid name@example.invalid INTERREG programme&#x27;s R2D2robot &amp;</p>';
    expect(shown(html)).toBe('<p>file:///etc/passwd www.example.invalid name@example.invalid INTERREG pro|gramme&#x27;s R2D2robot &amp;</p>');
  });

  it('hyphenates nothing in a language it has no patterns for', () => {
    expect(shown('<td>Entwicklungszusammenarbeit</td>', 'de')).toBe('<td>Entwicklungszusammenarbeit</td>');
  });
});
