// The one locale layer: how numbers, money, shares and dates read, both as
// text (HTML, PDF) and as Excel number formats, so the two never disagree.

export interface Formatter {
  locale: string;
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

/** The catalogue names languages; formatting follows a region's conventions. */
const FORMAT_LOCALES: Record<string, string> = { en: 'en-GB', ru: 'ru-RU' };

export function createFormatter(locale: string, currency = 'EUR'): Formatter {
  const tag = FORMAT_LOCALES[locale] ?? locale;
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // Dates in the data are calendar dates: format them in UTC so TZ never shifts a day.
  const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const list = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  return {
    locale,
    tag,
    money: (eur) => money.format(eur),
    number: (n) => number.format(n),
    compact: (n) => compact.format(n),
    percent: (s) => percent.format(s),
    date: (iso) => date.format(new Date(`${iso}T00:00:00Z`)),
    list: (items) => list.format(items),
    excel: EXCEL_FORMATS[locale] ?? EXCEL_FORMATS.en!,
  };
}

// Excel stores formats in its own invariant syntax, tagged with the language's
// locale ID ([$-809] en-GB, [$-419] ru-RU; [$€-809] is the euro placed as in
// that locale) so that month names follow the workbook's language whatever the
// viewer's settings; LibreOffice also takes the separators from the tag. Excel
// 2016 and later read the formatCode16 form, which asks for the genitive
// month in Russian (31 декабря; LibreOffice chooses it by itself, and would
// read Excel's older genitive code [$-FC19] as English). A zero amount reads "—".
const EXCEL_FORMATS: Record<string, Formatter['excel']> = {
  en: {
    money: '[$€-809]#,##0;-[$€-809]#,##0;"—"',
    number: '[$-809]#,##0',
    percent: '[$-809]0.0%',
    date: '[$-809]d mmmm yyyy',
    compactMoney: '[$€-809]#,##0.0,,"M"',
  },
  ru: {
    money: '[$-419]#,##0 "€";-#,##0 "€";"—"',
    number: '[$-419]#,##0',
    percent: '[$-419]0.0%',
    date: '[$-419]d mmmm yyyy "г."',
    date16: '[$-ru-RU-x-genlower]d mmmm yyyy "г."',
    compactMoney: '[$-419]#,##0.0,," млн €"',
  },
};
