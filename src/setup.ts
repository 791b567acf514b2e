// `npm run setup`: makes sure a browser for PDF output exists, installing one
// when it can, and checks that it starts. Safe as an npm postinstall: it never
// fails an install; only with --strict (for CI) does a missing browser exit 1.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReportError, formatError } from './errors.ts';
import { closeBrowser, findBrowser, findOnPath, launchBrowser, type FoundBrowser } from './pdf/browser.ts';

const SOURCES: Record<FoundBrowser['source'], string> = {
  setting: 'the executablePath setting',
  env: 'PUPPETEER_EXECUTABLE_PATH',
  puppeteer: "Puppeteer's download",
  path: 'PATH',
};

const log = (line: string) => console.log(`setup: ${line}`);
let lastError: ReportError | undefined;

function find(): FoundBrowser | undefined {
  try {
    return findBrowser({});
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    lastError = error;
    return undefined;
  }
}

/** Puppeteer's pinned Chrome Headless Shell: smaller than Chrome, and all PDF output needs. */
function installWithPuppeteer(): boolean {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('puppeteer/package.json');
  const { bin } = require(manifest) as { bin: string };
  log('downloading a browser: npx puppeteer browsers install chrome-headless-shell');
  return run(process.execPath, [join(dirname(manifest), bin), 'browsers', 'install', 'chrome-headless-shell']);
}

/** Debian's Chromium, as root, or in CI through passwordless sudo. */
function installWithApt(): boolean {
  const root = process.getuid?.() === 0;
  const sudo = !root && process.env.CI === 'true' && findOnPath('sudo') !== undefined;
  if (!findOnPath('apt-get') || !(root || sudo)) return false;
  const apt = (...args: string[]) => (sudo ? run('sudo', ['-n', 'apt-get', ...args]) : run('apt-get', args));
  return apt('update') && apt('install', '-y', 'chromium');
}

function run(file: string, args: string[]): boolean {
  if (file !== process.execPath) log(`running: ${[file, ...args].join(' ')}`);
  // Ten minutes is plenty for a download; an unreachable network must not hang an install.
  const result = spawnSync(file, args, { stdio: 'inherit', timeout: 10 * 60_000 });
  if (result.status !== 0) log(`that failed${result.error ? `: ${result.error.message}` : ''}`);
  return result.status === 0;
}

async function starts(executablePath: string): Promise<boolean> {
  try {
    await closeBrowser(await launchBrowser(executablePath));
    return true;
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    console.error(formatError(error));
    return false;
  }
}

async function setup(): Promise<boolean> {
  let found = find();
  // A wrong PUPPETEER_EXECUTABLE_PATH overrides anything installed, so installing would not help.
  if (!found && !process.env.PUPPETEER_EXECUTABLE_PATH) {
    found = (installWithPuppeteer() ? find() : undefined) ?? (installWithApt() ? find() : undefined);
  }
  if (!found) {
    if (lastError) console.error(formatError(lastError));
    return false;
  }
  log(`browser for PDF output: ${found.executablePath} (from ${SOURCES[found.source]})`);
  if (!(await starts(found.executablePath))) return false;
  log('it starts; PDF output is ready');
  return true;
}

const strict = process.argv.includes('--strict');
const ready = await setup().catch((error: unknown) => {
  console.error(`setup: ${error instanceof Error ? error.message : String(error)}`);
  return false;
});
if (!ready) log('PDF output needs a browser; validation and Excel output work without one');
process.exitCode = strict && !ready ? 1 : 0;
