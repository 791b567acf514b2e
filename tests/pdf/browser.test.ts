// Browser discovery: which executable wins, and what the user is told when there is none.
// Puppeteer reads its cache folder once, at import, so the cases that reach
// Puppeteer's download or PATH run in a child process with a controlled environment.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReportError } from '../../src/errors.ts';
import { findBrowser } from '../../src/pdf/browser.ts';
import { runScript } from '../helpers/run-node.ts';
import { moduleUrl } from '../helpers/browsers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'browser-discovery-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

async function fakeBrowser(path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, '#!/bin/sh\nexit 0\n');
  await chmod(path, 0o755);
  return path;
}

/** findBrowser({}) in a child whose PATH and Puppeteer cache are folders of this test. */
async function findInChild(env: { PATH: string }): Promise<Record<string, unknown>> {
  const run = await runScript(
    `import { findBrowser } from ${JSON.stringify(moduleUrl('src/pdf/browser.ts'))};
     try { console.log(JSON.stringify(findBrowser({}))); }
     catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, hint: e.hint })); }`,
    { env: { ...env, HOME: dir, PUPPETEER_CACHE_DIR: join(dir, 'cache') }, cwd: dir },
  );
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** Where Puppeteer looks for its own downloads, given this test's cache folder. */
async function managedPaths(): Promise<{ chrome: string; shell: string }> {
  const run = await runScript(
    `import puppeteer from 'puppeteer';
     console.log(JSON.stringify({ chrome: puppeteer.executablePath(), shell: puppeteer.executablePath({ headless: 'shell' }) }));`,
    { env: { PATH: '', HOME: dir, PUPPETEER_CACHE_DIR: join(dir, 'cache') } },
  );
  return JSON.parse(run.stdout) as { chrome: string; shell: string };
}

describe('findBrowser', () => {
  it('prefers the explicit setting, then PUPPETEER_EXECUTABLE_PATH', async () => {
    const setting = await fakeBrowser(join(dir, 'setting', 'chrome'));
    const fromEnv = await fakeBrowser(join(dir, 'env', 'chrome'));
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', fromEnv);
    expect(findBrowser({ executablePath: setting })).toEqual({ executablePath: setting, source: 'setting' });
    expect(findBrowser({})).toEqual({ executablePath: fromEnv, source: 'env' });
  });

  it('names a setting or PUPPETEER_EXECUTABLE_PATH that points to no executable', async () => {
    const missing = join(dir, 'nowhere', 'chrome');
    expect(() => findBrowser({ executablePath: missing })).toThrow(ReportError);
    expect(() => findBrowser({ executablePath: missing })).toThrow(
      expect.objectContaining({ code: 'browser', message: expect.stringContaining(missing) }),
    );
    await writeFile(join(dir, 'not-executable'), '');
    vi.stubEnv('PUPPETEER_EXECUTABLE_PATH', join(dir, 'not-executable'));
    expect(() => findBrowser({})).toThrow(/PUPPETEER_EXECUTABLE_PATH names .*not-executable, which is not an executable file/);
  });

  it.each(['chrome', 'shell'] as const)("uses Puppeteer's downloaded %s before PATH", async (kind) => {
    const managed = await fakeBrowser((await managedPaths())[kind]);
    const bin = join(dir, 'bin');
    await fakeBrowser(join(bin, 'chromium'));
    expect(await findInChild({ PATH: bin })).toEqual({ executablePath: managed, source: 'puppeteer' });
  });

  it('searches PATH for chromium, chromium-browser, google-chrome, google-chrome-stable in that order', async () => {
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    await fakeBrowser(join(first, 'google-chrome'));
    await fakeBrowser(join(second, 'chromium-browser'));
    // Not executable, so not a browser.
    await mkdir(first, { recursive: true });
    await writeFile(join(first, 'chromium'), '');
    expect(await findInChild({ PATH: `${first}:${second}` })).toEqual({
      executablePath: join(second, 'chromium-browser'),
      source: 'path',
    });
  });

  it('fails with install instructions when there is no browser anywhere', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty);
    const result = await findInChild({ PATH: empty });
    expect(result).toMatchObject({ code: 'browser', message: 'no browser was found to print PDFs with' });
    for (const instruction of [
      'npm run setup',
      'npx puppeteer browsers install chrome',
      'sudo apt-get install chromium',
      'PUPPETEER_EXECUTABLE_PATH',
    ]) {
      expect(result.hint).toContain(instruction);
    }
  });
});
