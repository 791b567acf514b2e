// Self-contained HTML -> PDF in one shared headless Chromium. The browser starts
// (or, with a browser URL, is connected to: remote.ts) with the first job, is
// replaced (reconnected) once if it crashes, hangs or is lost, and may load
// nothing but data: URLs and the build's own assets, answered from memory, so a
// brief can never fetch or leak anything.
import { constants } from 'node:os';
import type { Browser, BrowserEvent, Page } from 'puppeteer';
import { ReportError } from '../errors.ts';
import { closeBrowser, findBrowser, firstLine, launchBrowser, settlesWithin } from './browser.ts';
import type { Asset } from '../html/styles.ts';
import { remoteBrowser, type RemoteBrowser } from './remote.ts';

export interface PdfJob {
  /** Output id, used in error messages. */
  id: string;
  html: string;
  /** How many documents' worth the job is (the publication gathers many): its deadline is that many timeouts. */
  size?: number;
  /** A print read only for where its pages break: untagged and without outline, which Chromium makes faster. */
  draft?: boolean;
}

export interface PdfPrinter {
  /** Jobs may run concurrently; they share one browser. */
  print(job: PdfJob): Promise<Uint8Array>;
  /** Starts the browser now, while the caller prepares its first job. */
  warm(): void;
  /** Ends the printer: the browser and its profile are gone once this resolves. */
  close(): Promise<void>;
}

/** How long a browser may take to answer before it counts as hung. */
const PROBE_MS = 5_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A Map of assets is one; a test may supply assets that arrive late, or never. */
export interface AssetSource {
  get(url: string): Asset | Promise<Asset> | undefined;
}

export interface PrinterOptions {
  executablePath?: string;
  /** A running browser's DevTools endpoint: connect to it instead of launching one. */
  browserUrl?: string;
  timeoutMs?: number;
  /** Files pages may load, by absolute URL, answered from memory (the briefs' fonts). */
  assets?: AssetSource;
}

