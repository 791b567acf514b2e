// The PDF sink: a brief's HTML (html/) printed by the shared browser, its
// fonts checked, its metadata written. Equal inputs (the finished HTML, the
// metadata and the font files), equal PDF: no need to print.
import { planBrief, renderBrief, type BriefPlan } from '../html/brief.ts';
import type { Asset, Styles } from '../html/styles.ts';
import type { Sink, SinkEnv } from '../plan/sink.ts';
import { checkFonts } from './fonts.ts';
import type { PdfMetadata } from './metadata.ts';
import type { PdfPrinter } from './printer.ts';

export const pdfSink: Sink<BriefPlan> = {
  kind: 'pdf',
  async plan(entry, edition, env) {
    const plan = await planBrief(entry, edition, env);
    shareAssets(plan.styles, env);
    return plan;
  },
  async work(output, env) {
    const html = renderBrief(output);
    const { styles } = output.plan;
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
    return {
      inputs: [styles.digest, meta, html],
      async make() {
        const [{ finishPdf }, pdf] = await Promise.all([import('./metadata.ts'), sharedPrinter(env).then((p) => p.print({ id: output.key, html }))]);
        checkFonts(pdf, styles.families, output.key);
        return finishPdf(pdf, meta);
      },
    };
  },
  warm: (env) => void sharedPrinter(env).then((p) => p.warm()),
};

/**
 * One browser per build, started on first use. Puppeteer loads only then: validating or writing a
 * workbook never pays for it.
 */
export function sharedPrinter(env: Pick<SinkEnv, 'print' | 'resources'>): Promise<PdfPrinter> {
  return env.resources.get('pdf/printer', async () =>
    (await import('./printer.ts')).createPdfPrinter({
      ...env.print,
      assets: assets(env),
    }),
  );
}

/** Lets the printer answer the requests for a brief's fonts. */
export function shareAssets(styles: Styles, env: Pick<SinkEnv, 'resources'>): void {
  for (const [url, asset] of styles.assets) assets(env).set(url, asset);
}

/** The files briefs may load (fonts), filled as briefs are planned; the printer answers from it. */
function assets(env: Pick<SinkEnv, 'resources'>): Map<string, Asset> {
  return env.resources.get('pdf/assets', () => new Map<string, Asset>());
}
