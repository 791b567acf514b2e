// A workbook declaration in another language. The declaration is written once,
// in the data's language (English); for any other language every sheet name, header, label, note and property is looked up
// under `workbook.<English text>` in the locale's message catalogue, and the
// formulas' {Sheet!Header} placeholders are renamed to match; labels from the
// catalogue ({@group.key}, a column's labels) are looked up when written. A text without
// its translation is an error at the place in the declaration that needs it.
import { ReportError, ReportErrors, type Position, type Sources } from '../errors.ts';
import type { Messages } from '../i18n/messages.ts';
import { renameFormula, type WorkbookDeclaration } from './declaration.ts';

/** `written`: the language the declaration is written in. `at` and `sources` locate its parts, for errors. */
export function translateDeclaration(declaration: WorkbookDeclaration, messages: Messages, at: (pointer: string) => Position, sources: Sources, written: string): WorkbookDeclaration {
  if (messages.locale === written) return declaration;
  const missing = new Map<string, string>();
  const t = (text: string, pointer: string): string => {
    const found = messages.text(`workbook.${text}`);
    if (found === undefined && !missing.has(text)) missing.set(text, pointer);
    return found ?? text;
  };
  const opt = (text: string | undefined, pointer: string) => (text === undefined ? undefined : t(text, pointer));
  const sheetNames = new Set([declaration.summary.name, ...declaration.sheets.map((s) => s.name)]);
  // Placeholders name sheets and headers; both are renamed with the same messages.
  const formula = (f: string | undefined, pointer: string) =>
    f === undefined ? undefined : renameFormula(f, (ref) => ({ ...ref, ...(ref.sheet === undefined ? {} : { sheet: t(ref.sheet, pointer) }), header: t(ref.header, pointer) }));
  const { properties, summary } = declaration;

  const translated: WorkbookDeclaration = {
    ...declaration,
    properties: {
      title: t(properties.title, '/properties/title'),
      subject: t(properties.subject, '/properties/subject'),
      creator: t(properties.creator, '/properties/creator'),
      company: t(properties.company, '/properties/company'),
      keywords: properties.keywords.map((k, i) => t(k, `/properties/keywords/${i}`)),
    },
    footer: t(declaration.footer, '/footer'),
    summary: {
      ...summary,
      name: t(summary.name, '/summary/name'),
      headers: {
        figure: t(summary.headers.figure, '/summary/headers/figure'),
        value: t(summary.headers.value, '/summary/headers/value'),
        sheet: t(summary.headers.sheet, '/summary/headers/sheet'),
        note: t(summary.headers.note, '/summary/headers/note'),
      },
      figures: summary.figures.map((f, i) => {
        const p = `/summary/figures/${i}`;
        return strip({ ...f, label: t(f.label, `${p}/label`), sheet: opt(f.sheet, `${p}/sheet`), note: opt(f.note, `${p}/note`), formula: formula(f.formula, `${p}/formula`) });
      }),
    },
    sheets: declaration.sheets.map((sheet, i) => {
      const p = `/sheets/${i}`;
      return strip({
        ...sheet,
        name: t(sheet.name, `${p}/name`),
        totalLabel: opt(sheet.totalLabel, `${p}/totalLabel`),
        // Rows written into the declaration (the Sources sheet) may name sheets too.
        rows:
          typeof sheet.rows === 'string'
            ? sheet.rows
            : sheet.rows.map((r, j) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, sheetNames.has(v) ? t(v, `${p}/rows/${j}/${k}`) : v]))),
        columns: sheet.columns.map((c, j) => {
          const q = `${p}/columns/${j}`;
          return strip({ ...c, header: t(c.header, `${q}/header`), note: opt(c.note, `${q}/note`), formula: formula(c.formula, `${q}/formula`) });
        }),
        chart: sheet.chart && {
          ...sheet.chart,
          title: t(sheet.chart.title, `${p}/chart/title`),
          categories: t(sheet.chart.categories, `${p}/chart/categories`),
          values: sheet.chart.values.map((v, j) => t(v, `${p}/chart/values/${j}`)),
          categoryAxis: t(sheet.chart.categoryAxis, `${p}/chart/categoryAxis`),
          valueAxis: t(sheet.chart.valueAxis, `${p}/chart/valueAxis`),
        },
      });
    }),
  };
  if (missing.size > 0) {
    throw new ReportErrors(
      [...missing].map(
        ([text, pointer]) =>
          new ReportError('translation', `the ${messages.locale} catalogue has no workbook text for "${text}"`, at(pointer), `add "${text}": <translation> under workbook: in templates/i18n/${messages.locale}.yaml`),
      ),
      sources,
    );
  }
  return translated;
}

/** Optional fields stay absent rather than present and undefined. */
function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
