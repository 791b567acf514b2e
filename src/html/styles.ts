// The CSS of a brief: the catalogue's font faces, then the brief's own styles.
// Font files are not inlined: the CSS names them under ASSET_ORIGIN and the PDF
// printer answers those requests from memory, so each brief's HTML stays small
// and the browser decodes each font once per build, not once per brief.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { ReportError } from '../errors.ts';

const require = createRequire(import.meta.url);
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A host under the reserved .invalid domain: it can never resolve to a real server. */
export const ASSET_ORIGIN = 'https://assets.invalid/';

export interface Asset {
  body: Buffer;
  contentType: string;
}

export interface Styles {
  css: string;
  /** Files the CSS refers to, by absolute URL. */
  assets: Map<string, Asset>;
  /** The CSS families of the bundled fonts: the only ones a brief may embed. */
  families: string[];
  /** Of the font files, for the digest of each brief's inputs. */
  digest: string;
}

export async function loadStyles(templatesDir: string, fonts: readonly string[], css: readonly string[]): Promise<Styles> {
  const assets = new Map<string, Asset>();
  const faces = await Promise.all(fonts.map((specifier) => fontFaces(specifier, assets)));
  const own = await Promise.all(css.map((file) => readFile(join(templatesDir, file), 'utf8')));
  const all = [...faces, ...own].join('\n');
  const closing = own.findIndex((text) => /<\/style/i.test(text));
  if (closing >= 0) {
    // The styles go inside <style>: this text would end the element and start markup.
    throw new ReportError('template', `templates/${css[closing]} contains "</style"`, undefined, 'remove it: a stylesheet cannot contain the text </style');
  }
  const families = [...new Set(faces.flatMap((css) => [...css.matchAll(/font-family: '([^']+)'/g)].map((m) => m[1]!)))];
  // Sorted: fonts load in parallel, so the map's order varies from run to run.
  const digest = sha256(JSON.stringify([...assets].map(([url, a]) => [url, sha256(a.body)]).sort()));
  return { css: all, assets, families, digest };
}

/** A fontsource CSS file with each face's WOFF2 served as an asset; the WOFF fallback is dropped. */
async function fontFaces(specifier: string, assets: Map<string, Asset>): Promise<string> {
  const cssPath = require.resolve(specifier);
  const css = await readFile(cssPath, 'utf8');
  const files = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)].map((m) => m[1]!);
  for (const file of files) {
    assets.set(`${ASSET_ORIGIN}fonts/${basename(file)}`, { body: await readFile(join(dirname(cssPath), 'files', file)), contentType: 'font/woff2' });
  }
  return css.replace(
    /src: url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)[^;]*;/g,
    (_, file: string) => `src: url(${ASSET_ORIGIN}fonts/${basename(file)}) format('woff2');`,
  );
}
