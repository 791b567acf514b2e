// The one locale layer: how numbers, money, shares and dates read, both as
// text (HTML, PDF) and as Excel number formats, so the two never disagree.
// Everything follows from a BCP 47 tag through Intl: a new language needs no
// code here.

export interface Formatter {
  /** The BCP 47 tag formats follow, e.g. en-GB. */
  tag: string;
  money(eur: number): string;
  number(n: number): string;
  /** Short forms for chart axes: "1.5M" in English, "1,5 млн" in Russian. */
  compact(n: number): string;
  percent(share: number): string;
  date(iso: string): string;
  list(items: readonly string[]): string;
  /** Excel number formats matching the text forms above. */
  excel: { money: string; number: string; percent: string; date: string };
}

export function createFormatter(tag: string, currency = 'EUR'): Formatter {
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // Dates in the data are calendar dates: format them in UTC so TZ never shifts a day.
  const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const list = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  return {
    tag,
    money: (eur) => money.format(eur),
    number: (n) => number.format(n),
    compact: (n) => compact.format(n),
    percent: (s) => percent.format(s),
    date: (iso) => date.format(new Date(`${iso}T00:00:00Z`)),
    list: (items) => list.format(items),
    excel: { money: excelMoney(money), number: '#,##0', percent: '0.0%', date: 'd mmmm yyyy' },
  };
}

/**
 * Excel stores formats in its own invariant syntax and the viewer's locale
 * decides the separators, so only the currency's place differs by language:
 * before the number ("€1,234") or after it ("1 234 €").
 */
function excelMoney(money: Intl.NumberFormat): string {
  const parts = money.formatToParts(1234);
  const at = parts.findIndex((p) => p.type === 'currency');
  const symbol = `"${parts[at]!.value}"`;
  const first = parts.findIndex((p) => p.type === 'integer');
  if (at < first) return `${symbol}${parts[at + 1]?.type === 'literal' ? ' ' : ''}#,##0`;
  return `#,##0${parts[at - 1]?.type === 'literal' ? ' ' : ''}${symbol}`;
}
