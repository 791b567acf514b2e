// The printer against a real browser: valid A4 PDFs, nothing fetched, no page
// scripts, timeouts, recovery from a crashed or hung browser, and no process or
// profile left behind.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfPrinter, type PdfPrinter } from '../../src/pdf/printer.ts';
import { browserAvailable, moduleUrl, sampleHtml } from '../helpers/browsers.ts';
import { startCountingServer, type CountingServer } from '../helpers/counting-server.ts';
import { openPdf, pdfText } from '../helpers/read-pdf.ts';
import { browserProcesses, liveGroupMembers } from '../../src/pdf/processes.ts';
import { runScript } from '../helpers/run-node.ts';

const hasBrowser = browserAvailable();

/** The one browser this process runs; tests that need it alone start their own printer. */
function onlyBrowser() {
  const browsers = browserProcesses();
  expect(browsers).toHaveLength(1);
  return browsers[0]!;
}

function expectGone(browser: { pid: number; profile: string }): void {
  expect(liveGroupMembers(browser.pid)).toEqual([]);
  expect(existsSync(browser.profile)).toBe(false);
}

describe.skipIf(!hasBrowser)('PDF printer', () => {
  let printer: PdfPrinter;
  beforeAll(() => {
    printer = createPdfPrinter();
  });
  afterAll(() => printer.close());

  it('prints an A4 page with its text, running heads and page numbers', async () => {
    const pdf = await openPdf(await printer.print({ id: 'sample', html: sampleHtml() }));
    expect(pdf.numPages).toBe(1);
    const page = await pdf.getPage(1);
    // A4 is 595.28 x 841.89 pt; Chromium rounds to its own units.
    expect(page.view[2]).toBeCloseTo(595, 0);
    expect(page.view[3]).toBeCloseTo(842, 0);
    const text = await pdfText(pdf);
    for (const expected of ['Cooperation brief', 'Partners', 'Klaipėda', 'Sample brief', 'Page 1 of 1']) {
      expect(text).toContain(expected);
    }
  });

  it('prints jobs given at once in one browser', async () => {
    const jobs = ['a', 'b', 'c'].map((id) => printer.print({ id, html: sampleHtml(`<h1>Brief ${id}</h1>`) }));
    const texts = await Promise.all((await Promise.all(jobs)).map(async (bytes) => pdfText(await openPdf(bytes))));
    expect(texts.map((t) => /Brief (\w)/.exec(t)?.[1])).toEqual(['a', 'b', 'c']);
    onlyBrowser();
  });

  describe('with a local web server', () => {
    let server: CountingServer;
    beforeAll(async () => {
      server = await startCountingServer();
    });
    afterAll(() => server.close());

    it('fails a job that requests a web resource, names the URL, and sends nothing', async () => {
      // Preconnect and prefetch bypass request interception; the browser's flags stop them.
      const { url } = server;
      const html = sampleHtml(
        `<link rel="preconnect" href="${url}"><link rel="prefetch" href="${url}/prefetch">` +
          `<p>Logo</p><img src="${url}/x.png">`,
      );
      await expect(printer.print({ id: 'brief-with-logo', html })).rejects.toMatchObject({
        code: 'render',
        message: `brief-with-logo: blocked request to ${url}/x.png`,
      });
      // A preconnect would come late, if at all: give it time to show.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(server.connections()).toBe(0);
    });
  });

  it.each([
    ['an image', '<img src="file:///etc/hostname">', 'file:///etc/hostname'],
    ['a stylesheet', '<link rel="stylesheet" href="file:///tmp/brief.css">', 'file:///tmp/brief.css'],
    ['a web font', '<style>@font-face { font-family: X; src: url(https://fonts.example/x.woff2) } p { font-family: X }</style><p>x</p>', 'https://fonts.example/x.woff2'],
  ])('blocks %s outside data: URLs', async (_, body, blockedUrl) => {
    await expect(printer.print({ id: 'local', html: sampleHtml(body) })).rejects.toMatchObject({
      code: 'render',
      message: expect.stringContaining(`local: blocked request to ${blockedUrl}`),
    });
  });

  it('loads data: images and fonts', async () => {
    const pixel = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    const text = await pdfText(await openPdf(await printer.print({ id: 'data', html: sampleHtml(`<p>Pixel</p><img src="${pixel}">`) })));
    expect(text).toContain('Pixel');
  });

  it('does not run scripts in the page', async () => {
    const html = sampleHtml(
      `<script>document.title = 'ran'; document.body.append('SCRIPT RAN');</script><p>Static</p>` +
        `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="document.title = 'ran'">`,
    );
    const pdf = await openPdf(await printer.print({ id: 'scripted', html }));
    expect(await pdfText(pdf)).not.toContain('SCRIPT RAN');
    const { info } = await pdf.getMetadata();
    expect((info as { Title?: string }).Title).toBe('Sample brief');
  });
});

