// The publication sink: all briefs of a language in one PDF, printed from one
// HTML document (html/publication.ts) by the same browser as the briefs, so
// its structure tree, links, fonts and artifacts are made the way theirs are.
// Chromium cannot print the page a link leads to (no target-counter()), so the
// document is printed once with the contents' numbers blank (a draft,
// untagged and without outline, which Chromium prints faster), the pages where
// the briefs start are read from the named destinations of its links (without
// loading the document: destinations.ts), and it is printed again with them;
// the numbers sit in fixed-width boxes, so filling them in moves nothing.
// Then the outline is nested (outline.ts) and the links described (links.ts)
// before the metadata and standards of every brief.
import { ReportError } from '../errors.ts';
import { linkDescription, planPublication, renderPublication, type PublicationPlan } from '../html/publication.ts';
import type { Sink } from '../plan/sink.ts';
import { checkFonts } from './fonts.ts';
import type { PdfMetadata } from './metadata.ts';
import { destinationPages } from './destinations.ts';
import type { Section } from './outline.ts';
import { shareAssets, sharedPrinter } from './sink.ts';

/** Prints at most: without the numbers, with them, and once more only if filling them in moved a brief (it never should). */
const PASSES = 3;

export const publicationSink: Sink<PublicationPlan> = {
  kind: 'publication',
  async plan(entry, edition, env) {
    const plan = await planPublication(entry, edition, env);
    shareAssets(plan.styles, env);
    return plan;
  },
  async work(output, env) {
    const render = renderPublication(output);
    const html = render();
    const { styles, parts } = output.plan;
    const model = output.edition.model;
    const meta: PdfMetadata = {
      title: output.title,
      author: model.report.publisher,
      subject: output.subject,
      keywords: output.keywords,
      language: output.locale,
      creator: env.tool.name,
      date: env.created,
    };
    const sections: Section[] = parts.map((part) => {
      const briefs = part.briefs.map((b) => ({ title: b.line, anchor: b.anchor }));
      return part.heading ? { title: part.heading, anchor: part.anchor, sections: briefs } : briefs;
    }).flat();
    // One document's deadline per ten briefs: 200 fact sheets printed in about 20 s a pass on a loaded 2-core machine.
    const size = Math.ceil(parts.reduce((n, p) => n + p.briefs.length, 0) / 10) || 1;
    const titles = new Map(sections.flatMap((s) => [s, ...(s.sections ?? [])]).map((s) => [s.anchor, s.title]));
    // The contents' numbers follow from the rest of the HTML: the first print's HTML is the whole input.
    return {
      inputs: [styles.digest, meta, html],
      async make() {
        // pdf-lib loads only when a PDF is made: validate and a workbook-only build never need it.
        const [{ finishPdf }, { describeLinks }, outline, printer] = await Promise.all([import('./metadata.ts'), import('./links.ts'), import('./outline.ts'), sharedPrinter(env)]);
        let pages = new Map<string, number>();
        let pdf: Uint8Array | undefined;
        for (let pass = 1; pass <= PASSES && !pdf; pass++) {
          const printed = await printer.print({ id: output.key, html: pass === 1 ? html : render(pages), size, draft: pass === 1 });
          const found = startPages(printed, titles.keys(), output.key);
          if (pass > 1 && [...found].every(([anchor, page]) => pages.get(anchor) === page)) pdf = printed;
          pages = found;
        }
        if (!pdf) throw new ReportError('render', `${output.key}: the briefs still moved after ${PASSES} prints with the contents' page numbers`, undefined, 'keep the page numbers of the contents in boxes of fixed width (templates/styles/brief.css, .contents-page)');
        checkFonts(pdf, styles.families, output.key);
        return finishPdf(pdf, meta, (doc) => {
          outline.nestOutline(doc, output.title, sections);
          describeLinks(doc, (anchor) => {
            const title = titles.get(anchor);
            return title === undefined ? undefined : linkDescription(output.edition, title, pages.get(anchor)!);
          }, output.key);
        });
      },
    };
  },
};

/** Where (1-based) each anchor starts in a print. */
function startPages(pdf: Uint8Array, anchors: Iterable<string>, output: string): Map<string, number> {
  const found = destinationPages(pdf);
  const pages = new Map<string, number>();
  for (const anchor of anchors) {
    const page = found.get(anchor);
    if (page === undefined) throw new ReportError('render', `${output}: the printed publication has no destination ${anchor}`, undefined, 'each part and brief of templates/layouts/publication.hbs needs its id and a link to it in the contents');
    pages.set(anchor, page + 1);
  }
  return pages;
}
