// Shared by the PDF tests: whether a browser exists, and a sample page to print.
// The browsers a process started are found by src/pdf/processes.ts; PDFs are
// read back with read-pdf.ts.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ReportError } from '../../src/errors.ts';
import { findBrowser } from '../../src/pdf/browser.ts';

/** Without a browser the PDF suites skip locally, but fail in CI, where a skip would hide a broken setup. */
export function browserAvailable(): boolean {
  try {
    findBrowser({});
    return true;
  } catch (error) {
    if (process.env.CI === 'true' || !(error instanceof ReportError)) throw error;
    console.warn(`PDF tests skipped: ${error.message}. To run them: ${error.hint}`);
    return false;
  }
}

export function moduleUrl(projectPath: string): string {
  return pathToFileURL(join(PROJECT_ROOT, projectPath)).href;
}

/** A small A4 brief: headings for the outline, running heads in @page margin boxes, inline SVG. */
export function sampleHtml(body = '<h1>Cooperation brief</h1><h2>Partners</h2><p>Blekinge and Klaipėda.</p>'): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sample brief</title>
<style>
  @page { size: A4; margin: 20mm; @top-center { content: "Sample brief" } @bottom-right { content: "Page " counter(page) " of " counter(pages) } }
  body { font-family: sans-serif; }
</style></head>
<body>${body}<svg width="120" height="40" role="img" aria-label="bar"><rect width="120" height="40" fill="teal"/></svg></body></html>`;
}