describe.skipIf(!hasBrowser)('PDF printer lifecycle', () => {
  it('starts no browser when nothing is printed', async () => {
    // A browser that does not exist would fail if a launch were attempted.
    const printer = createPdfPrinter({ executablePath: '/nonexistent/chromium' });
    await printer.close();
    expect(browserProcesses()).toEqual([]);
  });

  it.each([
    ['is missing', '/nonexistent/chromium', 'the executablePath setting names /nonexistent/chromium'],
    ['is not a browser', '/bin/false', 'the browser at /bin/false did not start'],
  ])('fails with a browser error when the configured browser %s', async (_, executablePath, message) => {
    const printer = createPdfPrinter({ executablePath });
    try {
      await expect(printer.print({ id: 'any', html: sampleHtml() })).rejects.toMatchObject({
        code: 'browser',
        message: expect.stringContaining(message),
      });
    } finally {
      await printer.close();
    }
  });

  it('fails a job that exceeds its time limit, naming the job', async () => {
    const printer = createPdfPrinter({ timeoutMs: 1 });
    try {
      await expect(printer.print({ id: 'slow-brief', html: sampleHtml() })).rejects.toMatchObject({
        code: 'render',
        message: 'slow-brief: loading and printing took longer than 1 ms',
      });
    } finally {
      await printer.close();
    }
  });

  it('replaces a browser that was killed between jobs', async () => {
    const printer = createPdfPrinter();
    try {
      await printer.print({ id: 'first', html: sampleHtml() });
      const killed = onlyBrowser();
      process.kill(killed.pid, 'SIGKILL');
      const text = await pdfText(await openPdf(await printer.print({ id: 'second', html: sampleHtml() })));
      expect(text).toContain('Cooperation brief');
      expect(onlyBrowser().pid).not.toBe(killed.pid);
      expectGone(killed);
    } finally {
      await printer.close();
    }
  });

  it('retries a job whose browser is killed while it runs', async () => {
    const printer = createPdfPrinter();
    try {
      await printer.print({ id: 'first', html: sampleHtml() });
      const killed = onlyBrowser();
      const job = printer.print({ id: 'second', html: sampleHtml() });
      process.kill(killed.pid, 'SIGKILL');
      expect(await pdfText(await openPdf(await job))).toContain('Cooperation brief');
      expectGone(killed);
    } finally {
      await printer.close();
    }
  });

  it('replaces a hung browser and retries the job once', async () => {
    const printer = createPdfPrinter({ timeoutMs: 2_000 });
    try {
      await printer.print({ id: 'first', html: sampleHtml() });
      const hung = onlyBrowser();
      process.kill(hung.pid, 'SIGSTOP');
      const text = await pdfText(await openPdf(await printer.print({ id: 'second', html: sampleHtml() })));
      expect(text).toContain('Cooperation brief');
      expectGone(hung);
    } finally {
      await printer.close();
    }
  });

  it('leaves no browser process and no profile after close', async () => {
    const printer = createPdfPrinter();
    await printer.print({ id: 'one', html: sampleHtml() });
    const browser = onlyBrowser();
    expect(existsSync(browser.profile)).toBe(true);
    await printer.close();
    expect(browserProcesses()).toEqual([]);
    expectGone(browser);
  });

  it('fails a job still printing when closed, and starts no new browser for it', async () => {
    const printer = createPdfPrinter();
    await printer.print({ id: 'warm-up', html: sampleHtml() });
    const long = sampleHtml('<p>A paragraph of a long brief.</p>'.repeat(20_000));
    const failed = expect(printer.print({ id: 'long-brief', html: long })).rejects.toMatchObject({
      code: 'render',
      message: 'long-brief: not printed, the PDF printer was closed',
    });
    await printer.close();
    await failed;
    expect(browserProcesses()).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('on %s closes the browser, removes the profile and ends by the signal', async (signal) => {
    // In a child process, because the signal ends the process that receives it.
    const run = await runScript(`
      import { createPdfPrinter } from ${JSON.stringify(moduleUrl('src/pdf/printer.ts'))};
      import { browserProcesses } from ${JSON.stringify(moduleUrl('src/pdf/processes.ts'))};
      const printer = createPdfPrinter();
      await printer.print({ id: 'x', html: '<p>x</p>' });
      console.log(JSON.stringify(browserProcesses()));
      setInterval(() => {}, 1000);
      process.kill(process.pid, ${JSON.stringify(signal)});
    `);
    expect(run.signal).toBe(signal);
    const browsers = JSON.parse(run.stdout) as { pid: number; profile: string }[];
    expect(browsers).toHaveLength(1);
    expectGone(browsers[0]!);
  });
});

describe.skipIf(!hasBrowser)('PDF printer memory (regression)', () => {
  it('keeps no job reachable once it is printed', async () => {
    // Listeners left behind by Puppeteer's `once` held every job, and with it its HTML and PDF,
    // until the browser closed. How much memory that costs is soak's to measure (npm run soak).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const printer = createPdfPrinter();
    const printed: WeakRef<object>[] = [];
    try {
      for (const id of ['a', 'b', 'c', 'd']) {
        const job = { id, html: sampleHtml(`<p>${id}</p>`) };
        printed.push(new WeakRef(job));
        await printer.print(job);
      }
      // A WeakRef holds its target until the current task ends.
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
      // The page may hold on to the last job until the next: that one is left out.
      expect(printed.slice(0, -1).map((ref) => (ref.deref() === undefined ? 'collected' : 'reachable'))).toEqual(['collected', 'collected', 'collected']);
    } finally {
      await printer.close();
    }
  });
});
