// What the preview adds to a page, and only in the preview: a script that
// listens to the dev server's events, reloads on a change and shows an overlay
// for a validation or template error. Printed HTML never contains it. Also the
// Content-Security-Policy the preview's pages are served with.
import { createHash } from 'node:crypto';

const CLIENT_JS = `
(() => {
  const events = new EventSource('/events');
  let overlay;
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('problem', (event) => {
    overlay ??= document.body.appendChild(document.createElement('div'));
    overlay.id = 'dev-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:24px;' +
      'background:rgba(24,24,27,.94);color:#fafafa;font:13px/1.5 ui-monospace,monospace;white-space:pre-wrap';
    overlay.textContent = event.data;
  });
  events.addEventListener('fixed', () => location.reload());
})();
`;

export const CLIENT_SCRIPT = `<script>${CLIENT_JS}</script>`;

/**
 * What a preview page may load: its fonts and its events from this server, and
 * the client script, by hash, so no other script runs even if a brief's text
 * smuggled one in. Styles stay inline: each brief's <style> differs (its running
 * headers) and charts carry style attributes, and with nothing else loadable a
 * style cannot send anything anywhere. data: images because the printer allows
 * them in briefs, so the preview must show them too.
 */
export const PAGE_POLICY = [
  "default-src 'none'",
  "font-src 'self'",
  'img-src data:',
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${createHash('sha256').update(CLIENT_JS).digest('base64')}'`,
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** On screen there are no pages: the body is laid out as a sheet of A4 within its margins. */
const SCREEN_STYLE = `<style>@media screen { html { background: #dde1e6 } body { box-sizing: content-box; width: 168mm; margin: 10mm auto; padding: 22mm 20mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25) } }</style>`;

/** The preview of a brief: its printed HTML, fonts from this server, a sheet on screen, the client script. */
export function previewHtml(html: string, assetOrigin: string): string {
  return html
    .replaceAll(assetOrigin, '/assets/')
    // Replacer functions: a "$" in the inserted text must stay as written (the script's hash).
    .replace(/<\/head>/i, () => `${SCREEN_STYLE}</head>`)
    .replace(/<\/body>/i, () => `${CLIENT_SCRIPT}</body>`);
}

export interface IndexEntry {
  key: string;
  title: string;
  kind: string;
  path: string;
}

export function indexHtml(entries: readonly IndexEntry[]): string {
  const rows = entries
    .map((e) => {
      const preview = e.kind === 'pdf' ? `<a href="/preview/${encodeURI(e.key)}">preview</a>` : '';
      return `<tr><td>${escape(e.key)}</td><td>${escape(e.title)}</td><td>${preview}</td><td><a href="/out/${encodeURI(e.path)}">${e.kind.toUpperCase()}</a></td></tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>cooperation-reports preview</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:32px;color:#1d1d1f}table{border-collapse:collapse}td,th{padding:6px 14px;border-bottom:1px solid #ddd;text-align:left}a{color:#1f3a5f}</style>
</head><body><h1>Preview</h1><p>Briefs rebuild as you edit data/, schemas/ and templates/; PDFs and workbooks follow in the background. The web edition, as last built: <a href="/out/site/index.html">out/site/</a>.</p>
<table><tr><th>Output</th><th>Title</th><th>HTML</th><th>File</th></tr>
${rows}
</table>${CLIENT_SCRIPT}</body></html>`;
}

/** A page to show while the data or a template is broken; the overlay arrives with the first event. */
export function problemHtml(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>error</title></head><body>${CLIENT_SCRIPT}</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