export function createPdfPrinter(options: PrinterOptions = {}): PdfPrinter {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const assets = options.assets ?? new Map<string, Asset>();
  const remote = options.browserUrl === undefined ? undefined : remoteBrowser(options.browserUrl);
  let launching: Promise<Browser> | undefined;
  /** The browser `launching` resolved to; checked synchronously so concurrent jobs replace it once. */
  let live: Browser | undefined;
  let closing: Promise<void> | undefined;
  let closed = false;
  let guarded = false;

  const idleTabs = new WeakMap<Browser, Tab[]>();
  const tabsOf = (b: Browser) => idleTabs.get(b) ?? idleTabs.set(b, []).get(b)!;

  function browser(): Promise<Browser> {
    if (!launching) {
      guard();
      launching = (async () => (live = remote ? remember(await remote.connect()) : await launchBrowser(findBrowser(options).executablePath)))();
    }
    return launching;
  }

  async function replace(stale: Browser): Promise<void> {
    if (live === stale) {
      live = undefined;
      launching = undefined;
    }
    await release(stale, { force: true });
  }

  async function print(job: PdfJob): Promise<Uint8Array> {
    let failure: Failure | undefined;
    const stopped = (cause: unknown) =>
      new ReportError('render', `${job.id}: not printed, the PDF printer was closed`, undefined, undefined, { cause });
    for (let attempt = 1; attempt <= 2; attempt++) {
      // A job failing because of close() must neither be blamed on the document nor start a new browser.
      if (closed) throw stopped(failure?.error);
      const current = await browser();
      try {
        return await printOnce(current, tabsOf(current), job, timeoutMs * (job.size ?? 1), assets);
      } catch (error) {
        if (closed) throw stopped(error);
        failure = await diagnose(current, job, error, timeoutMs * (job.size ?? 1));
        if (failure.replace) await replace(current);
      }
    }
    throw new ReportError(
      'render',
      `${job.id}: gave up after two attempts: ${failure?.what}`,
      undefined,
      'run the build again; if it keeps failing, the document may exhaust memory or the browser is broken ' +
        '(try another one with PUPPETEER_EXECUTABLE_PATH)',
      { cause: failure?.error },
    );
  }

  function close(): Promise<void> {
    closing ??= shutDown().finally(() => {
      closing = undefined;
    });
    return closing;
  }

  async function shutDown(): Promise<void> {
    closed = true;
    const closingBrowser = launching;
    launching = undefined;
    live = undefined;
    try {
      // A launch still under way is awaited, so its browser is closed too.
      if (closingBrowser) await release(await closingBrowser);
    } catch {
      // The launch failed: nothing to close.
    } finally {
      unguard();
    }
  }

  // Closing on a signal removes the profile; then the signal is raised again so the
  // process ends the conventional way (exit status 128 + signal number).
  function onSignal(signal: NodeJS.Signals): void {
    // A second signal while closing: stop waiting; Puppeteer kills the browser on exit.
    if (closing) process.exit(128 + (constants.signals[signal] ?? 0));
    void close().then(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }

  function guard(): void {
    if (guarded) return;
    guarded = true;
    for (const signal of SIGNALS) process.on(signal, onSignal);
  }

  function unguard(): void {
    guarded = false;
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }

  // Launch failures surface again at the first print, where they name the job.
  const warm = () => void browser().catch(() => undefined);

  return { print, warm, close };
}

/** Browsers we connected to, by the Browser Puppeteer gives: they are left running, only our pages closed. */
const remotes = new WeakMap<Browser, RemoteBrowser>();

function remember(remote: RemoteBrowser): Browser {
  remotes.set(remote.browser, remote);
  return remote.browser;
}

function release(browser: Browser, options: { force?: boolean } = {}): Promise<void> {
  return remotes.get(browser)?.close() ?? closeBrowser(browser, options);
}

class JobTimeout extends Error {}
class PageCrash extends Error {}

interface Failure {
  error: unknown;
  /** What went wrong, for the final message. */
  what: string;
  /** Only an unresponsive browser is replaced; other jobs may still be running in it. */
  replace: boolean;
}

/** Decides whether a failed job deserves a second try; throws the job's error when it does not. */
async function diagnose(browser: Browser, job: PdfJob, error: unknown, timeoutMs: number): Promise<Failure> {
  if (error instanceof ReportError) throw error;
  const responsive = browser.connected && (await settlesWithin(browser.version(), PROBE_MS));
  if (error instanceof PageCrash) return { error, what: 'the page crashed', replace: !responsive };
  if (!responsive) {
    const what = error instanceof JobTimeout ? 'the browser stopped responding' : 'the browser crashed or disconnected';
    return { error, what, replace: true };
  }
  if (error instanceof JobTimeout) {
    throw new ReportError(
      'render',
      `${job.id}: loading and printing took longer than ${timeoutMs} ms`,
      undefined,
      'the document may be very large; split it or raise the timeout',
      { cause: error },
    );
  }
  throw new ReportError('render', `${job.id}: printing failed: ${firstLine(error)}`, undefined, undefined, { cause: error });
}

/**
 * A page set up once (no JavaScript, every request answered or refused) and
 * reused for job after job: opening and configuring a page costs more than
 * printing a one-page brief. Per-job state lives in `job`.
 */
interface Tab {
  page: Page;
  job?: { id: string; blocked: string[] };
}

const LOCAL_RESOURCE = /^Not allowed to load local resource: (\S+)/;

async function openTab(browser: Browser, assets: AssetSource): Promise<Tab> {
  const page = await (remotes.get(browser)?.newPage() ?? browser.newPage());
  const tab: Tab = { page };
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    const asset = assets.get(url);
    const allowed = url.startsWith('data:') || url === 'about:blank';
    if (!allowed && !asset) tab.job?.blocked.push(url);
    const answer = asset
      ? Promise.resolve(asset).then(({ contentType, body }) =>
          request.respond({
            status: 200,
            contentType,
            body,
            // The page's origin is about:blank: fonts from another origin need CORS.
            headers: { 'Cache-Control': 'max-age=31536000, immutable', 'Access-Control-Allow-Origin': '*' },
          }),
        )
      : allowed
        ? request.continue()
        : request.abort('blockedbyclient');
    // Rejects only when the page is already gone; nothing is left to answer then.
    void answer.catch(() => undefined);
  });
  // Chromium refuses file: and chrome: URLs before any request exists and only logs them.
  page.on('console', (message) => {
    const url = LOCAL_RESOURCE.exec(message.text())?.[1];
    if (url) tab.job?.blocked.push(url);
  });
  return tab;
}

