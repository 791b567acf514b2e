// One brief: its Handlebars template applied to the model (and, for per-item
// outputs, the item), with the styles, document metadata and charts it uses.
import { hyphenateHtml } from '../html/hyphenate.ts';
import type { ReportModel } from '../model/types.ts';
import type { CatalogueEntry } from '../plan/catalogue.ts';
import { chartSet } from './brief-charts.ts';
import type { Formatter } from './format.ts';
import type { Templates } from './html.ts';
import type { Messages } from './messages.ts';

export interface BriefDocument {
  title: string;
  subject: string;
  kind: string;
}

export interface LocaleKit {
  formatter: Formatter;
  messages: Messages;
  templates: Templates;
  /** All CSS of a brief; the fonts it names are served by the PDF printer. */
  styles: string;
}

export async function renderBriefHtml(
  entry: CatalogueEntry,
  model: ReportModel,
  item: unknown,
  document: BriefDocument,
  kit: LocaleKit,
): Promise<string> {
  const [template, layout] = await Promise.all([kit.templates.load(entry.template!), kit.templates.load(LAYOUT)]);
  const root = {
    ...model,
    locale: kit.messages.locale,
    styles: kit.templates.safe(kit.styles),
    document,
    charts: chartSet(model, item, kit.formatter, kit.messages, (svg) => kit.templates.safe(svg)),
  };
  // The body is rendered on its own, so an error inside it names the brief's file, not the layout's.
  const body = kit.templates.safe(hyphenateHtml(template(item ?? root, { data: { root } }), kit.messages.locale));
  return layout({ ...root, body });
}

const LAYOUT = 'layouts/brief.hbs';
