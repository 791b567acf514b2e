// A workbook declaration in another language. The declaration is written once,
// in English; every sheet name, header, label, note and property is looked up
// under `workbook.<English text>` in the locale's message catalogue, and the
// formulas' {Sheet!Header} placeholders are renamed to match. Labels from the
// catalogue ({@group.key}, a column's labels) are looked up when written.
import { ReportError } from '../errors.ts';
import type { Messages } from './messages.ts';
import type { WorkbookDeclaration } from './workbook-declaration.ts';

export function translateDeclaration(declaration: WorkbookDeclaration, messages: Messages): WorkbookDeclaration {
  const missing: string[] = [];
  const t = (text: string): string => {
    const found = messages.text(`workbook.${text}`);
    if (found === undefined) missing.push(text);
    return found ?? text;
  };
  const opt = (text: string | undefined) => (text === undefined ? undefined : t(text));
  const sheetNames = new Set([declaration.summary.name, ...declaration.sheets.map((s) => s.name)]);
  // Placeholders name sheets and headers; both are renamed with the same messages.
  const formula = (f: string | undefined) =>
    f?.replace(/\{([^{}!]+!)?([^{}:]+)(:data|:total)?\}/g, (whole, sheet: string | undefined, header: string, part = '') =>
      (header === 'row' || header.startsWith('@')) && !sheet ? whole : `{${sheet ? `${t(sheet.slice(0, -1))}!` : ''}${t(header)}${part}}`,
    );

  const translated: WorkbookDeclaration = {
    ...declaration,
    properties: {
      title: t(declaration.properties.title),
      subject: t(declaration.properties.subject),
      creator: t(declaration.properties.creator),
      company: t(declaration.properties.company),
      keywords: declaration.properties.keywords.map(t),
    },
    footer: t(declaration.footer),
    summary: {
      ...declaration.summary,
      name: t(declaration.summary.name),
      headers: {
        figure: t(declaration.summary.headers.figure),
        value: t(declaration.summary.headers.value),
        sheet: t(declaration.summary.headers.sheet),
        note: t(declaration.summary.headers.note),
      },
      figures: declaration.summary.figures.map((f) => strip({ ...f, label: t(f.label), sheet: opt(f.sheet), note: opt(f.note), formula: formula(f.formula) })),
    },
    sheets: declaration.sheets.map((sheet) => strip({
      ...sheet,
      name: t(sheet.name),
      totalLabel: opt(sheet.totalLabel),
      // Rows written into the declaration (the Sources sheet) may name sheets too.
      rows: typeof sheet.rows === 'string' ? sheet.rows : sheet.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, sheetNames.has(v) ? t(v) : v]))),
      columns: sheet.columns.map((c) => strip({ ...c, header: t(c.header), note: opt(c.note), formula: formula(c.formula) })),
      chart: sheet.chart && {
        ...sheet.chart,
        title: t(sheet.chart.title),
        categories: t(sheet.chart.categories),
        values: sheet.chart.values.map(t),
        categoryAxis: t(sheet.chart.categoryAxis),
        valueAxis: t(sheet.chart.valueAxis),
      },
    })),
  };
  if (missing.length > 0) {
    throw new ReportError(
      'template',
      `the ${messages.locale} catalogue has no workbook text for "${missing[0]}"${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}`,
      { file: declaration.file, line: 1, column: 1 },
      `add it under workbook: in templates/i18n/${messages.locale}.yaml`,
    );
  }
  return translated;
}

/** Optional fields stay absent rather than present and undefined. */
function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
