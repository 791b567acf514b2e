// The one locale layer: text forms and Excel number formats of money,
// numbers, shares, dates and lists, each expected value written out by hand
// from the language's conventions. Russian groups digits with no-break spaces.
// Each test makes its formatter: one made while the file loads would fail the
// file, not a test, which mutation testing cannot count.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFormatter, type Formatter } from '../../src/i18n/format.ts';

const NBSP = '\u00A0';

describe('English (en-GB)', () => {
  let en: Formatter;
  beforeEach(() => {
    en = createFormatter('en-GB');
  });

  it('writes money in whole euros, numbers grouped, shares to one decimal', () => {
    expect(en.tag).toBe('en-GB');
    expect(en.money(1_776_888)).toBe('€1,776,888');
    expect(en.money(0.6)).toBe('€1');
    expect(en.number(8_442_362)).toBe('8,442,362');
    expect(en.number(1234.5)).toBe('1,235');
    expect(en.percent(3_129_653 / 8_442_362)).toBe('37.1%');
    expect(en.percent(0.5)).toBe('50.0%');
    expect(en.compact(8_442_362)).toBe('8.4m');
    expect(en.compact(950)).toBe('950');
  });

  it('writes dates with the month in words, and lists with "and"', () => {
    expect(en.date('2005-12-31')).toBe('31 December 2005');
    expect(en.date('2006-01-01')).toBe('1 January 2006');
    expect(en.list(['Sweden'])).toBe('Sweden');
    expect(en.list(['Sweden', 'Finland', 'Norway'])).toBe('Sweden, Finland and Norway');
  });

  it('gives Excel the same forms as number formats', () => {
    // Tagged with the language's locale ID, so Excel shows months in it; "—" for a zero amount.
    expect(en.excel).toEqual({ money: '[$€-809]#,##0;-[$€-809]#,##0;"—"', number: '[$-809]#,##0', percent: '[$-809]0.0%', date: '[$-809]d mmmm yyyy', compactMoney: '[$€-809]#,##0.0,,"m"' });
  });
});

describe('Russian (ru-RU)', () => {
  it('writes the currency after the number, and its own words', () => {
    const ru = createFormatter('ru-RU');
    expect(ru.money(1_776_888)).toBe(`1${NBSP}776${NBSP}888${NBSP}€`);
    expect(ru.number(8_442_362)).toBe(`8${NBSP}442${NBSP}362`);
    expect(ru.percent(3_129_653 / 8_442_362)).toBe(`37,1${NBSP}%`);
    expect(ru.compact(1_500_000)).toBe(`1,5${NBSP}млн`);
    expect(ru.date('2005-12-31')).toBe('31 декабря 2005 г.');
    expect(ru.list(['a', 'b', 'c'])).toBe('a, b и c');
    expect(ru.excel.money).toBe('[$-419]#,##0 "€";-#,##0 "€";"—"');
    // Excel 2016's code asks for the genitive month: "31 декабря 2005 г.".
    expect(ru.excel.date16).toBe('[$-ru-RU-x-genlower]d mmmm yyyy "г."');
  });
});

describe('the currency in Excel formats', () => {
  it.each([
    ['en-US', 'USD', '[$$-409]#,##0;-[$$-409]#,##0;"—"'],
    ['de-DE', 'EUR', '[$-407]#,##0 "€";-#,##0 "€";"—"'],
    // Before the number with a space, and after it without one.
    ['nl-NL', 'EUR', '[$€-413] #,##0;-[$€-413] #,##0;"—"'],
    // No locale ID known for Khmer: the format is untagged and follows the viewer.
    ['km-KH', 'EUR', '#,##0"€";-#,##0"€";"—"'],
  ])('%s with %s: %s', (tag, currency, format) => {
    expect(createFormatter(tag, currency).excel.money).toBe(format);
  });
});

describe('dates in any time zone', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('are the calendar date of the data, also west of UTC', () => {
    // In a worker thread (npm run mutate) the stub has no effect; stryker.config.mjs runs those in this zone.
    vi.stubEnv('TZ', 'America/Los_Angeles');
    // The zone applies: midnight UTC is the evening before in Los Angeles.
    expect(new Date('2005-12-31T00:00:00Z').getDate()).toBe(30);
    expect(createFormatter('en-GB').date('2005-12-31')).toBe('31 December 2005');
  });
});
