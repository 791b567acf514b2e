// Bookmarks of a document that gathers several (the publication). Chromium
// writes a flat outline from the headings: each brief's H1 with its sections
// under it. This nests it as readers expect: the document's title over its
// front matter and its parts, each part over its briefs, each brief over its
// headings; and it reads the named destinations Chromium writes for the
// targets of internal links, which tell where each brief starts.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/** A part (with `sections`) or a brief (without: its bookmarks are its headings). */
export interface Section {
  title: string;
  /** The named destination where it starts. */
  anchor: string;
  sections?: Section[];
}

interface Bookmark {
  title: string;
  dest: PDFObject;
  /** 0-based. */
  page: number;
  open: boolean;
  children: Bookmark[];
}

/**
 * Replaces the outline with `title` over Chromium's bookmarks before the
 * first section (the contents), then `sections` in order. A brief takes the
 * bookmarks on its pages; its H1, when it is the only top-level one, gives way
 * to the brief's own title. Parts stay open, briefs closed.
 */
export function nestOutline(doc: PDFDocument, title: string, sections: readonly Section[]): void {
  const found = readOutline(doc);
  const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
  const briefs = sections.flatMap((s) => s.sections ?? [s]);
  const starts = briefs.map((b) => pageOf(doc, dests.get(PDFName.of(b.anchor)))!);
  const on = (from: number, to: number) => found.filter((b) => b.page >= from && b.page < to);
  const lone = (items: Bookmark[]) => (items.length === 1 ? items[0]!.children : items);

  // Chromium's own bookmarks before the first brief: the cover's H1 over the contents.
  const front = on(0, starts[0] ?? Infinity);
  const brief = (section: Section): Bookmark => {
    const i = briefs.indexOf(section);
    return { title: section.title, dest: dests.get(PDFName.of(section.anchor))!, page: starts[i]!, open: false, children: lone(on(starts[i]!, starts[i + 1] ?? Infinity)) };
  };
  const part = (section: Section): Bookmark =>
    section.sections ? { ...brief(section.sections[0] ?? section), title: section.title, open: true, children: section.sections.map(brief) } : brief(section);
  const first = doc.getPage(0).ref;
  const top: Bookmark = { title, dest: doc.context.obj([first, 'Fit']), page: 0, open: true, children: [...lone(front), ...sections.map(part)] };
  writeOutline(doc, [top]);
}

/** Chromium's bookmarks; their objects are deleted, as the outline is written anew. */
function readOutline(doc: PDFDocument): Bookmark[] {
  const read = (first: PDFObject | undefined): Bookmark[] => {
    const items: Bookmark[] = [];
    for (let ref = first; ref instanceof PDFRef; ) {
      const item = doc.context.lookup(ref, PDFDict);
      doc.context.delete(ref);
      ref = item.get(PDFName.of('Next'));
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.get(PDFName.of('Dest'));
      const page = dest ? pageOf(doc, dest) : undefined;
      if (page === undefined || !(title instanceof PDFString || title instanceof PDFHexString)) continue;
      items.push({ title: title.decodeText(), dest: dest!, page, open: false, children: read(item.get(PDFName.of('First'))) });
    }
    return items;
  };
  const outlines = doc.catalog.get(PDFName.of('Outlines'));
  const items = read(outlines instanceof PDFRef ? doc.context.lookup(outlines, PDFDict).get(PDFName.of('First')) : undefined);
  if (outlines instanceof PDFRef) doc.context.delete(outlines);
  return items;
}

/** ISO 32000-1, 12.3.3: linked items; Count is the number of visible descendants, negative when closed. */
function writeOutline(doc: PDFDocument, items: readonly Bookmark[]): void {
  const { context } = doc;
  const root = context.register(context.obj({ Type: 'Outlines' }));
  const visible = (b: Bookmark): number => (b.open ? b.children.reduce((n, c) => n + 1 + visible(c), 0) : 0);
  const link = (parent: PDFRef, list: readonly Bookmark[]): PDFRef[] => {
    const refs = list.map(() => context.nextRef());
    list.forEach((b, i) => {
      const kids = link(refs[i]!, b.children);
      const dict = context.obj({ Title: PDFHexString.fromText(b.title), Parent: parent, Dest: b.dest });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (kids.length > 0) {
        dict.set(PDFName.of('First'), kids[0]!);
        dict.set(PDFName.of('Last'), kids.at(-1)!);
        const shown = b.children.reduce((n, c) => n + 1 + visible(c), 0);
        dict.set(PDFName.of('Count'), PDFNumber.of(b.open ? shown : -shown));
      }
      context.assign(refs[i]!, dict);
    });
    return refs;
  };
  const kids = link(root, items);
  const outlines = context.lookup(root, PDFDict);
  outlines.set(PDFName.of('First'), kids[0]!);
  outlines.set(PDFName.of('Last'), kids.at(-1)!);
  outlines.set(PDFName.of('Count'), PDFNumber.of(items.reduce((n, b) => n + 1 + visible(b), 0)));
  doc.catalog.set(PDFName.of('Outlines'), root);
}

/** The page index an explicit destination ([page /XYZ ...]) points to. */
function pageOf(doc: PDFDocument, dest: PDFObject | undefined): number | undefined {
  const array = dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
  if (!(array instanceof PDFArray)) return undefined;
  const target = array.get(0);
  const index = doc.getPages().findIndex((p) => p.ref === target);
  return index < 0 ? undefined : index;
}
