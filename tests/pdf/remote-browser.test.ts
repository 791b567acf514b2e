// `--browser-url`: printing in a browser someone else runs. A local Chromium
// listens on 127.0.0.1 with a DevTools port and already has a page of another
// user open; the build connects, prints with the guarantees of a launched
// browser (no scripts, nothing fetched, a deadline, a lost connection tried
// again once), and leaves that browser running with its page and none of ours.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../src/html/styles.ts';
import { findBrowser } from '../../src/pdf/browser.ts';
import { createPdfPrinter } from '../../src/pdf/printer.ts';
import { browserAvailable, sampleHtml } from '../helpers/browsers.ts';
import { startCountingServer } from '../helpers/counting-server.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';
import { openPdf, pdfText } from '../helpers/read-pdf.ts';
import { runMain } from '../helpers/run-main.ts';

const hasBrowser = browserAvailable();

describe.skipIf(!hasBrowser)('a remote browser (--browser-url)', () => {
  let dir: string;
  let chromium: ChildProcess;
  /** ws://127.0.0.1:PORT/devtools/browser/ID */
  let endpoint: string;
  let port: number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coop-remote-'));
    const flags = ['--headless', '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${join(dir, 'profile')}`, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
    if (process.getuid?.() === 0) flags.push('--no-sandbox');
    chromium = spawn(findBrowser({}).executablePath, [...flags, 'about:blank'], { stdio: 'ignore' });
    // Chromium writes the port it chose and the browser's path into the profile.
    for (let tries = 0; ; tries++) {
      const active = await readFile(join(dir, 'profile', 'DevToolsActivePort'), 'utf8').catch(() => '');
      const [portLine, path] = active.split('\n');
      if (path) {
        port = Number(portLine);
        endpoint = `ws://127.0.0.1:${port}${path}`;
        break;
      }
      if (tries > 200) throw new Error('Chromium did not open its DevTools port');
      await new Promise((r) => setTimeout(r, 50));
    }
    // Another user's page, which the build must leave open.
    const other = await puppeteer.connect({ browserWSEndpoint: endpoint });
    const page = await other.newPage();
    await page.setContent('<title>someone else</title>');
    await other.disconnect();
  });

  afterAll(async () => {
    if (chromium?.exitCode === null) {
      chromium.kill('SIGKILL');
      await once(chromium, 'exit');
    }
    await rm(dir, { recursive: true, force: true });
  });

  /** The pages the browser has open, by title; it still runs. */
  async function openPages(): Promise<string[]> {
    expect(chromium.exitCode).toBeNull();
    const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { type: string; title: string; url: string }[];
    return list.filter((t) => t.type === 'page').map((t) => t.title || t.url).sort();
  }

  it('builds PDFs in it, equal to a launched browser\'s, and leaves it running with only the other user\'s pages', async () => {
    const before = await openPages();
    expect(before).toContain('someone else');
    const remote = join(dir, 'out-remote');
    const launched = join(dir, 'out-launched');
    const args = ['build', '--data', FIXTURE_DATA, '--locale', 'en', '--only', 'project/red'];
    const run = await runMain([...args, '--out', remote, '--browser-url', `http://127.0.0.1:${port}`]);
    expect(run.code, run.stderr).toBe(0);
    expect(await runMain([...args, '--out', launched]).then((r) => r.code)).toBe(0);
    const pdf = await readFile(join(remote, 'en/projects/red.pdf'));
    expect(pdf.equals(await readFile(join(launched, 'en/projects/red.pdf')))).toBe(true);
    expect(await openPages()).toEqual(before);
  });

  it('refuses an endpoint that is not ws:// or http://, and names one that does not answer', async () => {
    const bad = await runMain(['build', '--data', FIXTURE_DATA, '--out', join(dir, 'unused'), '--browser-url', '127.0.0.1:9222']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--browser-url must be a ws:\/\/ or http:\/\/ DevTools endpoint, got "127\.0\.0\.1:9222"/)]);
    const printer = createPdfPrinter({ browserUrl: 'http://127.0.0.1:1' });
    try {
      await expect(printer.print({ id: 'nowhere', html: sampleHtml() })).rejects.toMatchObject({ code: 'browser', message: expect.stringMatching(/^cannot connect to the browser at http:\/\/127\.0\.0\.1:1/), hint: expect.stringMatching(/json\/version/) });
    } finally {
      await printer.close();
    }
  });

  it('runs no page script and fetches nothing', async () => {
    const before = await openPages();
    const server = await startCountingServer();
    const printer = createPdfPrinter({ browserUrl: endpoint });
    try {
      const html = sampleHtml('<p id="x">static text</p><script>document.getElementById("x").textContent = "script ran"</script>');
      const text = await pdfText(await openPdf(await printer.print({ id: 'scripted', html })));
      expect(text).toContain('static text');
      expect(text).not.toContain('script ran');
      await expect(printer.print({ id: 'leaky', html: sampleHtml(`<img src="${server.url}/leak.png"><link rel="preconnect" href="${server.url}">`) })).rejects.toThrow(/leaky: blocked request to http:\/\/127\.0\.0\.1/);
      expect([server.requests, server.connections()]).toEqual([[], 0]);
    } finally {
      await printer.close();
      await server.close();
    }
    expect(await openPages()).toEqual(before);
  });

  it('gives a document its deadline, and tries once more over a new connection when the old one is lost', async () => {
    const before = await openPages();
    // The DevTools connection runs through a proxy the test can cut.
    const sockets = new Set<Socket>();
    const proxy: Server = createServer((client) => {
      const upstream = connect(port, '127.0.0.1');
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const via = endpoint.replace(`:${port}/`, `:${(proxy.address() as { port: number }).port}/`);
    const style = 'https://assets.invalid/style.css';
    let asked = 0;
    const printer = createPdfPrinter({
      browserUrl: via,
      timeoutMs: 3_000,
      assets: {
        get(url: string): Promise<Asset> | undefined {
          if (url !== style) return undefined;
          asked++;
          // The first time the connection is lost mid-document; then the asset arrives.
          if (asked === 1) {
            for (const s of sockets) s.destroy();
            return new Promise(() => {});
          }
          return Promise.resolve({ contentType: 'text/css', body: Buffer.from('p { color: #222 }') });
        },
      },
    });
    try {
      const pdf = await printer.print({ id: 'reconnected', html: sampleHtml(`<link rel="stylesheet" href="${style}"><p>printed</p>`) });
      expect(asked).toBe(2);
      expect(await pdfText(await openPdf(pdf))).toContain('printed');
      const never = createPdfPrinter({ browserUrl: endpoint, timeoutMs: 1_500, assets: { get: (url) => (url === style ? new Promise<Asset>(() => {}) : undefined) } });
      await expect(never.print({ id: 'stuck', html: sampleHtml(`<link rel="stylesheet" href="${style}">`) })).rejects.toThrow(/stuck: loading and printing took longer than 1500 ms/);
      await never.close();
    } finally {
      await printer.close();
      await new Promise((r) => proxy.close(r));
    }
    expect(await openPages()).toEqual(before);
  });
});
