// The one locale layer: how numbers, money, shares and dates read, both as
// text (HTML, PDF) and as Excel number formats, so the two never disagree.

export interface Formatter {
  locale: string;
  money(eur: number): string;
  number(n: number): string;
  percent(share: number): string;
  date(iso: string): string;
  list(items: readonly string[]): string;
  /** Excel number formats matching the text forms above. */
  excel: { money: string; number: string; percent: string; date: string };
}

export function createFormatter(locale: string, currency = 'EUR'): Formatter {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // Dates in the data are calendar dates: format them in UTC so TZ never shifts a day.
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    locale,
    money: (eur) => money.format(eur),
    number: (n) => number.format(n),
    percent: (s) => percent.format(s),
    date: (iso) => date.format(new Date(`${iso}T00:00:00Z`)),
    list: (items) => list.format(items),
    excel: EXCEL_FORMATS[locale] ?? EXCEL_FORMATS.en!,
  };
}

// Excel stores formats in its own invariant syntax; the viewer's locale then
// decides separators, so one pattern per currency placement is enough.
const EXCEL_FORMATS: Record<string, Formatter['excel']> = {
  en: { money: '"€"#,##0', number: '#,##0', percent: '0.0%', date: 'd mmmm yyyy' },
  ru: { money: '#,##0 "€"', number: '#,##0', percent: '0.0%', date: 'd mmmm yyyy' },
};
