// Faults, each checked to have happened: a document that never loads, a
// browser killed mid-build, a build killed while it writes, two builds at once,
// an unwritable target, no browser at all, and a template that reaches for the
// network.
import { existsSync, readdirSync, watch } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/build.ts';
import { PROJECT_ROOT, resolveConfig } from '../../src/config.ts';
import { sha256 } from '../../src/output/fingerprint.ts';
import { TEMP_MARK } from '../../src/output/write-atomic.ts';
import { createPdfPrinter } from '../../src/pdf/printer.ts';
import { browserProcesses, browsersUnder, liveGroupMembers } from '../../src/pdf/processes.ts';
import { startCountingServer, type CountingServer } from '../helpers/counting-server.ts';
import { FIXTURE_DATA, fixtureConfig } from '../helpers/fixture.ts';
import { expectManifestMatches, outputFiles, readManifestJson } from '../helpers/manifest.ts';
import { openPdf } from '../helpers/read-pdf.ts';
import { runCli, type NodeRun } from '../helpers/run-node.ts';

const scratch: string[] = [];
const tempDir = async (name: string) => {
  const dir = await mkdtemp(join(tmpdir(), `coop-${name}-`));
  scratch.push(dir);
  return dir;
};
afterAll(() => Promise.all(scratch.map((d) => rm(d, { recursive: true, force: true }))));

const waitFor = async (check: () => boolean, ms: number) => {
  for (const until = Date.now() + ms; Date.now() < until && !check(); ) await new Promise((r) => setTimeout(r, 100));
  return check();
};

/**
 * Calls `onCreated` with the path (relative to `dir`) of each temporary file
 * process `pid` creates in `dir` or a folder below it that exists now, as the
 * kernel reports it; returns `stop`. One watcher per folder: Node's recursive
 * watching on Linux compares listings and misses a file that comes and goes
 * between two.
 */
function watchTempFiles(dir: string, pid: number, onCreated: (path: string) => void): () => void {
  const seen = new Set<string>();
  const folders = ['', ...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => relative(dir, join(e.parentPath, e.name)))];
  const watchers = folders.map((folder) =>
    watch(join(dir, folder), (_, name) => {
      const path = join(folder, name ?? '');
      // The rename away from the temporary name is reported under that name too: only the first event counts.
      if (!name?.includes(`${TEMP_MARK}${pid}-`) || seen.has(path)) return;
      seen.add(path);
      onCreated(path);
    }),
  );
  return () => watchers.forEach((w) => w.close());
}

describe('a document that never finishes loading', () => {
  it('fails at its timeout naming the output, while the others print, and leaves no browser', async () => {
    const never = 'https://assets.invalid/never.woff2';
    const asked: string[] = [];
    const assets = {
      get: (url: string) => {
        if (url !== never) return undefined;
        asked.push(url);
        return new Promise<never>(() => {});
      },
    };
    const printer = createPdfPrinter({ timeoutMs: 3_000, assets });
    const page = (body: string) => `<!DOCTYPE html><html><head><style>@page { size: A4 }</style></head><body>${body}</body></html>`;
    const hanging = page(`<style>@font-face { font-family: X; src: url(${never}) }</style><p style="font-family: X">never</p>`);
    const results = await Promise.allSettled([
      printer.print({ id: 'en/project/a', html: page('<p>a</p>') }),
      printer.print({ id: 'en/overview', html: hanging }),
      printer.print({ id: 'en/project/b', html: page('<p>b</p>') }),
    ]);
    await printer.close();
    // The fault: the font was asked for, once, and never answered.
    expect(asked).toEqual([never]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'render', message: 'en/overview: loading and printing took longer than 3000 ms' });
    expect(browserProcesses()).toEqual([]);
  });
});

describe('Chromium killed in the middle of a build', () => {
  it('is replaced, the document tried again, and the build completes', async () => {
    const out = await tempDir('killed-browser');
    const killed: number[] = [];
    const afterKill: string[] = [];
    const result = await build(fixtureConfig({ out }), {
      locales: ['en'],
      concurrency: 1,
      onOutput: (event) => {
        if (killed.length > 0) return void afterKill.push(event.kind);
        for (const { pid } of browserProcesses()) {
          process.kill(pid, 'SIGKILL');
          killed.push(pid);
        }
      },
    });
    // The fault: one browser killed, with PDFs still to print.
    expect(killed).toHaveLength(1);
    expect(afterKill).toContain('pdf');
    expect(liveGroupMembers(killed[0]!)).toEqual([]);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    expect(result.built).toHaveLength(10 + 23); // briefs, publication, workbook, open data
    expect(browserProcesses()).toEqual([]);
  });
});

