// The one locale layer: how numbers, money, shares and dates read, both as
// text (HTML, PDF) and as Excel number formats, so the two never disagree.
// Everything follows from a BCP 47 tag through Intl: a new language needs no
// code here.
import { excelLocaleId } from './excel-locales.ts';

export interface Formatter {
  /** The BCP 47 tag whose conventions the formats follow, e.g. en-GB. */
  tag: string;
  money(eur: number): string;
  number(n: number): string;
  /** Short forms for chart axes: "1.5M" in English, "1,5 млн" in Russian. */
  compact(n: number): string;
  percent(share: number): string;
  date(iso: string): string;
  list(items: readonly string[]): string;
  /** Excel number formats matching the text forms above; compactMoney for chart axes. */
  excel: {
    money: string;
    number: string;
    percent: string;
    date: string;
    compactMoney: string;
    /** The date format in Excel 2016's syntax (MS-XLSX formatCode16), where the classic code cannot ask for the genitive month. */
    date16?: string;
  };
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
    excel: excelFormats(tag, money, date),
  };
}

// Excel stores formats in its own invariant syntax, tagged with the language's
// locale ID ([$-809] en-GB, [$-419] ru-RU; [$€-809] is the euro placed as in
// that locale) so that month names follow the workbook's language whatever the
// viewer's settings; LibreOffice also takes the separators from the tag. Excel
// 2016 and later read the formatCode16 form, which asks for the genitive
// month where the language declines it (31 декабря; LibreOffice chooses it by
// itself, and would read Excel's older genitive code [$-FC19] as English). A
// zero amount reads "—". Where and how the currency and the date's words
// stand comes from Intl; a language without a known locale ID gets untagged
// formats, which follow the viewer's settings.
function excelFormats(tag: string, money: Intl.NumberFormat, date: Intl.DateTimeFormat): Formatter['excel'] {
  const id = excelLocaleId(tag);
  const prefix = id ? `[$-${id}]` : '';
  const parts = money.formatToParts(1234);
  const at = parts.findIndex((p) => p.type === 'currency');
  const symbol = parts[at]!.value;
  const before = at < parts.findIndex((p) => p.type === 'integer');
  // A space between the number and the currency only where the language puts one ("€ 1.234", "1 234 €", "1.234€").
  const gap = parts[before ? at + 1 : at - 1]?.type === 'literal' ? ' ' : '';
  const compactSuffix = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 })
    .formatToParts(1_500_000)
    .filter((p) => p.type === 'compact' || (p.type === 'literal' && p.value.trim() === ''))
    .map((p) => p.value)
    .join('');
  const sign = id ? `[$${symbol}-${id}]` : `"${symbol}"`;
  const dateCode = date
    .formatToParts(new Date(Date.UTC(2005, 11, 31)))
    .map((p) => (p.type === 'day' ? 'd' : p.type === 'month' ? 'mmmm' : p.type === 'year' ? 'yyyy' : quote(p.value)))
    .join('');
  const standalone = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2005, 11, 31)));
  const inDate = date.formatToParts(new Date(Date.UTC(2005, 11, 31))).find((p) => p.type === 'month')?.value;
  return {
    money: before ? `${sign}${gap}#,##0;-${sign}${gap}#,##0;"—"` : `${prefix}#,##0${gap}"${symbol}";-#,##0${gap}"${symbol}";"—"`,
    number: `${prefix}#,##0`,
    percent: `${prefix}0.0%`,
    date: `${prefix}${dateCode}`,
    compactMoney: before ? `${sign}#,##0.0,,${quote(compactSuffix)}` : `${prefix}#,##0.0,,${quote(`${compactSuffix} ${symbol}`)}`,
    ...(inDate !== standalone ? { date16: `[$-${tag}-x-genlower]${dateCode}` } : {}),
  };
}

/** Literal text in a format code: spaces may stand bare, anything else is quoted. */
function quote(text: string): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text.replace(/\u00a0|\u202f/g, ' ')) ?? [];
  return core === '' ? lead + trail : `${lead}"${core}"${trail}`;
}
