// Reads a PDF back with pdf.js, a parser independent of the Chromium that wrote
// it: the one PDF reader of the tests.
import { readFile } from 'node:fs/promises';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  pages: string[];
  info: Record<string, unknown>;
  language: string | null;
  outline: string[];
  /** Whether the catalog marks the file as tagged (MarkInfo /Marked true). */
  tagged: boolean;
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  return getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
}

/** The text of every page, pages joined by a line break, runs of text by a space. */
export async function pdfText(pdf: PDFDocumentProxy): Promise<string> {
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

export async function readPdf(path: string): Promise<PdfContent> {
  const doc = await openPdf(new Uint8Array(await readFile(path)));
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, unknown> };
    const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    const outline: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[] | null) => {
      for (const item of items ?? []) {
        outline.push(item.title);
        walk(item.items as { title: string; items: unknown[] }[]);
      }
    };
    walk((await doc.getOutline()) as { title: string; items: unknown[] }[] | null);
    return { pages, info, language: (info.Language as string | undefined) ?? null, outline, tagged: markInfo?.Marked === true };
  } finally {
    await doc.destroy();
  }
}

/**
 * Text for phrase searches in hyphenated columns: without white space and
 * hyphens, since a hyphen at a line end may be a taken soft hyphen or a typed
 * one, and pdf.js reads both as "-".
 */
export function squeeze(text: string): string {
  return text.replace(/[\s\u00AD\u2010-]/g, '');
}

/** Text with line breaks and runs of spaces folded, for phrase searches across lines. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
