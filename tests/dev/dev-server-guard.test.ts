// What the preview refuses, asked as an attacker would: a page elsewhere that
// re-points its own host name at 127.0.0.1 (DNS rebinding) sends its own name
// in Host. Every request goes to 127.0.0.1; only the Host header varies, which
// is why this uses http.request (fetch cannot set Host).
import { writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config.ts';
import { allowedHost, startDevServer, type DevServer } from '../../src/dev/server.ts';
import { copyData, removeDir } from '../helpers/data-copy.ts';
import { runMain } from '../helpers/run-main.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';

let dir: string;
let server: DevServer;
let port: number;
const logged: string[] = [];
/** One of each kind of route; the asset is found in a preview page. */
const routes: string[] = [];

beforeAll(async () => {
  dir = await copyData();
  server = await startDevServer(resolveConfig({ data: dir, out: join(dir, 'out'), cwd: dir }), {
    port: 0,
    allowedHosts: ['Preview.Test'],
    log: (line) => logged.push(line),
  });
  port = server.address.port;
  await server.built();
  const preview = await ask('/preview/en/overview');
  const asset = /\/assets\/fonts\/[^)'"]+\.woff2/.exec(preview.body)?.[0];
  expect(asset).toBeDefined();
  routes.push('/', '/preview/en/overview', asset!, '/out/manifest.json', '/events');
});
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request to 127.0.0.1 with the given Host; an event stream is cut after its headers. */
function ask(path: string, options: { host?: string | null; method?: string } = {}): Promise<Answer> {
  const host = options.host === undefined ? `localhost:${port}` : options.host;
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname: '127.0.0.1', port, path, method: options.method ?? 'GET', setHost: false, headers: host === null ? {} : { host } },
      (res) => {
        const answer = { status: res.statusCode ?? 0, headers: res.headers, body: '' };
        if (res.headers['content-type'] === 'text/event-stream') {
          res.destroy();
          return resolve(answer);
        }
        res.on('data', (d: Buffer) => (answer.body += d.toString()));
        res.on('end', () => resolve(answer));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the dev server refuses foreign hosts', { timeout: 60_000 }, () => {
  it('is bound to 127.0.0.1, as the socket reports it', () => {
    expect(server.address.address).toBe('127.0.0.1');
    expect(server.address.family).toBe('IPv4');
  });

  const foreign = (p: number) => [
    'evil.example',
    `evil.example:${p}`,
    `192.0.2.1:${p}`,
    `localhost.evil.example:${p}`,
    `127.0.0.1.nip.io:${p}`,
    `[::2]:${p}`,
    `localhost:${p + 1}`,
    `127.0.0.1:${p + 1}`,
    'localhost',
    `localhost:${p}@evil.example`,
  ];

  it('answers 403 with a one-line reason on every route, for a foreign name, a foreign IP or the wrong port', async () => {
    for (const host of foreign(port)) {
      for (const path of routes) {
        const answer = await ask(path, { host });
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.body.trim().split('\n')).toHaveLength(1);
        expect(answer.body).toMatch(/^forbidden: /);
        expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
      }
    }
  });

  it('refuses a request without Host', async () => {
    for (const path of routes) expect((await ask(path, { host: null })).status, path).toBeGreaterThanOrEqual(400);
  });

  it('refuses a foreign host whatever the method or length of the request', async () => {
    expect((await ask('/', { host: `evil.example:${port}`, method: 'POST' })).status).toBe(403);
    expect((await ask(`/${'a'.repeat(9 * 1024)}`, { host: `evil.example:${port}` })).status).toBe(403);
  });

  it('logs a refused host once, not once per request', () => {
    const about = (host: string) => logged.filter((line) => line.includes(`Host ${JSON.stringify(host)}`));
    expect(about(`evil.example:${port}`)).toHaveLength(1);
    expect(about(`192.0.2.1:${port}`)).toHaveLength(1);
    expect(about(`evil.example:${port}`)[0]).toMatch(/^preview: refused requests with Host "evil\.example:\d+": .*--host-allow NAME$/);
  });

  it('serves localhost, 127.0.0.1, [::1] and an allowed host on its port', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `preview.test:${port}`, `LocalHost:${port}`]) {
      for (const path of routes) {
        const answer = await ask(path, { host });
        expect(answer.status, `${host} ${path}`).toBe(200);
        expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
      }
    }
  });
});

describe('the dev server only reads', { timeout: 60_000 }, () => {
  it('answers POST, PUT and DELETE with 405 and Allow: GET, HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (const path of ['/', '/out/manifest.json', '/events']) {
        const answer = await ask(path, { method });
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers.allow).toBe('GET, HEAD');
      }
    }
  });

  it('answers HEAD with headers only, the event stream included', async () => {
    for (const path of routes) {
      const answer = await ask(path, { method: 'HEAD' });
      expect(answer.status, path).toBe(200);
      expect(answer.body).toBe('');
    }
  });

  it('answers a 9 KiB URL with 414', async () => {
    const answer = await ask(`/preview/${'a'.repeat(9 * 1024)}`);
    expect(answer.status).toBe(414);
    expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect((await ask(`/preview/${'a'.repeat(7 * 1024)}`)).status).toBe(404);
  });
});

describe('the dev server headers', { timeout: 60_000 }, () => {
  it('sends a Content-Security-Policy with every page, and only the client script may run', async () => {
    for (const path of ['/', '/preview/en/overview']) {
      const policy = (await ask(path)).headers['content-security-policy'] ?? '';
      expect(policy, path).toContain("default-src 'none'");
      expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
      for (const directive of ["font-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) {
        expect(policy).toContain(directive);
      }
    }
    expect((await ask('/out/manifest.json')).headers['content-security-policy']).toBeUndefined();
  });

  it('sends the policy with the error page too', async () => {
    await writeFile(join(dir, 'projects.yaml'), 'projects: [\n');
    let answer: Answer | undefined;
    for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
      answer = await ask('/preview/en/overview');
      if (answer.body.includes('<title>error</title>')) break;
    }
    expect(answer?.body).toContain('<title>error</title>');
    expect(answer?.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('--host-allow', () => {
  it('takes a host name or an IP address, as a Host header writes it', () => {
    expect(allowedHost('Preview.Test')).toBe('preview.test');
    expect(allowedHost('my-laptop')).toBe('my-laptop');
    expect(allowedHost('192.0.2.1')).toBe('192.0.2.1');
    expect(allowedHost('::1')).toBe('[::1]');
    expect(allowedHost('[FD00:0::1]')).toBe('[fd00::1]');
  });

  it.each(['', 'http://preview.test', 'preview.test:4173', '*.example', 'preview.test/', 'a b', '-x', 'x.', 'user@x', '[x]'])('refuses %j', (value) => {
    expect(() => allowedHost(value)).toThrow(/--host-allow takes a host name/);
  });

  it('exits 2 with a plain message on a bad value, or outside dev', async () => {
    const bad = await runMain(['dev', '--port', '0', '--host-allow', 'http://preview.test']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--host-allow takes a host name without scheme or port, such as preview.test, got "http://preview.test"');
    expect(bad.stderr).toContain('usage: ');
    const misplaced = await runMain(['build', '--data', FIXTURE_DATA, '--host-allow', 'preview.test']);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain('--host-allow belongs to dev');
  });
});
