// One brief as HTML: its Handlebars template applied to the model (and, for
// per-item outputs, the item), inside the layout, with the styles, document
// metadata and charts it uses. The build, the preview and the benchmark all
// render briefs through renderBrief.
import { ReportError } from '../errors.ts';
import type { TemplateFn } from '../handlebars/templates.ts';
import type { CatalogueEntry } from '../plan/catalogue.ts';
import type { Edition } from '../plan/edition.ts';
import type { PlannedOutput } from '../plan/outputs.ts';
import type { SinkEnv } from '../plan/sink.ts';
import { chartSet } from './charts/chart-set.ts';
import { hyphenateHtml } from './hyphenate.ts';
import { loadStyles, type Styles } from './styles.ts';

export interface BriefPlan {
  template: TemplateFn;
  layout: TemplateFn;
  styles: Styles;
}

/** Compiles the entry's template and the layout, and loads the catalogue's styles once per build. */
export async function planBrief(entry: CatalogueEntry, edition: Edition, env: SinkEnv): Promise<BriefPlan> {
  if (!entry.template) throw new ReportError('template', `output "${entry.id}" names no template`, entry.at.id, 'add template: briefs/<name>.hbs');
  const [template, layout, styles] = await Promise.all([
    edition.templates.load(entry.template, entry.at.template),
    edition.templates.load(LAYOUT),
    briefStyles(env),
  ]);
  return { template, layout, styles };
}

/** The catalogue's fonts and stylesheets, loaded once per build for every brief. */
export function briefStyles(env: SinkEnv): Promise<Styles> {
  return env.resources.get('html/styles', () => loadStyles(env.config.templatesDir, env.catalogue.styles.fonts, env.catalogue.styles.css));
}

/** Outputs rendered through HTML (whichever sink prints them): the preview shows these. */
export function isBrief(output: PlannedOutput): output is PlannedOutput<BriefPlan> {
  const plan = output.plan as Partial<BriefPlan> | undefined;
  return typeof plan?.template === 'function' && typeof plan.layout === 'function' && plan.styles !== undefined;
}

export function renderBrief(output: PlannedOutput<BriefPlan>): string {
  const root = briefRoot(output, '');
  return output.plan.layout({ ...root, body: output.edition.templates.safe(briefBody(output, root)) });
}

/**
 * The body of a brief without its layout, for a document that gathers several
 * (the publication); `idPrefix` keeps its chart ids apart from the others'.
 */
export function renderBriefBody(output: PlannedOutput<BriefPlan>, idPrefix: string): string {
  return briefBody(output, briefRoot(output, idPrefix));
}

function briefRoot(output: PlannedOutput<BriefPlan>, idPrefix: string) {
  const { edition, plan, item } = output;
  const { templates, model } = edition;
  return {
    ...model,
    locale: edition.locale,
    styles: templates.safe(plan.styles.css),
    document: { title: output.title, subject: output.subject, kind: output.entry.id },
    charts: chartSet(model, item, edition.formatter, edition.messages, (svg) => templates.safe(svg), idPrefix),
  };
}

// The body is rendered on its own, so an error inside it names the brief's file, not the layout's.
function briefBody(output: PlannedOutput<BriefPlan>, root: ReturnType<typeof briefRoot>): string {
  return hyphenateHtml(output.plan.template(output.item ?? root, { data: { root } }), output.edition.locale);
}

const LAYOUT = 'layouts/brief.hbs';
