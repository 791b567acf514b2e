// Faults: a document that never loads, a browser killed mid-build, a build
// killed at random moments, two builds at once, an unwritable target, no
// browser at all, and a template that reaches for the network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { PROJECT_ROOT, resolveConfig } from '../../src/config.ts';
import { sha256 } from '../../src/output/fingerprint.ts';
import type { Manifest } from '../../src/output/manifest.ts';
import { createPdfPrinter } from '../../src/pdf/printer.ts';
import { runNode, type NodeRun } from '../helpers/run-node.ts';
import { browserProcesses, browsersUnder } from '../../src/pdf/processes.ts';
import { FIXTURE_DATA, fixtureConfig } from '../helpers/fixture.ts';

const LAUNCH = join(PROJECT_ROOT, 'src/launch.mjs');
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

async function outputHashes(out: string): Promise<Map<string, string>> {
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  return new Map(manifest.outputs.map((o) => [o.path, o.sha256]));
}

describe('a document that never finishes loading', () => {
  it('fails within its timeout naming the output, while the others print, and leaves no browser', async () => {
    const never = 'https://assets.invalid/never.woff2';
    const printer = createPdfPrinter({ timeoutMs: 3_000, assets: { get: (url) => (url === never ? new Promise(() => {}) : undefined) } });
    const page = (body: string) => `<!DOCTYPE html><html><head><style>@page { size: A4 }</style></head><body>${body}</body></html>`;
    const hanging = page(`<style>@font-face { font-family: X; src: url(${never}) }</style><p style="font-family: X">never</p>`);
    const started = Date.now();
    const results = await Promise.allSettled([
      printer.print({ id: 'en/project/a', html: page('<p>a</p>') }),
      printer.print({ id: 'en/overview', html: hanging }),
      printer.print({ id: 'en/project/b', html: page('<p>b</p>') }),
    ]);
    await printer.close();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason.message)).toMatch(/^en\/overview: /);
    expect(browserProcesses()).toEqual([]);
  });
});

describe('Chromium killed in the middle of a build', () => {
  it('is replaced, the document tried again, and the build completes', async () => {
    const out = await tempDir('killed-browser');
    let killed = 0;
    const result = await build(fixtureConfig({ out }), {
      locales: ['en'],
      concurrency: 1,
      onOutput: () => {
        if (killed++ > 0) return;
        for (const { pid } of browserProcesses()) process.kill(pid, 'SIGKILL');
      },
    });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    expect(result.built).toHaveLength(9 + 23); // briefs, workbook, open data
    expect(browserProcesses()).toEqual([]);
  });
});

