// Self-contained HTML -> PDF in one shared headless Chromium. The browser starts
// with the first job, is replaced once if it crashes or hangs, and may load
// nothing but data: URLs, so a brief can never fetch or leak anything.
import { constants } from 'node:os';
import type { Browser, BrowserEvent, Page } from 'puppeteer';
import { ReportError } from '../errors.ts';
import { closeBrowser, findBrowser, firstLine, launchBrowser, settlesWithin } from './browser.ts';

export interface PdfJob {
  /** Output id, used in error messages. */
  id: string;
  html: string;
}

export interface PdfPrinter {
  /** Jobs may run concurrently; they share one browser. */
  print(job: PdfJob): Promise<Uint8Array>;
  /** Ends the printer: the browser and its profile are gone once this resolves. */
  close(): Promise<void>;
}

/** How long a browser may take to answer before it counts as hung. */
const PROBE_MS = 5_000;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function createPdfPrinter(options: { executablePath?: string; timeoutMs?: number } = {}): PdfPrinter {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let launching: Promise<Browser> | undefined;
  /** The browser `launching` resolved to; checked synchronously so concurrent jobs replace it once. */
  let live: Browser | undefined;
  let closing: Promise<void> | undefined;
  let closed = false;
  let guarded = false;

  function browser(): Promise<Browser> {
    if (!launching) {
      guard();
      launching = (async () => (live = await launchBrowser(findBrowser(options).executablePath)))();
    }
    return launching;
  }

  async function replace(stale: Browser): Promise<void> {
    if (live === stale) {
      live = undefined;
      launching = undefined;
    }
    await closeBrowser(stale, { force: true });
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
        return await printOnce(current, job, timeoutMs);
      } catch (error) {
        if (closed) throw stopped(error);
        failure = await diagnose(current, job, error, timeoutMs);
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
      if (closingBrowser) await closeBrowser(await closingBrowser);
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

  return { print, close };
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

async function printOnce(browser: Browser, job: PdfJob, timeoutMs: number): Promise<Uint8Array> {
  // The deadline covers opening the page too: a hung browser never opens one.
  const opened = browser.newPage();
  let timedOut = false;
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
    browser.once(disconnected, onDisconnected);
    stopWatching = () => {
      clearTimeout(timer);
      browser.off(disconnected, onDisconnected);
    };
  });
  try {
    return await Promise.race([opened.then((page) => render(page, job)), interrupted]);
  } finally {
    stopWatching();
    const closed = opened.then((page) => page.close());
    // A hung or lost browser never confirms; it is killed instead.
    if (!timedOut && browser.connected) await settlesWithin(closed, PROBE_MS);
    else void closed.catch(() => undefined);
  }
}

const LOCAL_RESOURCE = /^Not allowed to load local resource: (\S+)/;

async function render(page: Page, job: PdfJob): Promise<Uint8Array> {
  const blocked: string[] = [];
  const crashed = new Promise<never>((_, reject) => page.once('error', (error) => reject(new PageCrash(error.message))));
  const failIfBlocked = () => {
    if (blocked.length === 0) return;
    const more = blocked.length > 1 ? ` (and ${blocked.length - 1} more)` : '';
    throw new ReportError(
      'render',
      `${job.id}: blocked request to ${blocked[0]}${more}`,
      undefined,
      'briefs must be self-contained: embed fonts and images as data: URIs and charts as inline SVG',
    );
  };

  const steps = async (): Promise<Uint8Array> => {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      const allowed = url.startsWith('data:') || url === 'about:blank';
      if (!allowed) blocked.push(url);
      // Rejects only when the page is already gone; nothing is left to allow or block then.
      void (allowed ? request.continue() : request.abort('blockedbyclient')).catch(() => undefined);
    });
    // Chromium refuses file: and chrome: URLs before any request exists and only logs them.
    page.on('console', (message) => {
      const url = LOCAL_RESOURCE.exec(message.text())?.[1];
      if (url) blocked.push(url);
    });

    // The job deadline covers load and print together, so Puppeteer's own timeouts are off.
    await page.setContent(job.html, { waitUntil: 'load', timeout: 0 });
    // Page scripts are disabled, but Puppeteer can still evaluate; webfonts may finish after load.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    failIfBlocked();
    const pdf = await page.pdf({
      printBackground: true,
      // Page size, margins and running heads come from the document's CSS @page rules.
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      timeout: 0,
    });
    failIfBlocked();
    if (!looksLikePdf(pdf)) {
      throw new ReportError('render', `${job.id}: the browser returned something that is not a PDF`, undefined, undefined);
    }
    return pdf;
  };
  return await Promise.race([steps(), crashed]);
}

function looksLikePdf(bytes: Uint8Array): boolean {
  const latin1 = (from: number, to?: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');
  return latin1(0, 5) === '%PDF-' && latin1(Math.max(0, bytes.length - 32)).trimEnd().endsWith('%%EOF');
}
