// The CSS of a brief: the catalogue's font faces with their files inlined as
// data: URIs (the page may load nothing else), then the brief's own styles.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export async function loadStyles(templatesDir: string, fonts: readonly string[], css: readonly string[]): Promise<string> {
  const faces = await Promise.all(fonts.map(inlineFontCss));
  const own = await Promise.all(css.map((file) => readFile(join(templatesDir, file), 'utf8')));
  const all = [...faces, ...own].join('\n');
  if (/<\/style/i.test(all)) throw new Error('a stylesheet contains "</style"');
  return all;
}

/** A fontsource CSS file with each face's WOFF2 embedded; the WOFF fallback is dropped. */
async function inlineFontCss(specifier: string): Promise<string> {
  const cssPath = require.resolve(specifier);
  const css = await readFile(cssPath, 'utf8');
  const files = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)/g)].map((m) => m[1]!);
  const data = new Map(
    await Promise.all(files.map(async (f) => [f, (await readFile(join(dirname(cssPath), 'files', f))).toString('base64')] as const)),
  );
  return css.replace(
    /src: url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)[^;]*;/g,
    (_, file: string) => `src: url(data:font/woff2;base64,${data.get(file)}) format('woff2');`,
  );
}
