// The catalogue x locales x items -> the concrete list of outputs to build,
// each with its path, title and subject already rendered.
import { normalize } from 'node:path';
import { ReportError } from '../errors.ts';
import type { ReportModel } from '../model/types.ts';
import type { LocaleKit } from '../render/brief.ts';
import type { Catalogue, CatalogueEntry } from './catalogue.ts';

export interface PlannedOutput {
  /** Unique and stable: locale/entry id[/item id]. */
  key: string;
  locale: string;
  entry: CatalogueEntry;
  item?: unknown;
  /** Relative to out/. */
  path: string;
  title: string;
  subject: string;
  keywords: string[];
}

export function planOutputs(
  catalogue: Catalogue,
  locales: readonly string[],
  models: ReadonlyMap<string, ReportModel>,
  kits: ReadonlyMap<string, LocaleKit>,
): PlannedOutput[] {
  const planned: PlannedOutput[] = [];
  const byPath = new Map<string, string>();
  for (const locale of locales) {
    const kit = kits.get(locale)!;
    const model = models.get(locale)!;
    for (const entry of catalogue.outputs) {
      const field = (name: 'path' | 'title' | 'subject' | 'keywords') => kit.templates.inline(entry[name] ?? '', entry.at[name]);
      const [path, title, subject, keywords] = [field('path'), field('title'), field('subject'), field('keywords')];
      const items: { id?: string }[] = entry.each ? (model[entry.each] as { id: string }[]) : [{}];
      for (const item of items) {
        const context = entry.each ? item : model;
        const options = { data: { root: model } };
        const relative = normalize(`${locale}/${path(context, options)}`);
        const key = [locale, entry.id, item.id].filter(Boolean).join('/');
        if (relative.startsWith('..') || !relative.startsWith(`${locale}/`) || relative.endsWith('/')) {
          throw new ReportError('template', `output ${key} has the path "${relative}", outside out/${locale}/`, entry.at.path, 'keep paths relative, without ..');
        }
        const clash = byPath.get(relative);
        if (clash) throw new ReportError('template', `outputs ${clash} and ${key} would both write ${relative}`, entry.at.path, 'put {{id}} in the path of outputs with `each`');
        byPath.set(relative, key);
        planned.push({
          key,
          locale,
          entry,
          ...(entry.each ? { item } : {}),
          path: relative,
          title: entry.title ? title(context, options) : '',
          subject: entry.subject ? subject(context, options) : '',
          keywords: entry.keywords ? keywords(context, options).split(/\s*,\s*/).filter(Boolean) : [],
        });
      }
    }
  }
  return planned;
}
