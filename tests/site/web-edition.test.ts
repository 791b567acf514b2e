// The web edition (out/site/) as a reader meets it: opened from file:// in
// headless Chromium, each page checked with axe-core against WCAG 2.1 AA,
// laid out at a phone's width without sideways scrolling, loading nothing from
// the network; and every link and anchor resolving to a file of the site.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { resolveConfig } from '../../src/config.ts';
import { startDevServer } from '../../src/dev/server.ts';
import type { Manifest } from '../../src/output/manifest.ts';
import { findBrowser } from '../../src/pdf/browser.ts';
import { browserAvailable } from '../helpers/browsers.ts';
import { copyData, removeDir } from '../helpers/data-copy.ts';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const hasBrowser = browserAvailable();

let dir: string;
let site: string;
let pages: string[];
let browser: Browser;

beforeAll(async () => {
  dir = await copyData();
  const out = join(dir, 'out');
  const result = await build(resolveConfig({ data: dir, out }));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  site = join(out, 'site');
  pages = (await readdir(site, { recursive: true })).map(String).filter((f) => f.endsWith('.html') && !f.includes('/files/')).sort();
  if (hasBrowser) {
    browser = await puppeteer.launch({ executablePath: findBrowser({}).executablePath, args: ['--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])] });
  }
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await removeDir(dir);
});

describe('the web edition', () => {
  it('has a language index, an index per language and a page per brief', () => {
    const briefs = ['overview', 'programme-bsr-neighbourhood-2004-2006', ...['asap', 'ben-east', 'business-matryoshka', 'interbaltic', 'maritour', 'red'].map((p) => `project-${p}`)];
    expect(pages).toEqual(['index.html', ...['en', 'ru'].flatMap((l) => [...briefs, 'index'].map((p) => `${l}/${p}.html`))].sort());
  });

  it('offers every output of a language for download, with its size, the files inside the site', async () => {
    const manifest = JSON.parse(await readFile(join(dir, 'out/manifest.json'), 'utf8')) as Manifest;
    for (const locale of ['en', 'ru']) {
      const index = await readFile(join(site, locale, 'index.html'), 'utf8');
      const outputs = manifest.outputs.filter((o) => o.path.startsWith(`${locale}/`));
      expect(outputs).toHaveLength(33);
      for (const output of outputs) {
        const path = output.path.slice(3);
        expect(index).toContain(`<a href="files/${path}">${path}</a>`);
        expect((await readFile(join(site, locale, 'files', path))).equals(await readFile(join(dir, 'out', output.path))), path).toBe(true);
      }
    }
    // The publication comes first, before the briefs, with its pages.
    const publication = manifest.outputs.find((o) => o.path === 'ru/publication.pdf')!;
    const russian = await readFile(join(site, 'ru/index.html'), 'utf8');
    expect(russian).toContain(`<p class="gathered">Все справки одним документом: <a href="files/publication.pdf">Ленинградская область: международное сотрудничество в 2005 году</a> (PDF, ${Math.round(publication.bytes / 1024)} КБ, ${publication.pages} с.)</p>`);
    expect(russian.indexOf('class="gathered"')).toBeLessThan(russian.indexOf('class="briefs"'));
    const workbook = manifest.outputs.find((o) => o.path === 'ru/cooperation-summary.xlsx')!;
    expect(await readFile(join(site, 'ru/index.html'), 'utf8')).toContain(`<td>Книга Excel</td><td class="number">${Math.round(workbook.bytes / 1024)} КБ</td>`);
  });

  it('links only to files and anchors that exist inside the site', async () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = await readFile(join(site, page), 'utf8');
      for (const [, target] of html.matchAll(/(?:href|src)="([^"]*)"/g)) {
        checked += 1;
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target!)) {
          if (!target!.startsWith('data:')) broken.push(`${page}: ${target} leaves the site`);
          continue;
        }
        const [path, anchor] = target!.split('#');
        const file = path ? resolve(dirname(join(site, page)), decodeURI(path)) : join(site, page);
        if (relative(site, file).startsWith('..') || !existsSync(file)) broken.push(`${page}: ${target} is missing`);
        else if (anchor && !(await readFile(file, 'utf8')).includes(`id="${anchor}"`)) broken.push(`${page}: no #${anchor} in ${path || page}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(200);
    // Stylesheets name no file at all: the fonts travel inside them.
    expect((await readFile(join(site, 'fonts.css'), 'utf8')).match(/url\((?!data:)/g)).toBeNull();
  });
});

describe.skipIf(!hasBrowser)('the web edition in Chromium, from file://', () => {
  it('has no WCAG 2.1 AA violation axe-core can find, on any page, in either language', async () => {
    const found: string[] = [];
    const page = await browser.newPage();
    for (const file of pages) {
      await page.goto(pathToFileURL(join(site, file)).href, { waitUntil: 'load' });
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return result.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      found.push(...violations.map((v) => `${file}: ${v}`));
    }
    // The check can fail: without the screen styles, the briefs' light gold on white is too faint (3.1:1).
    const red = await readFile(join(site, 'en/project-red.html'), 'utf8');
    await page.goto(pathToFileURL(join(site, 'en/project-red.html')).href, { waitUntil: 'load' });
    await page.setContent(red.replace('<link rel="stylesheet" href="../site.css">', ''), { waitUntil: 'load' });
    await page.addScriptTag({ content: AXE });
    const control = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2aa'] } })).violations.map((v) => v.id);
    });
    await page.close();
    expect(found).toEqual([]);
    expect(control).toContain('color-contrast');
  }, 120_000);

  it('fits a phone\'s width, shows the bundled fonts and requests nothing outside the site', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 360, height: 740 });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const problems: string[] = [];
    for (const file of pages) {
      await page.goto(pathToFileURL(join(site, file)).href, { waitUntil: 'load' });
      const { overflow, fonts } = await page.evaluate(async () => {
        await document.fonts.ready;
        return { overflow: document.documentElement.scrollWidth - window.innerWidth, fonts: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family) };
      });
      if (overflow > 0) problems.push(`${file}: ${overflow}px wider than the screen`);
      if (!fonts.some((f) => /PT Sans/.test(f))) problems.push(`${file}: PT Sans not loaded (${fonts.join(', ')})`);
    }
    await page.close();
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(pathToFileURL(site).href) && !url.startsWith('data:'))).toEqual([]);
  }, 120_000);
});

describe.skipIf(!hasBrowser)('the web edition served by npm run dev', () => {
  it('is served from out/site/ under a policy that allows its styles and fonts and no script', async () => {
    const server = await startDevServer(resolveConfig({ data: dir, out: join(dir, 'out'), cwd: dir }), { port: 0, log: () => {} });
    const page = await browser.newPage();
    const blocked: string[] = [];
    await page.evaluateOnNewDocument(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)));
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) blocked.push(message.text());
    });
    try {
      const response = await page.goto(`${server.url}/out/site/ru/overview.html`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');
      expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family);
      });
      expect(fonts.some((f) => /PT Serif/.test(f))).toBe(true);
      expect(blocked).toEqual([]);
    } finally {
      await page.close();
      await server.close();
    }
  }, 60_000);
});
