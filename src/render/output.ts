// One planned output -> the digest of what it is made from, and the bytes.
// A brief's digest covers its finished HTML (data, templates, partials, styles
// and charts as they came out), its metadata and the tool; a workbook's covers
// the model and its declaration. Equal digest, equal output: no need to print.
import type { PlannedOutput } from '../plan/outputs.ts';
import type { Prepared } from '../plan/prepare.ts';
import { sha256 } from '../output/fingerprint.ts';
import { renderBriefHtml } from './brief.ts';
import { checkFonts } from './pdf-fonts.ts';
import type { PdfMetadata } from './pdf-metadata.ts';
import type { PdfPrinter } from './pdf.ts';

export interface Made {
  bytes: Uint8Array;
  pages?: number;
  sheets?: number;
}

export interface OutputWork {
  inputHash: string;
  make(printer: PdfPrinter): Promise<Made>;
}

/** `name` is written into the files; `digest` (of the tool's own code) only into the input digest. */
export interface Tool {
  name: string;
  digest: string;
}

export async function outputWork(output: PlannedOutput, prepared: Prepared, tool: Tool): Promise<OutputWork> {
  const kit = prepared.kits.get(output.locale)!;
  const model = prepared.models.get(output.locale)!;
  const workbook = prepared.workbooks.get(`${output.locale}/${output.entry.id}`);
  if (workbook) {
    return {
      inputHash: sha256(JSON.stringify([tool, output.locale, prepared.created, workbook, model])),
      // ExcelJS and pdf-lib load only when something has to be made with them.
      make: async () => {
        const { renderWorkbook } = await import('./xlsx.ts');
        const bytes = await renderWorkbook(model, workbook, { formatter: kit.formatter, messages: kit.messages, created: prepared.created });
        return { bytes, sheets: workbook.sheets.length + 1 };
      },
    };
  }
  const { entry, key } = output;
  const html = await renderBriefHtml(entry, model, output.item, { title: output.title, subject: output.subject, kind: entry.id }, kit);
  const meta: PdfMetadata = {
    title: output.title,
    author: model.report.publisher,
    subject: output.subject,
    keywords: output.keywords,
    language: output.locale,
    creator: tool.name,
    date: prepared.created,
  };
  return {
    inputHash: sha256(JSON.stringify([tool, prepared.assetsDigest, meta, html])),
    make: async (printer) => {
      const [{ finishPdf }, pdf] = await Promise.all([import('./pdf-metadata.ts'), printer.print({ id: key, html })]);
      checkFonts(pdf, prepared.fontFamilies, key);
      return finishPdf(pdf, meta);
    },
  };
}
