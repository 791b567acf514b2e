// `npm run dev`: a preview server on 127.0.0.1. It renders the HTML of every
// brief, serves it with its fonts, watches data/, schemas/ and templates/, and
// on a change renders again and tells open pages to reload, or to show the
// error. PDFs and workbooks are rebuilt in the background, debounced, so the
// preview never waits for Chromium.
//
// A web page elsewhere can point its own host name at 127.0.0.1 (DNS rebinding)
// and so read this server as if it were its own origin. So every request must
// name this machine in its Host header, only GET and HEAD are answered, and
// pages carry a Content-Security-Policy (see ./client.ts).
import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIPv6, type AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { build } from '../build.ts';
import type { Config } from '../config.ts';
import { ReportError, formatErrors } from '../errors.ts';
import { prepare } from '../prepare.ts';
import { isBrief, renderBrief } from '../html/brief.ts';
import { ASSET_ORIGIN, type Asset } from '../html/styles.ts';
import { PAGE_POLICY, indexHtml, previewHtml, problemHtml, type IndexEntry } from './client.ts';

export interface DevServerOptions {
  port?: number;
  log?: (line: string) => void;
  /** Host names answered besides localhost, 127.0.0.1 and [::1], as allowedHost() returns them (--host-allow). */
  allowedHosts?: readonly string[];
}

export interface DevServer {
  url: string;
  /** The address the server is bound to, as the socket reports it. */
  address: AddressInfo;
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

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  // The web edition, out/site/.
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};
/** Pages of out/site/: their styles and the fonts inside them, nothing else, no script. */
const SITE_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src data:; img-src data:";

/** The names of this machine a browser uses for a server on 127.0.0.1. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
/** Longer request URLs are refused: nothing the preview serves needs one. */
const MAX_URL_LENGTH = 8 * 1024;
/** Refused hosts are logged once each, up to this many, so a flood cannot fill the terminal. */
const MAX_LOGGED_HOSTS = 50;

/** On every response: other sites' pages may not embed or load anything from here. */
const COMMON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Cross-Origin-Resource-Policy': 'same-origin' };

// RFC 1123 labels: letters, digits and inner hyphens, at most 63 each.
const HOST_NAME = /^(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;

/**
 * A --host-allow value as a Host header carries it: a host name or IPv4 address
 * in lower case, an IPv6 address in brackets. No scheme, port or wildcard: the
 * port is always the server's own.
 */
export function allowedHost(value: string): string {
  const name = value.toLowerCase();
  const ipv6 = /^\[(.*)\]$/.exec(name)?.[1] ?? name;
  // The URL parser writes an IPv6 address the way browsers send it in Host.
  if (isIPv6(ipv6)) return new URL(`http://[${ipv6}]/`).host;
  if (name.length <= 253 && HOST_NAME.test(name)) return name;
  throw new ReportError('usage', `--host-allow takes a host name without scheme or port, such as preview.test, got "${value}"`);
}

/** Whether a Host header names one of `names` on `port`; without a port it means 80. */
function hostAllowed(host: string | undefined, names: ReadonlySet<string>, port: number): boolean {
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d+))?$/.exec(host?.toLowerCase() ?? '');
  if (!match) return false;
  const [, name, given] = match;
  return names.has(name!) && (given ?? '80') === String(port);
}

export async function startDevServer(config: Config, options: DevServerOptions = {}): Promise<DevServer> {
  const log = options.log ?? (() => {});
  const names = new Set([...LOOPBACK_NAMES, ...(options.allowedHosts ?? []).map(allowedHost)]);
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

  let port = 0;
  const refusedHosts = new Set<string>();
  /** Logs a refused host the first time it is seen: one line per host, not per request. */
  function logRefused(host: string | undefined): void {
    const shown = host === undefined ? 'no Host header' : `Host ${JSON.stringify(host.slice(0, 100))}`;
    if (refusedHosts.has(shown) || refusedHosts.size >= MAX_LOGGED_HOSTS) return;
    refusedHosts.add(shown);
    log(`preview: refused requests with ${shown}: not a name of this machine on port ${port}; allow a name with --host-allow NAME`);
  }

  /** Refuses what the preview never asks for; true when the request was answered here. */
  function refuse(req: IncomingMessage, res: ServerResponse): boolean {
    if (!hostAllowed(req.headers.host, names, port)) {
      logRefused(req.headers.host);
      reply(res, 403, 'text/plain', `forbidden: this preview answers only to localhost, 127.0.0.1, [::1] and --host-allow names on port ${port}\n`);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply(res, 405, 'text/plain', `${req.method} not allowed: the preview only reads\n`, { Allow: 'GET, HEAD' });
    } else if ((req.url ?? '').length > MAX_URL_LENGTH) {
      reply(res, 414, 'text/plain', `request URL longer than ${MAX_URL_LENGTH} bytes\n`);
    } else {
      return false;
    }
    return true;
  }

  const server = createServer((req, res) => {
    if (!refuse(req, res)) void handle(req, res).catch(() => reply(res, 500, 'text/plain', 'internal error'));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/events') {
      res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      // A HEAD has no body to stream into: it must not stay open as a listener.
      if (req.method === 'HEAD') return void res.end();
      res.write(': connected\n\n');
      listeners.add(res);
      if (state.problem) res.write(`event: problem\ndata: ${state.problem.split('\n').join('\ndata: ')}\n\n`);
      // The response's close, not the request's: a GET's request ends (and closes) at once.
      res.on('close', () => listeners.delete(res));
      return;
    }
    if (path === '/') return page(res, state.problem ? problemHtml() : indexHtml(state.entries));
    if (path.startsWith('/preview/')) {
      const html = state.pages.get(path.slice('/preview/'.length));
      if (state.problem) return page(res, problemHtml());
      return html ? page(res, previewHtml(html, ASSET_ORIGIN)) : reply(res, 404, 'text/plain', 'no such brief');
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
      const headers: Record<string, string> = extname(file) === '.html' ? { 'Content-Security-Policy': SITE_POLICY } : {};
      return reply(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', await readFile(file), headers);
    }
    reply(res, 404, 'text/plain', 'not found');
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 4173, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  port = address.port;
  const url = `http://${address.address}:${port}`;
  log(`preview on ${url}`);
  return {
    url,
    address,
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

function reply(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Type': type });
  res.end(body);
}

/** A preview page: HTML under the page policy. */
function page(res: ServerResponse, html: string): void {
  reply(res, 200, 'text/html; charset=utf-8', html, { 'Content-Security-Policy': PAGE_POLICY });
}
