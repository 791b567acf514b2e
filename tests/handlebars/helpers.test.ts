// The helpers templates call, on their own: what each prints, with expected
// text written out by hand, and how each refuses a value it cannot format.
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { cssString, registerBriefHelpers } from '../../src/handlebars/helpers.ts';
import { createFormatter } from '../../src/i18n/format.ts';
import type { Messages } from '../../src/i18n/messages.ts';

/** A catalogue that shows what {{t}} hands it: the key and the values. */
const messages: Messages = {
  locale: 'en',
  language: { name: 'English', tag: 'en-GB' },
  keys: () => [],
  text: () => undefined,
  format: (key, values) => `${key}(${Object.keys(values).sort().map((k) => `${k}: ${String(values[k])}`).join(', ')})`,
};
const hb = Handlebars.create();
registerBriefHelpers(hb, createFormatter('en-GB'), messages);
const render = (source: string, data: object = {}) => hb.compile(source, { strict: true })(data);

describe('formatting helpers', () => {
  it.each([
    ['{{money n}}', { n: 1_776_888 }, '€1,776,888'],
    ['{{number n}}', { n: 8_442_362 }, '8,442,362'],
    ['{{percent n}}', { n: 3_129_653 / 8_442_362 }, '37.1%'],
    ['{{date d}}', { d: '2005-12-31' }, '31 December 2005'],
    ['{{year n}}', { n: 2006 }, '2006'],
    ['{{year d}}', { d: '2005-12-31' }, '2005'],
    ['{{list items}}', { items: ['Sweden', 'Finland', 'Norway'] }, 'Sweden, Finland and Norway'],
    ['{{list (pluck items "name")}}', { items: [{ name: 'Sweden' }, { name: 'Finland' }] }, 'Sweden and Finland'],
    ['{{concat "a" n "b"}}', { n: 1 }, 'a1b'],
    ['{{#if (eq a b)}}same{{else}}different{{/if}}', { a: 1, b: 1 }, 'same'],
    ['{{#if (eq a b)}}same{{else}}different{{/if}}', { a: 1, b: '1' }, 'different'],
    ['{{t "titles.project" acronym=a count=n}}', { a: 'RED', n: 2 }, 'titles.project(acronym: RED, count: 2)'],
    // What {{t}} returns is text, escaped like any other.
    ['{{t "titles.project" acronym=a}}', { a: '<b>RED</b>' }, 'titles.project(acronym: &lt;b&gt;RED&lt;/b&gt;)'],
    // A CSS string, not HTML: quotes and backslashes escaped for CSS, nothing for HTML.
    ['{{cssString s}}', { s: 'say "hi" & <b>' }, '"say \\22 hi\\22  & \\3c b\\3e "'],
    ['{{cssString n}}', { n: 2005 }, '"2005"'],
  ])('%s with %j prints %s', (source, data, expected) => {
    expect(render(source, data)).toBe(expected);
  });

  it.each([
    ['{{money n}}', {}, 'money needs a number, got a missing field - 1:0'],
    ['{{money n}}', { n: '1776888' }, 'money needs a number, got "1776888" - 1:0'],
    ['x {{number n}}', { n: Number.NaN }, 'number needs a number, got null - 1:2'],
    ['{{percent n}}', { n: Number.POSITIVE_INFINITY }, 'percent needs a number, got null - 1:0'],
    ['{{date d}}', { d: '31.12.2005' }, 'date needs an ISO date (YYYY-MM-DD), got "31.12.2005" - 1:0'],
    ['{{date d}}', { d: '2005-12-31T00:00:00Z' }, 'date needs an ISO date (YYYY-MM-DD), got "2005-12-31T00:00:00Z" - 1:0'],
    ['{{date d}}', { d: 'on 2005-12-31' }, 'date needs an ISO date (YYYY-MM-DD), got "on 2005-12-31" - 1:0'],
    ['{{date d}}', { d: 20051231 }, 'date needs an ISO date (YYYY-MM-DD), got 20051231 - 1:0'],
    ['{{date d}}', { d: ['2005-12-31'] }, 'date needs an ISO date (YYYY-MM-DD), got ["2005-12-31"] - 1:0'],
    ['{{year b}}', { b: true }, 'year needs a year or date, got true - 1:0'],
    ['{{list s}}', { s: 'Sweden' }, 'list needs a list, got "Sweden" - 1:0'],
    ['{{pluck s "name"}}', { s: { name: 'Sweden' } }, 'pluck needs a list, got {"name":"Sweden"} - 1:0'],
    ['\n  {{cssString s}}', { s: ['a'] }, 'cssString needs text, got ["a"] - 2:2'],
  ])('%j with %j fails: %s', (source, data, message) => {
    expect(() => render(source, data)).toThrow(new Error(message));
  });
});

describe('a helper called without a template position', () => {
  it('says what it needs, without one', () => {
    expect(() => hb.helpers.money!('1776888', { hash: {} })).toThrow(new Error('money needs a number, got "1776888"'));
  });
});

describe('cssString', () => {
  it.each([
    ['Leningrad Oblast', '"Leningrad Oblast"'],
    ['say "hi"', '"say \\22 hi\\22 "'],
    ['back\\slash', '"back\\5c slash"'],
    ['</style><h1>x</h1>', '"\\3c /style\\3e \\3c h1\\3e x\\3c /h1\\3e "'],
    ['a\nb\rc\fd', '"a\\a b\\d c\\c d"'],
    ['Ленинградская область', '"Ленинградская область"'],
  ])('writes %j as the CSS string %s', (text, css) => {
    expect(cssString(text)).toBe(css);
  });
});
