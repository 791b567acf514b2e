// Stamps a brief's metadata on Chromium's PDF and makes the bytes reproducible:
// the dates come from the data, not the clock, and the file ID from the content.
// The structure tree, outline and fonts Chromium wrote are kept; src/pdf/
// standards.ts adds what PDF/A-2 and PDF/UA-1 need on top.
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import { applyStandards } from './standards.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag, e.g. "en" or "sv-SE". */
  language: string;
  /** Names the tool and version; written as both Creator and Producer. */
  creator: string;
  /** Creation and modification date, taken from the data so a rebuild is identical. */
  date: Date;
}

/** `edit` changes what a kind of PDF needs beyond a brief (the publication's outline and links). */
export async function finishPdf(printed: Uint8Array, meta: PdfMetadata, edit?: (doc: PDFDocument) => void): Promise<{ bytes: Uint8Array; pages: number }> {
  const pdf = withStableNodeIds(printed);
  // updateMetadata: false keeps pdf-lib from stamping its own producer and the current time.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  edit?.(doc);
  // Viewers then show the title instead of the file name, as accessibility checkers require.
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  // One joined entry: pdf-lib would join with spaces, splitting multi-word keywords.
  doc.setKeywords([meta.keywords.join(', ')]);
  doc.setCreator(meta.creator);
  doc.setProducer(meta.creator);
  doc.setLanguage(meta.language);
  // Chromium stamps the time of printing; the data's date replaces it.
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  // The XMP packet repeats the Info dictionary's values, as PDF/A requires.
  applyStandards(doc, { ...meta, keywords: meta.keywords.join(', ') });

  // The file ID is a digest of what Chromium printed (less its print time) and of
  // the metadata, so equal content gets an equal ID without saving twice.
  const digest = createHash('sha256').update(withoutPrintTime(pdf)).update(JSON.stringify(meta)).digest('hex').slice(0, 32);
  const id = PDFHexString.of(digest);
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return { bytes: await doc.save(), pages: doc.getPageCount() };
}

/**
 * Tagged tables name their header cells by DOM node ids ("node00000168"),
 * which count every node the page has ever made: a page reused for several
 * briefs would give the same brief other ids. They are renumbered in order of
 * appearance; being of fixed width, every byte offset stays where it was.
 */
function withStableNodeIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const ids = new Map<string, string>();
  const renumbered = text.replace(/\(node(\d{8})\)/g, (_, id: string) => {
    if (!ids.has(id)) ids.set(id, String(ids.size + 1).padStart(8, '0'));
    return `(node${ids.get(id)})`;
  });
  return Buffer.from(renumbered, 'latin1');
}

/** Chromium's output with the dates of printing blanked: the only bytes that differ between two prints. */
function withoutPrintTime(pdf: Uint8Array): Buffer {
  const text = Buffer.from(pdf).toString('latin1');
  return Buffer.from(text.replace(/\/(CreationDate|ModDate) ?\(D:[^)]*\)/g, '/$1()'), 'latin1');
}
