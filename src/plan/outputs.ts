// The catalogue x locales x items -> the concrete list of outputs to build,
// each with its path, title and subject already rendered.
import { normalize } from 'node:path';
import { ReportError } from '../errors.ts';
import type { ReportModel } from '../model/types.ts';
import { didYouMean } from '../validate/suggest.ts';
import type { Catalogue, CatalogueEntry } from './catalogue.ts';
import type { Edition } from './edition.ts';

export interface PlannedOutput<Plan = unknown> {
  /** Unique and stable: locale/entry id[/item id]. */
  key: string;
  locale: string;
  edition: Edition;
  entry: CatalogueEntry;
  /** What the entry's sink prepared for this edition (compiled templates, a checked declaration). */
  plan: Plan;
  item?: unknown;
  /** Relative to out/. */
  path: string;
  title: string;
  subject: string;
  keywords: string[];
}

/** An output a sink chose for an entry (Sink.items): the item its path is filled from, and the name ending its key. */
export interface SinkItem {
  item: unknown;
  name: string;
}

/** `plans`: each entry's sink plan, by `<locale>/<entry id>`; `listed`: the items a sink chose for an entry, by the same key. */
export function planOutputs(
  catalogue: Catalogue,
  editions: readonly Edition[],
  plans: ReadonlyMap<string, unknown>,
  listed: ReadonlyMap<string, readonly SinkItem[]> = new Map(),
): PlannedOutput[] {
  const planned: PlannedOutput[] = [];
  const byPath = new Map<string, string>();
  for (const edition of editions) {
    const { locale, model } = edition;
    for (const entry of catalogue.outputs) {
      const field = (name: 'path' | 'title' | 'subject' | 'keywords') => edition.templates.inline(entry[name] ?? '', entry.at[name]);
      const [path, title, subject, keywords] = [field('path'), field('title'), field('subject'), field('keywords')];
      const chosen = listed.get(`${locale}/${entry.id}`);
      const items = entry.each ? itemsOf(entry, model) : (chosen ?? [{ item: model, name: undefined }]);
      for (const { item, name } of items) {
        const context = item;
        const options = { data: { root: model } };
        const relative = normalize(`${locale}/${path(context, options)}`);
        const key = [locale, entry.id, name].filter(Boolean).join('/');
        if (relative.startsWith('..') || !relative.startsWith(`${locale}/`) || relative.endsWith('/')) {
          throw new ReportError('template', `output ${key} has the path "${relative}", outside out/${locale}/`, entry.at.path, 'keep paths relative, without ..');
        }
        const clash = byPath.get(relative);
        if (clash) throw new ReportError('template', `outputs ${clash} and ${key} would both write ${relative}`, entry.at.path, `put {{${entry.key ?? 'id'}}} in the path of outputs with \`each\``);
        byPath.set(relative, key);
        planned.push({
          key,
          locale,
          edition,
          entry,
          plan: plans.get(`${locale}/${entry.id}`),
          ...(entry.each || chosen ? { item } : {}),
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

/**
 * The items of an entry with `each`, each named by its key field: outputs
 * need an identity (a key, a preview link, a target for --only), so an item
 * without one, or two with the same, is an error at the catalogue entry.
 */
function itemsOf(entry: CatalogueEntry, model: ReportModel): { item: unknown; name: string }[] {
  const lists = Object.keys(model).filter((k) => Array.isArray((model as unknown as Record<string, unknown>)[k]));
  const list = (model as unknown as Record<string, unknown>)[entry.each!];
  if (!Array.isArray(list)) {
    throw new ReportError('template', `"${entry.each}" is not a list of the report model`, entry.at.each, didYouMean(entry.each, lists) ?? `lists: ${lists.join(', ')}`);
  }
  const field = entry.key ?? 'id';
  const seen = new Map<string, number>();
  return list.map((item: unknown, i) => {
    const value = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[field] : undefined;
    const name = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    const at = entry.key ? entry.at.key : entry.at.each;
    if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(name)) {
      const fields = item !== null && typeof item === 'object' ? Object.keys(item).filter((k) => typeof (item as Record<string, unknown>)[k] === 'string') : [];
      throw new ReportError(
        'template',
        `item ${i + 1} of ${entry.each} has no usable ${field} to name its output (got ${JSON.stringify(value) ?? 'nothing'})`,
        at,
        `give each item an id, or declare key: with a field that tells them apart${fields.length > 0 ? ` (fields: ${fields.join(', ')})` : ''}`,
      );
    }
    const before = seen.get(name);
    if (before !== undefined) throw new ReportError('template', `items ${before + 1} and ${i + 1} of ${entry.each} share the ${field} "${name}": their outputs would collide`, at, 'declare key: with a field that is unique per item');
    seen.set(name, i);
    return { item, name };
  });
}
