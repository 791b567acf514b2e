// `npm run dev`: a preview server on 127.0.0.1. It renders the HTML of every
// brief, serves it with its fonts, watches data/, schemas/ and templates/, and
// on a change renders again and tells open pages to reload, or to show the
// error. PDFs and workbooks are rebuilt in the background, debounced, so the
// preview never waits for Chromium.
import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { build } from '../build.ts';
import type { Config } from '../config.ts';
import { ReportError, formatErrors } from '../errors.ts';
import { prepare } from '../prepare.ts';
import { isBrief, renderBrief } from '../html/brief.ts';
import { ASSET_ORIGIN, type Asset } from '../html/styles.ts';
import { indexHtml, previewHtml, problemHtml, type IndexEntry } from './client.ts';

export interface DevServer {
  url: string;
  /** Resolves once the first background build of PDFs and workbooks has finished. */
  built: () => Promise<void>;
  close(): Promise<void>;
}

interface State {
  pages: Map<string, string>;
  entries: IndexEntry[];
  assets: ReadonlyMap<string, Asset>;
  /** The formatted errors while the data or a template is broken. */
  problem?: string;
}

const TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.json': 'application/json' };

export async function startDevServer(config: Config, options: { port?: number; log?: (line: string) => void } = {}): Promise<DevServer> {
  const log = options.log ?? (() => {});
  let state: State = { pages: new Map(), entries: [], assets: new Map() };
  const listeners = new Set<ServerResponse>();
  const send = (event: string, data = '') => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${data.split('\n').join('\ndata: ')}\n\n`);
  };

  // Renders may overlap when changes come fast: only the latest one's result counts.
  let generation = 0;
  async function render(): Promise<void> {
    const mine = ++generation;
    const prepared = await prepare(config);
    if (mine !== generation) return;
    if (!prepared.ok) {
      const problem = formatErrors(prepared.errors, prepared.sources);
      state = { ...state, problem };
      log(problem);
      send('problem', problem);
      return;
    }
    const pages = new Map<string, string>();
    try {
      for (const output of prepared.outputs.filter(isBrief)) pages.set(output.key, renderBrief(output));
    } catch (error) {
      if (mine !== generation) return;
      const report = error instanceof ReportError ? error : new ReportError('render', String(error));
      const problem = formatErrors([report], new Map());
      state = { ...state, problem };
      send('problem', problem);
      return;
    }
    if (mine !== generation) return;
    const hadProblem = state.problem !== undefined;
    state = {
      pages,
      assets: prepared.outputs.find(isBrief)?.plan.styles.assets ?? new Map(),
      entries: prepared.outputs.map((o) => ({ key: o.key, title: o.title || o.path, kind: o.entry.kind, path: o.path })),
    };
    log(`preview: ${pages.size} briefs rendered`);
    send(hadProblem ? 'fixed' : 'reload');
    scheduleBuild();
  }

  // PDFs and workbooks: one background build at a time, started 400 ms after the last change.
  let building: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let busy = 0;
  function scheduleBuild(): void {
    clearTimeout(timer);
    busy += 1;
    timer = setTimeout(() => {
      building = building
        .then(async () => {
          const result = await build(config);
          log(result.ok ? `built ${result.built.length}, skipped ${result.skipped.length}` : formatErrors(result.errors, result.sources));
        })
        .finally(() => (busy = 0));
    }, 400);
  }
  const idle = async () => {
    while (busy > 0) await new Promise((r) => setTimeout(r, 50));
  };

  let renderTimer: NodeJS.Timeout | undefined;
  const onChange = () => {
    clearTimeout(renderTimer);
    renderTimer = setTimeout(() => void render(), 100);
  };
  const watchers: FSWatcher[] = [config.dataDir, config.schemasDir, config.templatesDir].map((dir) => watch(dir, { recursive: true }, onChange));

  await render();

  const server = createServer((req, res) => void handle(req, res).catch(() => reply(res, 500, 'text/plain', 'internal error')));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      if (state.problem) res.write(`event: problem\ndata: ${state.problem.split('\n').join('\ndata: ')}\n\n`);
      // The response's close, not the request's: a GET's request ends (and closes) at once.
      res.on('close', () => listeners.delete(res));
      return;
    }
    if (path === '/') return reply(res, 200, 'text/html; charset=utf-8', state.problem ? problemHtml() : indexHtml(state.entries));
    if (path.startsWith('/preview/')) {
      const html = state.pages.get(path.slice('/preview/'.length));
      if (state.problem) return reply(res, 200, 'text/html; charset=utf-8', problemHtml());
      return html ? reply(res, 200, 'text/html; charset=utf-8', previewHtml(html, ASSET_ORIGIN)) : reply(res, 404, 'text/plain', 'no such brief');
    }
    if (path.startsWith('/assets/')) {
      const asset = state.assets.get(`${ASSET_ORIGIN}${path.slice('/assets/'.length)}`);
      return asset ? reply(res, 200, asset.contentType, asset.body) : reply(res, 404, 'text/plain', 'no such asset');
    }
    if (path.startsWith('/out/')) {
      // Only files inside out/: "..", absolute paths and encoded tricks are refused.
      const relative = normalize(path.slice('/out/'.length));
      const file = join(config.outDir, relative);
      if (relative.startsWith('..') || relative.startsWith(sep) || !file.startsWith(config.outDir + sep)) return reply(res, 403, 'text/plain', 'outside out/');
      const found = await stat(file).catch(() => undefined);
      if (!found?.isFile()) return reply(res, 404, 'text/plain', 'not built (yet)');
      return reply(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file));
    }
    reply(res, 404, 'text/plain', 'not found');
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 4173, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log(`preview on ${url}`);
  return {
    url,
    built: idle,
    async close() {
      for (const w of watchers) w.close();
      clearTimeout(timer);
      clearTimeout(renderTimer);
      for (const res of listeners) res.end();
      await new Promise((resolve) => server.close(resolve));
      await building;
    },
  };
}

function reply(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}
