// The publication of one edition as one HTML document: a cover, the contents,
// then the body of every brief of its parts in order, each on its own named
// page (so it starts a page and carries its own running header). Printed as
// one document, its page numbers run on, and its tags, links and fonts come
// out the way the single briefs' do. Chromium has no target-counter(), so the
// contents' page numbers are given by the caller (pdf/publication.ts prints
// once without them to learn where each brief starts).
import { ReportError } from '../errors.ts';
import type { TemplateFn } from '../handlebars/templates.ts';
import type { CatalogueEntry } from '../plan/catalogue.ts';
import type { Edition } from '../plan/edition.ts';
import { planOutputs, type PlannedOutput } from '../plan/outputs.ts';
import type { SinkEnv } from '../plan/sink.ts';
import { didYouMean } from '../validate/suggest.ts';
import { briefStyles, planBrief, renderBriefBody, type BriefPlan } from './brief.ts';
import type { Styles } from './styles.ts';

export interface PublicationPlan {
  layout: TemplateFn;
  styles: Styles;
  parts: PublicationPart[];
}

export interface PublicationPart {
  /** The part's heading (contents, bookmarks, running header); none: its briefs stand alone. */
  heading?: string;
  /** The id of the element holding its briefs. */
  anchor: string;
  briefs: PublicationBrief[];
}

export interface PublicationBrief {
  output: PlannedOutput<BriefPlan>;
  /** Its line in the contents and its bookmark. */
  line: string;
  /** The id it starts at: the target of its contents link and the name of its pages. */
  anchor: string;
}

/** The briefs of each part, their plans and contents lines, checked before anything renders. */
export async function planPublication(entry: CatalogueEntry, edition: Edition, env: SinkEnv): Promise<PublicationPlan> {
  const { catalogue } = env;
  const { templates, model } = edition;
  if (edition.messages.text(LINK) === undefined) {
    throw new ReportError('template', `${entry.id}: templates/i18n/${edition.locale}.yaml has no message ${LINK}`, entry.at.id, `add ${LINK}: "{title}, page {page}" in that language: what a contents link says to a screen reader`);
  }
  const briefEntries = catalogue.outputs.filter((e) => e.kind === 'pdf');
  const options = { data: { root: model } };
  const parts: PublicationPart[] = [];
  let count = 0;
  for (const part of entry.parts ?? []) {
    const source = catalogue.outputs.find((e) => e.id === part.output);
    if (source?.kind !== 'pdf') {
      const what = source ? `"${part.output}" is an output of kind ${source.kind}, not a brief` : `the catalogue has no output "${part.output}"`;
      const near = didYouMean(part.output, briefEntries.map((e) => e.id));
      throw new ReportError('template', `${entry.id}: ${what}`, part.at.output, near ?? `name a brief (kind: pdf): ${briefEntries.map((e) => e.id).join(', ')}`);
    }
    const plan = await planBrief(source, edition, env);
    const outputs = planOutputs({ ...catalogue, outputs: [source] }, [edition], new Map([[`${edition.locale}/${source.id}`, plan]])) as PlannedOutput<BriefPlan>[];
    const line = part.contents ? templates.inline(part.contents, part.at.contents) : undefined;
    const heading = part.heading ? templates.inline(part.heading, part.at.heading) : undefined;
    // A part without briefs (a list of the model left empty) has nothing to show.
    if (outputs.length === 0) continue;
    parts.push({
      ...(heading ? { heading: heading(model, options) } : {}),
      anchor: `part-${parts.length + 1}`,
      briefs: outputs.map((output) => ({ output, line: line ? line(output.item ?? model, options) : output.title, anchor: `brief-${++count}` })),
    });
  }
  return { layout: await templates.load(LAYOUT), styles: await briefStyles(env), parts };
}

/**
 * Renders the briefs' bodies once, and returns the document for given page
 * numbers: `pages` tells where each part and brief starts, by anchor (1-based);
 * without them the contents leave the numbers blank.
 */
export function renderPublication(output: PlannedOutput<PublicationPlan>): (pages?: ReadonlyMap<string, number>) => string {
  const { edition, plan } = output;
  const { templates, model } = edition;
  const bodies = plan.parts.map((part) => part.briefs.map(({ output: brief, anchor }) => templates.safe(renderBriefBody(brief, `${anchor}-`))));
  return (pages = new Map()) => {
    const page = (anchor: string) => pages.get(anchor) ?? '';
    const parts = plan.parts.map((part, i) => ({
      heading: part.heading,
      anchor: part.anchor,
      page: page(part.anchor),
      briefs: part.briefs.map(({ output: brief, line, anchor }, j) => ({
        line,
        anchor,
        page: page(anchor),
        kind: brief.entry.id,
        running: part.heading ?? brief.title,
        body: bodies[i]![j],
      })),
    }));
    return plan.layout({
      ...model,
      locale: edition.locale,
      styles: templates.safe(plan.styles.css),
      document: { title: output.title, subject: output.subject, kind: output.entry.id },
      parts,
    });
  };
}

/** What a contents link says where it leads, for assistive technology (PDF/UA). */
export function linkDescription(edition: Edition, title: string, page: number): string {
  return edition.messages.format(LINK, { title, page });
}

const LAYOUT = 'layouts/publication.hbs';
const LINK = 'publication.link';
