// The web edition, out/site/, written after a build of every language: an
// index of languages, per language an index of the briefs and every download
// with its size, each brief as a page, the downloads themselves (copied, so
// the folder is self-contained), the fonts and the screen stylesheet. Files
// that are no longer part of it are removed.
import { readFile, readdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { loadStyles } from '../html/styles.ts';
import { isBrief, renderBrief } from '../html/brief.ts';
import type { ManifestEntry } from '../output/manifest.ts';
import { TEMP_MARK, writeAtomic } from '../output/write-atomic.ts';
import type { Catalogue } from '../plan/catalogue.ts';
import type { Edition } from '../plan/edition.ts';
import type { PlannedOutput } from '../plan/outputs.ts';
import { briefPage, languageChooser, languageIndex, type BriefLink, type Download } from './pages.ts';

export const SITE_DIR = 'site';
const STYLESHEET = 'styles/site.css';

export interface SiteOptions {
  outDir: string;
  templatesDir: string;
  catalogue: Catalogue;
  /** The planned outputs of every language. */
  outputs: readonly PlannedOutput[];
  /** The manifest's entries: the files to offer for download. */
  entries: readonly ManifestEntry[];
}

export async function writeSite(options: SiteOptions): Promise<void> {
  const { outDir, outputs } = options;
  const files = new Map<string, Uint8Array | string>();
  const editions = [...new Map(outputs.map((o) => [o.locale, o.edition])).values()];
  const name = (edition: Edition) => edition.messages.format('site.language_name', {});
  const pageOf = (output: PlannedOutput) => `${output.key.slice(output.locale.length + 1).replaceAll('/', '-')}.html`;

  // The font faces the briefs carry inline; fonts.css gives them to every page with the fonts inside
  // (data: URLs), since browsers refuse font files to pages opened from file://.
  const fonts = await loadStyles(options.templatesDir, options.catalogue.styles.fonts, []);
  let fontsCss = fonts.css;
  for (const [url, asset] of fonts.assets) fontsCss = fontsCss.replaceAll(url, `data:${asset.contentType};base64,${asset.body.toString('base64')}`);
  files.set('fonts.css', fontsCss);
  files.set('site.css', await readFile(join(options.templatesDir, STYLESHEET), 'utf8'));

  for (const edition of editions) {
    const { locale } = edition;
    const downloads: Download[] = [];
    for (const entry of [...options.entries].filter((e) => e.path.startsWith(`${locale}/`)).sort((a, b) => (a.path < b.path ? -1 : 1))) {
      const path = entry.path.slice(locale.length + 1);
      downloads.push({ href: `files/${path}`, path, kind: extname(path).slice(1), bytes: entry.bytes, ...(entry.pages === undefined ? {} : { pages: entry.pages }) });
      files.set(`${locale}/files/${path}`, await readFile(join(outDir, entry.path)));
    }
    const others = (page: string) => editions.filter((e) => e !== edition).map((e) => ({ locale: e.locale, name: name(e), href: `../${e.locale}/${page}` }));
    const briefs: BriefLink[] = [];
    for (const output of outputs.filter((o) => o.locale === locale).filter(isBrief)) {
      const page = pageOf(output);
      const pdf = downloads.find((d) => `${locale}/${d.path}` === output.path);
      briefs.push({ href: page, title: output.title, ...(pdf ? { pdf } : {}) });
      files.set(`${locale}/${page}`, briefPage(edition, renderBrief(output), fonts.css, pdf, others(page)));
    }
    const gathered = outputs
      .filter((o) => o.locale === locale && !isBrief(o))
      .flatMap((o) => downloads.filter((d) => d.kind === 'pdf' && `${locale}/${d.path}` === o.path).map((pdf) => ({ title: o.title, pdf })));
    files.set(`${locale}/index.html`, languageIndex(edition, briefs, downloads, others('index.html'), gathered));
  }
  files.set('index.html', languageChooser(editions.map((edition) => ({ edition, name: name(edition) }))));

  const root = join(outDir, SITE_DIR);
  for (const [path, content] of files) await writeIfChanged(join(root, path), typeof content === 'string' ? Buffer.from(content) : content);
  const present = await readdir(root, { recursive: true, withFileTypes: true });
  // Another build's files being written are not stale; the build removes orphaned ones.
  const stale = present.filter((e) => e.isFile() && !e.name.includes(TEMP_MARK) && !files.has(join(e.parentPath, e.name).slice(root.length + 1)));
  await Promise.all(stale.map((e) => rm(join(e.parentPath, e.name), { force: true })));
}

/** Unchanged files are left alone: a build rewrites only the pages and copies that changed. */
async function writeIfChanged(path: string, bytes: Uint8Array): Promise<void> {
  const before = await readFile(path).catch(() => undefined);
  if (!before?.equals(bytes)) await writeAtomic(path, bytes);
}
