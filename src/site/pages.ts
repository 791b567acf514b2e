// The pages of the web edition: a language chooser, an index per language
// (briefs and every download with its size), and each brief as the same HTML
// the PDF is printed from, put in a page with a header, a main landmark and
// its downloads, and given the screen stylesheet. No script anywhere; every
// link is relative, so the site works from any static host and from file://.
import type { Edition } from '../plan/edition.ts';

export interface Download {
  /** Relative to the language's folder of the site. */
  href: string;
  path: string;
  kind: string;
  bytes: number;
  pages?: number;
}

export interface BriefLink {
  href: string;
  title: string;
  pdf?: Download;
}

export interface Language {
  locale: string;
  /** The language's name in itself: "English", "Русский". */
  name: string;
}

/** Messages of the edition, filled; a missing one fails the build like any template's. */
function t(edition: Edition, key: string, values: Record<string, unknown> = {}): string {
  return edition.messages.format(`site.${key}`, values);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `root`: the way from the page to the site's root folder, where the stylesheets are. */
function head(title: string, lang: string, root: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${root}fonts.css">
<link rel="stylesheet" href="${root}site.css">
</head>`;
}

/** The other languages of a page, each link in its own language. */
function languageNav(edition: Edition, others: readonly (Language & { href: string })[], home: string): string {
  const links = others.map((o) => `<li><a href="${o.href}" lang="${o.locale}" hreflang="${o.locale}">${escapeHtml(o.name)}</a></li>`).join('');
  return `<a class="skip" href="#main">${escapeHtml(t(edition, 'skip'))}</a>
<header class="site-header"><nav aria-label="${escapeHtml(t(edition, 'navigation'))}"><ul><li><a href="${home}">${escapeHtml(t(edition, 'home'))}</a></li>${links}</ul></nav></header>`;
}

export function downloadText(edition: Edition, download: Download): string {
  const size = t(edition, 'size_kb', { size: Math.max(1, Math.round(download.bytes / 1024)) });
  const kind = t(edition, `kinds.${download.kind}`);
  return download.pages === undefined ? `${kind}, ${size}` : `${kind}, ${size}, ${t(edition, 'pages', { count: download.pages })}`;
}

/** `gathered`: PDFs of other outputs than briefs (the publication of all briefs), offered first. */
export function languageIndex(
  edition: Edition,
  briefs: readonly BriefLink[],
  downloads: readonly Download[],
  others: readonly (Language & { href: string })[],
  gathered: readonly { title: string; pdf: Download }[] = [],
): string {
  const { report } = edition.model;
  const title = t(edition, 'title', { region: report.region.name });
  const briefItems = briefs
    .map((b) => `<li><a href="${b.href}">${escapeHtml(b.title)}</a>${b.pdf ? ` <span class="download">(<a href="${b.pdf.href}">${escapeHtml(downloadText(edition, b.pdf))}</a>)</span>` : ''}</li>`)
    .join('\n');
  const whole = gathered
    .map((g) => `<p class="gathered">${escapeHtml(t(edition, 'all_in_one'))} <a href="${g.pdf.href}">${escapeHtml(g.title)}</a> (${escapeHtml(downloadText(edition, g.pdf))})</p>`)
    .join('\n');
  const rows = downloads
    .map((d) => `<tr><td><a href="${d.href}">${escapeHtml(d.path)}</a></td><td>${escapeHtml(t(edition, `kinds.${d.kind}`))}</td><td class="number">${escapeHtml(t(edition, 'size_kb', { size: Math.max(1, Math.round(d.bytes / 1024)) }))}</td></tr>`)
    .join('\n');
  return `${head(title, edition.locale, '../')}
<body class="site-index">
${languageNav(edition, others, '../index.html')}
<main id="main">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t(edition, 'intro', { section: report.section.number, title: report.section.title, date: edition.formatter.date(report.as_of), publisher: report.publisher }))}</p>
${whole}
<h2>${escapeHtml(t(edition, 'briefs'))}</h2>
<ul class="briefs">
${briefItems}
</ul>
<h2 id="downloads">${escapeHtml(t(edition, 'downloads'))}</h2>
<div class="table-scroll" role="region" aria-labelledby="downloads" tabindex="0">
<table>
<thead><tr><th scope="col">${escapeHtml(t(edition, 'file'))}</th><th scope="col">${escapeHtml(t(edition, 'format'))}</th><th scope="col">${escapeHtml(t(edition, 'size'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
</main>
</body>
</html>
`;
}

/**
 * The brief's own HTML, with the site's header before it, its downloads after
 * it, and screen styles. Its font faces (`faces`, inline in the printed HTML,
 * naming fonts the printer serves) give way to the site's fonts.css.
 */
export function briefPage(edition: Edition, html: string, faces: string, pdf: Download | undefined, others: readonly (Language & { href: string })[]): string {
  if (!html.includes(faces)) throw new Error('site: the brief\'s styles do not start with the catalogue\'s font faces');
  const footer = pdf ? `<footer class="site-footer"><p><a href="${pdf.href}">${escapeHtml(t(edition, 'download_pdf'))}</a> (${escapeHtml(downloadText(edition, pdf))})</p></footer>` : '';
  return html
    .replace(faces, '')
    .replace(/<head>/i, '<head>\n<meta name="viewport" content="width=device-width, initial-scale=1">')
    .replace(/<\/head>/i, '<link rel="stylesheet" href="../fonts.css">\n<link rel="stylesheet" href="../site.css">\n</head>')
    .replace(/<body([^>]*)>/i, (_, attributes: string) => `<body${attributes}>\n${languageNav(edition, others, 'index.html')}\n<main id="main">`)
    .replace(/<\/body>/i, `</main>\n${footer}\n</body>`);
}

export function languageChooser(editions: readonly { edition: Edition; name: string }[]): string {
  const first = editions[0]!.edition;
  const items = editions
    .map(({ edition, name }) => `<li><a href="${edition.locale}/index.html" lang="${edition.locale}" hreflang="${edition.locale}">${escapeHtml(name)}: ${escapeHtml(t(edition, 'title', { region: edition.model.report.region.name }))}</a></li>`)
    .join('\n');
  return `${head(t(first, 'title', { region: first.model.report.region.name }), first.locale, '')}
<body class="site-languages">
<main id="main">
<h1>${escapeHtml(t(first, 'title', { region: first.model.report.region.name }))}</h1>
<ul class="languages">
${items}
</ul>
</main>
</body>
</html>
`;
}
