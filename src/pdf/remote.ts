// A browser someone else runs (a browserless pool, Chrome in a container),
// reached at its DevTools endpoint (`--browser-url`). The build works in a
// browser context of its own, so its pages are the only ones it sees and the
// only ones it closes; it disconnects at the end and never closes the browser.
// A context left behind by a lost connection is closed by the next one.
// The locks of a launched browser that are flags (no proxy, no name
// resolution) cannot be set on a running one: the context gets a proxy that
// does not exist instead, so anything that slips past request interception
// (a prefetch, a preconnect) goes nowhere.
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer';
import { ReportError } from '../errors.ts';
import { firstLine, settlesWithin } from './browser.ts';

/** The browser machine's own discard port, where nothing normally listens: no request sent through it reaches a host. */
const NOWHERE = 'http://127.0.0.1:9';
const CLOSE_MS = 5_000;

/** A ws:// (the browser's WebSocket) or http:// (its /json/version) DevTools endpoint, or a usage error. */
export function browserEndpoint(url: string): { browserWSEndpoint: string } | { browserURL: string } {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol === 'ws:' || protocol === 'wss:') return { browserWSEndpoint: url };
  if (protocol === 'http:' || protocol === 'https:') return { browserURL: url };
  throw new ReportError('usage', `--browser-url must be a ws:// or http:// DevTools endpoint, got "${url}"`, undefined, 'e.g. --browser-url http://127.0.0.1:9222 (a Chrome started with --remote-debugging-port=9222)');
}

export interface RemoteBrowser {
  browser: Browser;
  newPage(): Promise<Page>;
  /** Closes our pages (our context) and disconnects; the browser keeps running. */
  close(): Promise<void>;
}

/** Connections to the browser at `url`, one after another as connections get lost. */
export function remoteBrowser(url: string): { connect(): Promise<RemoteBrowser> } {
  // Contexts of lost connections: the browser keeps them, and their pages, until someone closes them.
  const orphaned = new Set<string>();
  return {
    async connect() {
      const remote = await connectBrowser(url, orphaned);
      const left = remote.browser.browserContexts().filter((c) => orphaned.has(c.id ?? ''));
      await Promise.all(left.map((c) => settlesWithin(c.close(), CLOSE_MS)));
      for (const c of left) orphaned.delete(c.id ?? '');
      return remote;
    },
  };
}

async function connectBrowser(url: string, orphaned: Set<string>): Promise<RemoteBrowser> {
  let browser: Browser;
  try {
    browser = await puppeteer.connect({ ...browserEndpoint(url), defaultViewport: null });
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError('browser', `cannot connect to the browser at ${url}: ${firstLine(error)}`, undefined, `check that it runs and listens there (curl ${url.replace(/^ws/, 'http')}/json/version), or leave out --browser-url and COOPERATION_REPORTS_BROWSER_URL to launch one`, { cause: error });
  }
  let context: BrowserContext;
  try {
    context = await browser.createBrowserContext({ proxyServer: NOWHERE });
  } catch (error) {
    await browser.disconnect().catch(() => undefined);
    throw new ReportError('browser', `the browser at ${url} gave no browser context: ${firstLine(error)}`, undefined, 'the endpoint must be a whole browser, not one page of it', { cause: error });
  }
  return {
    browser,
    newPage: () => context.newPage(),
    async close() {
      if (browser.connected) await settlesWithin(context.close(), CLOSE_MS);
      else if (context.id) orphaned.add(context.id);
      await browser.disconnect().catch(() => undefined);
    },
  };
}