describe('the build process killed at random moments', () => {
  let data: string;
  let out: string;
  const epochs = ['1136073600', '1167609600'];
  const builds: Map<string, string>[] = [];
  const runBuild = (epoch: string, extra: string[] = []) =>
    runNode([LAUNCH, 'build', '--locale', 'en', '--data', data, '--out', out, ...extra], { env: { ...process.env, SOURCE_DATE_EPOCH: epoch } });

  beforeAll(async () => {
    data = await tempDir('sigkill-data');
    await cp(FIXTURE_DATA, data, { recursive: true });
    // The two versions every output may be in: built in full under each date.
    for (const epoch of epochs) {
      out = await tempDir('sigkill-reference');
      expect((await runBuild(epoch)).code).toBe(0);
      builds.push(await outputHashes(out));
    }
    out = await tempDir('sigkill-out');
    expect((await runBuild(epochs[0]!)).code).toBe(0);
  });

  it('leaves every file either the previous version or a complete new one, and the next build cleans up', async () => {
    for (const [i, delay] of [400, 900, 1_500, 2_200, 3_000].entries()) {
      // Its own temporary folder: the killed build's browser is found by its profile's path.
      const tmp = await tempDir('sigkill-tmp');
      const env = { ...process.env, SOURCE_DATE_EPOCH: epochs[(i + 1) % 2]!, TMPDIR: tmp };
      const child = runNode([LAUNCH, 'build', '--locale', 'en', '--data', data, '--out', out, '--force'], { env });
      await new Promise((r) => setTimeout(r, delay));
      child.child.kill('SIGKILL');
      await child;
      // The browser of a killed build sees its pipe close and exits.
      expect(await waitFor(() => browsersUnder(tmp).length === 0, 10_000)).toBe(true);
      for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
        // The manifest and the change report describe a build's history, not one of the two versions.
        if (!entry.isFile() || entry.name.startsWith('.') || ['manifest.json', 'changes.md', 'changes.json'].includes(entry.name) || entry.name.includes('.tmp-')) continue;
        const path = join(entry.parentPath, entry.name).slice(out.length + 1);
        // The web edition is a view of the outputs, its files written whole (tests/site/).
        if (path.startsWith('site/')) continue;
        const hash = sha256(await readFile(join(out, path)));
        expect([builds[0]!.get(path), builds[1]!.get(path)], path).toContain(hash);
      }
    }

    const final = await runBuild(epochs[1]!);
    expect(final.code, final.stderr).toBe(0);
    const files = (await readdir(out, { recursive: true })).map(String);
    expect(files.filter((f) => f.includes('.tmp-'))).toEqual([]);
    const finalHashes = await outputHashes(out);
    for (const [path, hash] of builds[1]!) expect(finalHashes.get(path), path).toBe(hash);
    expect(finalHashes.size).toBe(builds[1]!.size);
    for (const [path, hash] of builds[1]!) expect(sha256(await readFile(join(out, path)))).toBe(hash);
  });
});

describe('two builds at once on the same out/', () => {
  it('both succeed and leave whole files that match the manifest', async () => {
    const out = await tempDir('concurrent');
    const runs: NodeRun[] = await Promise.all([runNode([LAUNCH, 'build', '--locale', 'en', '--data', FIXTURE_DATA, '--out', out, '--force']), runNode([LAUNCH, 'build', '--locale', 'en', '--data', FIXTURE_DATA, '--out', out, '--force'])]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const hashes = await outputHashes(out);
    expect(hashes.size).toBe(9 + 23);
    for (const [path, hash] of hashes) expect(sha256(await readFile(join(out, path)))).toBe(hash);
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
    expect(result.built).toHaveLength(8 + 23);
  });
});

describe('no browser installed', () => {
  it('fails the build with install instructions and exit 1, while validation still works', async () => {
    const home = await tempDir('no-browser');
    const env = { PATH: '/nonexistent', HOME: home, PUPPETEER_CACHE_DIR: join(home, 'cache'), CI: 'true' };
    const built = await runNode([LAUNCH, 'build', '--data', FIXTURE_DATA, '--out', join(home, 'out')], { env });
    expect(built.code).toBe(1);
    expect(built.stderr).toContain('no browser was found to print PDFs with');
    expect(built.stderr).toContain('npm run setup');
    const validated = await runNode([LAUNCH, 'validate', '--data', FIXTURE_DATA], { env });
    expect(validated.code, validated.stderr).toBe(0);
  });
});

describe('the network', () => {
  let server: Server;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((_, res) => {
      requests += 1;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is never reached: a template that refers to a local server fails the build naming the URL', async () => {
    const dir = await tempDir('network');
    await cp(join(PROJECT_ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pixel.png`;
    const file = join(dir, 'templates', 'briefs', 'project.hbs');
    await writeFile(file, (await readFile(file, 'utf8')).replace('<article class="fact-sheet">', `<article class="fact-sheet"><img src="${url}" alt="">`));
    const result = await build(resolveConfig({ templates: join(dir, 'templates'), out: join(dir, 'out'), cwd: dir }), { locales: ['en'], only: ['project/red'] });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([`en/project/red: blocked request to ${url}`]);
    expect(requests).toBe(0);
  });
});