describe('the build process killed while it writes', () => {
  // Every output exists in two complete versions, built under two dates: the
  // builds that are killed write the second over the first.
  const [BEFORE, AFTER] = ['1136073600', '1167609600'];
  let data: string;
  let out: string;
  const versions: Map<string, string>[] = [];

  const buildUnder = async (epoch: string, config: ReturnType<typeof resolveConfig>) => {
    vi.stubEnv('SOURCE_DATE_EPOCH', epoch);
    try {
      const result = await build(config, { locales: ['en'] });
      expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  };

  beforeAll(async () => {
    data = await tempDir('sigkill-data');
    await cp(FIXTURE_DATA, data, { recursive: true });
    const reference = await tempDir('sigkill-reference');
    await buildUnder(AFTER, resolveConfig({ data, out: reference }));
    out = await tempDir('sigkill-out');
    await buildUnder(BEFORE, resolveConfig({ data, out }));
    versions.push(await expectManifestMatches(out), await expectManifestMatches(reference));
    expect([...versions[0]!.keys()]).toEqual([...versions[1]!.keys()]);
    // Every PDF and workbook carries the date, so the two versions differ in each (the open data holds none).
    expect([...versions[0]!].filter(([path, hash]) => /\.(pdf|xlsx)$/.test(path) && versions[1]!.get(path) === hash)).toEqual([]);
  });

  /**
   * Starts a forced build and kills it while it writes the temporary file that
   * `target` picks (it is told each one's path and how many came before): the
   * process is stopped the moment the file appears and killed if the file is
   * still there, so not yet renamed into place. Returns that file's path.
   */
  async function killWhileWriting(target: (path: string, before: number) => boolean): Promise<string> {
    // Its own temporary folder: the killed build's browser is found by its profile's path.
    const tmp = await tempDir('sigkill-tmp');
    const run = runCli(['build', '--locale', 'en', '--data', data, '--out', out, '--force'], { env: { ...process.env, SOURCE_DATE_EPOCH: AFTER, TMPDIR: tmp } });
    const pid = run.child.pid!;
    let created = 0;
    let killedAt: string | undefined;
    const stop = watchTempFiles(out, pid, (path) => {
      if (killedAt !== undefined || !target(path, created++)) return;
      process.kill(pid, 'SIGSTOP');
      if (existsSync(join(out, path))) {
        killedAt = path;
        process.kill(pid, 'SIGKILL');
      } else {
        // Renamed before the stop arrived: let it go on to the next file.
        process.kill(pid, 'SIGCONT');
      }
    });
    const ended = await run;
    stop();
    // The fault: killed, by this test, while that file was being written.
    expect(killedAt, `the build ended (${ended.code}) before a write could be interrupted`).toBeDefined();
    expect(ended.signal).toBe('SIGKILL');
    expect(existsSync(join(out, killedAt!))).toBe(true);
    // The browser of a killed build sees its pipe close and exits.
    expect(await waitFor(() => browsersUnder(tmp).length === 0, 10_000)).toBe(true);
    return killedAt!;
  }

  /** Every output is whole: one of its two complete versions, a PDF that parses; the manifest lists them all. */
  async function expectWholeOutputs(): Promise<void> {
    expect(await outputFiles(out)).toEqual([...versions[0]!.keys()].sort());
    for (const path of versions[0]!.keys()) {
      const bytes = await readFile(join(out, path));
      expect([versions[0]!.get(path), versions[1]!.get(path)], path).toContain(sha256(bytes));
      if (path.endsWith('.pdf')) expect((await openPdf(new Uint8Array(bytes))).numPages, path).toBeGreaterThan(0);
    }
    expect((await readManifestJson(out)).outputs.map((o) => o.path).sort()).toEqual([...versions[0]!.keys()].sort());
  }

  it('leaves every output whole when killed writing the first output, the fifth, or the manifest; the next build repairs the rest', async () => {
    const isOutput = (path: string) => /\.(pdf|xlsx)\.tmp-/.test(path);
    let outputsSeen = 0;
    expect(await killWhileWriting((path) => isOutput(path))).toMatch(/\.(pdf|xlsx)\.tmp-/);
    await expectWholeOutputs();
    expect(await killWhileWriting((path) => isOutput(path) && ++outputsSeen === 5)).toMatch(/\.(pdf|xlsx)\.tmp-/);
    await expectWholeOutputs();
    expect(await killWhileWriting((path) => path.startsWith('manifest.json'))).toMatch(/^manifest\.json\.tmp-/);
    await expectWholeOutputs();

    const final = await runCli(['build', '--locale', 'en', '--data', data, '--out', out], { env: { ...process.env, SOURCE_DATE_EPOCH: AFTER } });
    expect(final.code, final.stderr).toBe(0);
    // The leftovers of the killed writes are gone, and every output is the complete second version.
    expect((await readdir(out, { recursive: true })).filter((name) => name.includes(TEMP_MARK))).toEqual([]);
    expect(Object.fromEntries(await expectManifestMatches(out))).toEqual(Object.fromEntries(versions[1]!));
  });
});

describe('two builds at once on the same out/', () => {
  it('both succeed and leave whole files that match the manifest', async () => {
    const out = await tempDir('concurrent');
    // The folders the outputs go to, there before the watchers start.
    for (const folder of ['en/briefs', 'en/projects']) await mkdir(join(out, folder), { recursive: true });
    const args = ['build', '--locale', 'en', '--data', FIXTURE_DATA, '--out', out, '--force'];
    const runs = [runCli(args), runCli(args)];
    // The fault: each wrote into out/ while the other was still running.
    const wrote = new Map<number, boolean>();
    const running = new Set(runs.map((r) => r.child.pid!));
    const stops = runs.map((r) => {
      const pid = r.child.pid!;
      r.child.on('exit', () => running.delete(pid));
      return watchTempFiles(out, pid, () => {
        if (!wrote.has(pid)) wrote.set(pid, running.size === 2);
      });
    });
    const ended: NodeRun[] = await Promise.all(runs);
    for (const stop of stops) stop();
    for (const run of ended) expect(run.code, run.stderr).toBe(0);
    expect([...wrote.values()]).toEqual([true, true]);
    expect((await expectManifestMatches(out)).size).toBe(10 + 23); // briefs, publication, workbook, open data
  });
});

describe('a target that cannot be written', () => {
  it('is a clear error naming it, and the other outputs are still built', async () => {
    const out = await tempDir('unwritable');
    await mkdir(join(out, 'en', 'projects', 'red.pdf'), { recursive: true });
    await writeFile(join(out, 'en', 'projects', 'red.pdf', 'keep'), 'a folder where a file should go');
    const result = await build(fixtureConfig({ out }), { locales: ['en'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.message])).toEqual([['io', `cannot write ${join(out, 'en/projects/red.pdf')} (EISDIR) (en/project/red)`]]);
    expect(result.built).toHaveLength(9 + 23);
    // The fault stays as it was: the folder and its file are untouched.
    expect((await stat(join(out, 'en/projects/red.pdf'))).isDirectory()).toBe(true);
    expect(await readFile(join(out, 'en/projects/red.pdf/keep'), 'utf8')).toBe('a folder where a file should go');
  });
});

describe('no browser installed', () => {
  // A child process: the search for a browser reads PATH and Puppeteer's cache as the process starts.
  it('fails the build with install instructions and exit 1, while validation still works', async () => {
    const home = await tempDir('no-browser');
    const env = { PATH: '/nonexistent', HOME: home, PUPPETEER_CACHE_DIR: join(home, 'cache'), CI: 'true' };
    const built = await runCli(['build', '--data', FIXTURE_DATA, '--out', join(home, 'out')], { env });
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('no browser was found to print PDFs with');
    expect(built.stderr).toContain('npm run setup');
    const validated = await runCli(['validate', '--data', FIXTURE_DATA], { env });
    expect(validated.code, validated.stderr).toBe(0);
  });
});

describe('the network', () => {
  let server: CountingServer;
  beforeAll(async () => {
    server = await startCountingServer();
  });
  afterAll(() => server.close());

  it('is never reached: a template that refers to a local server fails the build naming the URL', async () => {
    const dir = await tempDir('network');
    await cp(join(PROJECT_ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
    const url = `${server.url}/pixel.png`;
    const file = join(dir, 'templates', 'briefs', 'project.hbs');
    const template = await readFile(file, 'utf8');
    expect(template).toContain('<article class="fact-sheet">');
    await writeFile(file, template.replace('<article class="fact-sheet">', `<article class="fact-sheet"><img src="${url}" alt="">`));
    const config = resolveConfig({ data: FIXTURE_DATA, templates: join(dir, 'templates'), out: join(dir, 'out'), cwd: dir });
    const result = await build(config, { locales: ['en'], only: ['project/red'] });
    // The fault: the page asked for the URL; the browser stopped the request before it left.
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([`en/project/red: blocked request to ${url}`]);
    expect(server.connections()).toBe(0);
  });
});