async function printOnce(browser: Browser, tabs: Tab[], job: PdfJob, timeoutMs: number, assets: AssetSource): Promise<Uint8Array> {
  // The deadline covers opening the page too: a hung browser never opens one.
  const opened = tabs.pop() ?? openTab(browser, assets);
  let timedOut = false;
  let succeeded = false;
  let stopWatching = () => {};
  // Puppeteer's page loading notices neither a deadline nor a lost browser, so both are raced.
  const interrupted = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => {
      timedOut = true;
      reject(new JobTimeout(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const onDisconnected = () => reject(new Error('the browser disconnected'));
    // Puppeteer declares its event names as a const enum, which type imports cannot read.
    const disconnected = 'disconnected' as BrowserEvent.Disconnected;
    // on/off with one function: Puppeteer's `once` wraps the handler, so `off` could not remove it,
    // and every job's listeners (holding its HTML and PDF) would stay until the browser closes.
    browser.on(disconnected, onDisconnected);
    stopWatching = () => {
      clearTimeout(timer);
      browser.off(disconnected, onDisconnected);
    };
  });
  try {
    const pdf = await Promise.race([Promise.resolve(opened).then((tab) => render(tab, job)), interrupted]);
    succeeded = true;
    return pdf;
  } finally {
    stopWatching();
    const tab = await Promise.race([Promise.resolve(opened), interrupted.catch(() => undefined)]);
    if (tab) tab.job = undefined;
    // A page that printed is reused; one that failed may be broken and is closed.
    if (tab && succeeded) tabs.push(tab);
    else {
      const closed = Promise.resolve(opened).then((t) => t.page.close());
      // A hung or lost browser never confirms; it is killed instead.
      if (!timedOut && browser.connected) await settlesWithin(closed, PROBE_MS);
      else void closed.catch(() => undefined);
    }
  }
}

async function render(tab: Tab, job: PdfJob): Promise<Uint8Array> {
  const { page } = tab;
  const state = { id: job.id, blocked: [] as string[] };
  tab.job = state;
  let onCrash = (_: Error) => {};
  const crashed = new Promise<never>((_, reject) => {
    onCrash = (error) => reject(new PageCrash(error.message));
    page.on('error', onCrash);
  });
  const failIfBlocked = () => {
    const { blocked } = state;
    if (blocked.length === 0) return;
    const more = blocked.length > 1 ? ` (and ${blocked.length - 1} more)` : '';
    throw new ReportError(
      'render',
      `${job.id}: blocked request to ${blocked[0]}${more}`,
      undefined,
      'briefs must be self-contained: embed images as data: URIs and charts as inline SVG',
    );
  };

  const steps = async (): Promise<Uint8Array> => {
    // The job deadline covers load and print together, so Puppeteer's own timeouts are off.
    await page.setContent(job.html, { waitUntil: 'load', timeout: 0 });
    const brokenFonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === 'error').map((f) => `${f.family} ${f.weight} ${f.style}`);
    });
    failIfBlocked();
    // A font that fails would be replaced by a system font without a word: fail instead.
    if (brokenFonts.length > 0) throw new ReportError('render', `${job.id}: font ${brokenFonts[0]} failed to load`, undefined, 'check the fonts listed in templates/catalogue.yaml');
    const pdf = await page.pdf({
      printBackground: true,
      // Page size, margins and running heads come from the document's CSS @page rules.
      preferCSSPageSize: true,
      tagged: !job.draft,
      outline: !job.draft,
      timeout: 0,
    });
    failIfBlocked();
    if (!looksLikePdf(pdf)) {
      throw new ReportError('render', `${job.id}: the browser returned something that is not a PDF`, undefined, undefined);
    }
    return pdf;
  };
  try {
    return await Promise.race([steps(), crashed]);
  } finally {
    // The page is reused: no listener of this job may stay behind.
    page.off('error', onCrash);
  }
}

function looksLikePdf(bytes: Uint8Array): boolean {
  const latin1 = (from: number, to?: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  return latin1(0, 5) === '%PDF-' && latin1(Math.max(0, bytes.length - 32)).trimEnd().endsWith('%%EOF');
}
