import { describe, expect, it } from 'vitest';
import { horizontalBarChart, wrap, type Bar } from '../../src/html/charts/bar-chart.ts';
import { partnerMap, type PartnerMapInput } from '../../src/html/charts/partner-map.ts';
import { compactNumber, escapeXml, niceTicks, textWidth } from '../../src/html/charts/svg.ts';

const HOSTILE = `<script>alert("x")</script> & 'Tom's' <b>`;

/** Tags balance and no raw `<`, `>` or `&` sits in text or attributes: enough to catch broken escaping. */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith('<svg ')).toBe(true);
  expect(svg.endsWith('</svg>')).toBe(true);
  const stack: string[] = [];
  let rest = svg;
  while (rest.length > 0) {
    const tag = /^<(\/?)([a-zA-Z]+)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/.exec(rest);
    if (tag) {
      const [all, closing, name = '', , selfClosing] = tag;
      if (closing) expect(stack.pop()).toBe(name);
      else if (!selfClosing) stack.push(name);
      rest = rest.slice(all.length);
    } else {
      const text = /^[^<]+/.exec(rest)?.[0];
      expect(text, `unparsable markup at: ${rest.slice(0, 60)}`).toBeDefined();
      expect(text).not.toMatch(/>|&(?!(amp|lt|gt|quot|#39);)/);
      rest = rest.slice(text?.length ?? rest.length);
    }
  }
  expect(stack).toEqual([]);
  expect(svg).not.toMatch(/NaN|undefined|Infinity|null/);
  expect(svg).not.toMatch(/<script|href|url\(|<image|<foreignObject/i);
}

function expectAccessible(svg: string, id: string, title: string): void {
  expect(svg).toContain('role="img"');
  expect(svg).toContain(`aria-labelledby="${id}-desc"`);
  expect(svg).toContain(`<title id="${id}-title">${escapeXml(title)}</title>`);
  expect(svg).toMatch(new RegExp(`<desc id="${id}-desc">`));
  expect(svg).toMatch(/viewBox="0 0 [\d.]+ [\d.]+"/);
  expect(svg).toContain('width="100%"');
}

const ids = (svg: string) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);

const budgets: Bar[] = [
  ['A.S.A.P.', 1776888],
  ['RED', 790336],
  ['InterBaltic', 3129653],
  ['MARITOUR', 1889792],
  ['BEN-EAST', 508693],
  ['Business Matryoshka', 347000],
].map(([label, value]) => ({ label: String(label), value: Number(value), valueLabel: `€${Number(value).toLocaleString('en-GB')}` }));

const bars = (list: Bar[], extra: Partial<Parameters<typeof horizontalBarChart>[0]> = {}) =>
  horizontalBarChart({ id: 'budgets', title: 'Project budgets', description: 'Budget per project in euros', bars: list, ...extra });

describe('niceTicks', () => {
  it.each([
    [0, 3129653, [0, 500000, 1000000, 1500000, 2000000, 2500000, 3000000, 3500000]],
    [0, 100, [0, 20, 40, 60, 80, 100]],
    [-40, 120, [-50, 0, 50, 100, 150]],
    [0, 0.3, [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]],
    [0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [7, 7, [0, 1, 2, 3, 4, 5, 6, 7]],
  ])('covers [%d, %d] with 1-2-5 steps', (min, max, expected) => {
    expect(niceTicks(min, max)).toEqual(expected);
  });
});

describe('compactNumber', () => {
  it.each([
    [0, '0'],
    [500000, '500k'],
    [1500000, '1.5M'],
    [3000000, '3M'],
    [2e9, '2B'],
    [0.25, '0.25'],
    [-2000000, '\u22122M'],
  ])('%d -> %s', (n, text) => expect(compactNumber(n)).toBe(text));
});

describe('wrap', () => {
  it('keeps short labels on one line', () => {
    expect(wrap('RED', 170, 11)).toEqual(['RED']);
  });

  it('wraps to two lines and ends what does not fit with an ellipsis', () => {
    const lines = wrap('A very long project name that certainly needs wrapping onto two lines and more', 170, 11);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('\u2026')).toBe(true);
    for (const line of lines) expect(textWidth(line, 11)).toBeLessThanOrEqual(170);
  });

  it('truncates a single word wider than the column', () => {
    const [line = ''] = wrap('Supercalifragilisticexpialidocious-Hyphenated-Name', 100, 11);
    expect(line.endsWith('\u2026')).toBe(true);
    expect(textWidth(line, 11)).toBeLessThanOrEqual(100);
  });
});

describe('horizontalBarChart', () => {
  it('draws one bar and one value label per row, in the given order', () => {
    const svg = bars(budgets);
    expectWellFormed(svg);
    expectAccessible(svg, 'budgets', 'Project budgets');
    expect(svg.match(/<rect /g)).toHaveLength(budgets.length);
    const order = budgets.map((b) => svg.indexOf(`>${b.valueLabel}<`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
    expect(svg).toContain('>3.5M<');
  });

  it('paints highlighted bars gold and puts a label that would overflow inside its bar', () => {
    const svg = bars(budgets.map((b) => ({ ...b, highlight: b.label === 'InterBaltic' })));
    expect(svg.match(/fill="#b08d57"/g)).toHaveLength(1);
    expect(svg).toMatch(/text-anchor="end" fill="[^"]+">€3,129,653</);
  });

  it('escapes hostile labels, value labels and titles', () => {
    const svg = horizontalBarChart({
      id: 'hostile',
      title: HOSTILE,
      description: HOSTILE,
      bars: [{ label: HOSTILE, value: 1, valueLabel: HOSTILE }],
      tickFormat: () => HOSTILE,
    });
    expectWellFormed(svg);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Tom&#39;s&#39;');
  });

  it.each<[string, Bar[]]>([
    ['no bars', []],
    ['a single bar', [{ label: 'Only', value: 5, valueLabel: '5' }]],
    ['all zero', [{ label: 'A', value: 0, valueLabel: '0' }, { label: 'B', value: 0, valueLabel: '0' }]],
    ['all equal', [{ label: 'A', value: 3, valueLabel: '3' }, { label: 'B', value: 3, valueLabel: '3' }]],
    ['negative values', [{ label: 'Up', value: 120, valueLabel: '120' }, { label: 'Down', value: -40, valueLabel: '−40' }]],
    ['only negative values', [{ label: 'Down', value: -4, valueLabel: '−4' }]],
  ])('renders %s without NaN', (_, list) => {
    expectWellFormed(bars(list));
  });

  it('uses the tick format it is given', () => {
    expect(bars(budgets, { tickFormat: (n) => `${n / 1e6} mln` })).toContain('>3.5 mln<');
  });

  it('is deterministic and keeps coordinates short', () => {
    expect(bars(budgets)).toBe(bars(budgets));
    expect(bars(budgets)).not.toMatch(/(?<![\w-])(?:x|y|x1|y1|x2|y2|width)="-?\d+\.\d{2,}"/);
  });

  it('rejects ids that cannot prefix element ids, and values that are not numbers', () => {
    expect(() => horizontalBarChart({ id: 'a b', title: '', description: '', bars: [] })).toThrow(/id prefix/);
    expect(() => bars([{ label: 'x', value: Number.NaN, valueLabel: '' }])).toThrow(/finite/);
  });
});

const names: Record<string, string> = {
  SE: 'Sweden', CZ: 'Czechia', PL: 'Poland', BE: 'Belgium', NO: 'Norway', DE: 'Germany', DK: 'Denmark',
  FI: 'Finland', US: 'United States', IT: 'Italy', CN: 'China', KR: 'South Korea', JP: 'Japan',
};
const sample: PartnerMapInput = {
  id: 'partners',
  title: 'Partner regions by country',
  description: 'Partner regions in ten countries; planned partners in China, South Korea and Japan',
  countries: Object.entries(names).map(([code, label]) => ({ code, label, count: code === 'SE' ? 2 : 1 })),
  home: { label: 'Leningrad Oblast', lon: 30.5, lat: 59.8 },
};
const inFrame = ['SE', 'CZ', 'PL', 'BE', 'NO', 'DE', 'DK', 'FI', 'IT'];

describe('partnerMap', () => {
  const svg = partnerMap(sample);

  it('is well formed, accessible, deterministic and under 300 KB', () => {
    expectWellFormed(svg);
    expectAccessible(svg, 'partners', sample.title);
    expect(partnerMap(sample)).toBe(svg);
    expect(Buffer.byteLength(svg)).toBeLessThan(300_000);
  });

  it('shades the partner countries inside the frame, darker for more partners', () => {
    const shaded = [...svg.matchAll(/data-country="(\w+)"[^>]*fill="([^"]+)"/g)];
    expect(shaded.map((m) => m[1]).sort()).toEqual([...inFrame].sort());
    const fill = (code: string) => shaded.find((m) => m[1] === code)?.[2];
    expect(fill('SE')).toBe('#1f3a5f');
    expect(fill('DE')).not.toBe(fill('SE'));
  });

  it('lists partners beyond the frame in the inset, with their counts', () => {
    expect(svg).toContain('>Beyond the map<');
    for (const code of ['US', 'CN', 'KR', 'JP']) expect(svg).toContain(`>${names[code]}</text>`);
    for (const code of inFrame) expect(svg).not.toContain(`>${names[code]}</text>`);
  });

  it('marks the home region in gold with its label, inside the frame', () => {
    const marker = /<circle cx="([\d.]+)" cy="([\d.]+)" r="4.5" fill="#b08d57"/.exec(svg);
    const [, w = '0', h = '0'] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? [];
    expect(Number(marker?.[1])).toBeGreaterThan(Number(w) / 2);
    expect(Number(marker?.[2])).toBeLessThan(Number(h) / 2);
    expect(svg).toContain('>Leningrad Oblast</text>');
  });

  it('shades a partner mostly beyond the frame and lists it as well', () => {
    const edge = partnerMap({ ...sample, id: 'edge', countries: [{ code: 'SA', count: 1, label: 'Saudi Arabia' }] });
    expect(edge).toContain('data-country="SA"');
    expect(edge).toContain('>Saudi Arabia</text>');
  });

  it('handles codes world-atlas lacks or names only, lower case, and counts of zero', () => {
    const odd = partnerMap({
      ...sample,
      id: 'odd',
      countries: [
        { code: 'xk', count: 1, label: 'Kosovo' },
        { code: 'ZZ', count: 3, label: 'Atlantis' },
        { code: 'FR', count: 0, label: 'France' },
      ],
    });
    expectWellFormed(odd);
    expect(odd).toContain('data-country="XK"');
    expect(odd).toContain('>Atlantis</text>');
    expect(odd).not.toContain('France');
  });

  it('escapes hostile labels and refuses a country listed twice', () => {
    const hostile = partnerMap({
      ...sample,
      id: 'hostile-map',
      countries: [{ code: 'US', count: 1, label: HOSTILE }],
      home: { label: HOSTILE, lon: 30.5, lat: 59.8 },
      text: { legend: HOSTILE, home: HOSTILE, beyond: HOSTILE },
    });
    expectWellFormed(hostile);
    expect(hostile).not.toContain('<script');
    expect(() => partnerMap({ ...sample, countries: [...sample.countries, { code: 'se', count: 1, label: 'x' }] })).toThrow(/twice/);
  });

  it('keeps ids unique when several charts share a page', () => {
    const all = [svg, bars(budgets), partnerMap({ ...sample, id: 'partners-2' })].flatMap(ids);
    expect(new Set(all).size).toBe(all.length);
  });
});
