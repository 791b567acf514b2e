// Finds a Chromium-family browser and launches it locked down for printing:
// no network, no background services, a throwaway profile.
import { accessSync, constants, statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';
import { ReportError } from '../errors.ts';

export interface FoundBrowser {
  executablePath: string;
  source: 'setting' | 'env' | 'puppeteer' | 'path';
}

const INSTALL_HINT =
  'run `npm run setup`, or `npx puppeteer browsers install chrome`, or `sudo apt-get install chromium`, ' +
  'or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium executable';

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** In order: the explicit setting, PUPPETEER_EXECUTABLE_PATH, Puppeteer's download, then PATH. */
export function findBrowser(options: { executablePath?: string }): FoundBrowser {
  if (options.executablePath) {
    return { executablePath: existing(options.executablePath, 'the executablePath setting'), source: 'setting' };
  }
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) return { executablePath: existing(fromEnv, 'PUPPETEER_EXECUTABLE_PATH'), source: 'env' };

  // Puppeteer downloads either full Chrome or the smaller headless shell; both print.
  const managed = [puppeteer.executablePath(), puppeteer.executablePath({ headless: 'shell' })].find(isExecutable);
  if (managed) return { executablePath: managed, source: 'puppeteer' };

  for (const name of PATH_NAMES) {
    const found = findOnPath(name);
    if (found) return { executablePath: found, source: 'path' };
  }
  throw new ReportError('browser', 'no browser was found to print PDFs with', undefined, INSTALL_HINT);
}

export function findOnPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

function existing(path: string, origin: string): string {
  if (isExecutable(path)) return path;
  throw new ReportError(
    'browser',
    `${origin} names ${path}, which is not an executable file`,
    undefined,
    'correct the path, or unset it so that a browser is found automatically',
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const FLAGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  // Hinting depends on the machine's font settings; without it text is laid out the same everywhere.
  '--font-render-hinting=none',
  // Request interception misses prefetch and preconnect hints; with no proxy and no host
  // resolving (IP literals included), nothing can leave the machine.
  '--no-proxy-server',
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/**
 * Headless, over a pipe rather than a debugging port. Puppeteer creates a fresh
 * temporary profile and removes it when the browser process exits.
 */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  // The sandbox cannot start as root; anyone else keeps it.
  const args = process.getuid?.() === 0 ? [...FLAGS, '--no-sandbox'] : FLAGS;
  try {
    return await puppeteer.launch({
      executablePath,
      headless: basename(executablePath).startsWith('chrome-headless-shell') ? 'shell' : true,
      pipe: true,
      args,
      // The printer owns signal handling so it can remove the profile before exiting.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    throw new ReportError(
      'browser',
      `the browser at ${executablePath} did not start: ${firstLine(error)}`,
      undefined,
      `check that it runs: ${executablePath} --headless --version; otherwise ${INSTALL_HINT}`,
      { cause: error },
    );
  }
}

const CLOSE_MS = 5_000;

/**
 * Closes gracefully when the browser still answers, then kills whatever is left
 * of its process group, so no helper process outlives it. Resolves once the
 * profile is removed.
 */
export async function closeBrowser(browser: Browser, options: { force?: boolean } = {}): Promise<void> {
  if (options.force) killGroup(browser);
  const closed = browser.close().catch(() => undefined);
  if (!(await settlesWithin(closed, CLOSE_MS))) killGroup(browser);
  await closed;
  killGroup(browser);
}

function killGroup(browser: Browser): void {
  const pid = browser.process()?.pid;
  if (pid === undefined) return;
  try {
    // Puppeteer starts the browser as the leader of its own process group.
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
  const done = work.then(
    () => true,
    () => true,
  );
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}

export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
