// Internal links (the publication's contents). Chromium tags each link
// annotation (a Link element holding it by OBJR, with a StructParent) and sets
// its Print flag, as PDF/A-2 needs; PDF/UA-1 also asks for a description of
// where each link leads (7.18.5) and for a tab order that follows the
// structure on every page with annotations (7.18.3).
import { PDFDict, PDFName, PDFString, PDFHexString, type PDFDocument } from 'pdf-lib';
import { ReportError } from '../errors.ts';

/** `describe` gives the description of a link to a named destination. */
export function describeLinks(doc: PDFDocument, describe: (destination: string) => string | undefined, output: string): void {
  for (const page of doc.getPages()) {
    const annotations = page.node.Annots()?.asArray() ?? [];
    if (annotations.length === 0) continue;
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    for (const ref of annotations) {
      const annotation = doc.context.lookup(ref, PDFDict);
      if (annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const dest = annotation.get(PDFName.of('Dest'));
      const name = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
      const description = name === undefined ? undefined : describe(name);
      if (description === undefined) {
        throw new ReportError('render', `${output}: a link leads to ${name ?? 'somewhere'} that has no description`, undefined, 'links in a publication may lead only to its briefs and parts');
      }
      annotation.set(PDFName.of('Contents'), PDFHexString.fromText(description));
    }
  }
}
