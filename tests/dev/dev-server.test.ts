// `npm run dev` driven by a real headless Chromium: a brief's preview follows
// the data as it is edited, an error shows as an overlay at its line and goes
// away when fixed, PDFs follow in the background, and out/ cannot be left.
// All of it under the pages' Content-Security-Policy, which must block nothing.
import { request } from 'node:http';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { startDevServer, type DevServer } from '../../src/dev/server.ts';
import { findBrowser } from '../../src/pdf/browser.ts';
import { copyData, removeDir } from '../helpers/data-copy.ts';

let dir: string;
let server: DevServer;
let browser: Browser;
let page: Page;
/** What Chromium blocked under a Content-Security-Policy, on any page of the run. */
const violations: string[] = [];

beforeAll(async () => {
  dir = await copyData();
  server = await startDevServer(resolveConfig({ data: dir, out: join(dir, 'out'), cwd: dir }), { port: 0 });
  // Not the printer's browser, which may reach no address at all: a user's, that may open localhost.
  browser = await puppeteer.launch({
    executablePath: findBrowser({}).executablePath,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  page = await browser.newPage();
  // Injected by DevTools, so the policy does not block this listener itself; it outlives reloads.
  await page.evaluateOnNewDocument(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  page.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
  });
});
afterAll(async () => {
  await browser.close();
  await server.close();
  await removeDir(dir);
});

/** Polls the page, which reloads on its own: its context may be replaced at any moment. */
async function waitForPage(check: (text: string, overlay: string | null) => boolean, ms = 40_000): Promise<{ text: string; overlay: string | null }> {
  let last: readonly [string, string | null] | undefined;
  for (const until = Date.now() + ms; Date.now() < until; ) {
    const seen = await page
      .evaluate(() => [document.body?.innerText ?? '', document.getElementById('dev-overlay')?.textContent ?? null] as const)
      .catch(() => undefined);
    last = seen ?? last;
    if (seen && check(seen[0], seen[1])) return { text: seen[0], overlay: seen[1] };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the page never showed what was expected; it showed: ${last?.[1] ?? last?.[0].slice(0, 300)}`);
}

async function editProjects(find: string, replace: string): Promise<number> {
  const path = join(dir, 'projects.yaml');
  const text = await readFile(path, 'utf8');
  expect(text).toContain(find);
  await writeFile(path, text.replace(find, replace));
  return text.slice(0, text.indexOf(find)).split('\n').length;
}

// Generous: under a full parallel test run the machine is busy.
describe('the dev server', { timeout: 120_000 }, () => {
  it('lists every brief and workbook on its index', async () => {
    await page.goto(`${server.url}/`);
    const links = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/preview/en/project/red', '/preview/ru/overview', '/out/en/cooperation-summary.xlsx']));
  });

  it('renders a brief fully under its Content-Security-Policy: fonts, SVG charts, no violation', async () => {
    const response = await page.goto(`${server.url}/preview/en/overview`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    const seen = await page.evaluate(async () => {
      await document.fonts.ready;
      const faces = [...document.fonts];
      const charts = [...document.querySelectorAll('svg')].map((svg) => svg.getBoundingClientRect().width);
      return {
        loaded: [...new Set(faces.filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')))],
        failed: faces.filter((f) => f.status === 'error').map((f) => f.family),
        charts,
        bodyFont: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(seen.loaded).toContain('PT Sans');
    expect(seen.failed).toEqual([]);
    expect(seen.charts.length).toBeGreaterThan(0);
    expect(Math.min(...seen.charts)).toBeGreaterThan(100);
    expect(violations).toEqual([]);
  });

  it('shows a new figure without a manual reload, and rebuilds the PDF in the background', async () => {
    await page.goto(`${server.url}/preview/en/project/red`);
    await waitForPage((text) => text.includes('€790,336'));
    await editProjects('budget_eur: 790336', 'budget_eur: 790337');
    await waitForPage((text) => text.includes('€790,337'));
    await server.built();
    expect((await stat(join(dir, 'out', 'en', 'projects', 'red.pdf'))).isFile()).toBe(true);
  });

  it('shows a broken YAML file as an overlay at its line, and drops it when fixed', async () => {
    const line = await editProjects('budget_eur: 790337', 'budget_eur: [790337');
    const { overlay } = await waitForPage((_, shown) => shown !== null && shown.includes('projects.yaml:') && shown.includes('error[syntax]'));
    expect(overlay).toMatch(new RegExp(`projects\\.yaml:${line + 1}:\\d+ error\\[syntax\\]`));
    expect(overlay).toContain('hint:');
    await editProjects('budget_eur: [790337', 'budget_eur: 790338');
    await waitForPage((text, shown) => shown === null && text.includes('€790,338'));
  });

  it('serves nothing outside out/', async () => {
    for (const path of ['/out/../../etc/passwd', '/out/..%2f..%2fpackage.json', '/out/%2e%2e/package.json', '/assets/../package.json']) {
      const { status, body } = await rawGet(server.url, path);
      expect(status, path).not.toBe(200);
      expect(body).not.toContain('root:');
      expect(body).not.toContain('"name": "cooperation-reports"');
    }
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.address.address).toBe('127.0.0.1');
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  // Last: by now the page has been the index, previews that reloaded themselves and the error overlay.
  it('met no Content-Security-Policy violation on any page', () => {
    expect(violations).toEqual([]);
  });
});

/** A GET with the path exactly as written: no client-side normalising of "..". */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
