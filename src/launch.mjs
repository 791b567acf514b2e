// Starts the command-line tool (src/cli.ts) with plain Node. A TypeScript
// loader such as tsx sits in front of every module a build imports, Puppeteer's
// hundreds included, and about doubles start-up time; so src/ is bundled once
// with esbuild into node_modules/.cache and the bundle is reused until a file
// under src/ changes. Dependencies stay outside the bundle and load lazily.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const src = dirname(fileURLToPath(import.meta.url));
const root = dirname(src);

const hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url)));
for (const file of readdirSync(src, { recursive: true }).map(String).sort()) {
  if (file.endsWith('.ts')) hash.update(file).update(readFileSync(join(src, file)));
}
const outdir = join(root, 'node_modules', '.cache', 'cooperation-reports', hash.digest('hex').slice(0, 16));
const entry = join(outdir, 'cli.js');

const BUNDLED = new Set(['yaml', 'handlebars']);
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const EXTERNAL = Object.keys(dependencies)
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);

if (!existsSync(entry)) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(src, 'cli.ts')],
    outdir,
    bundle: true,
    // Chunks keep each `await import()` lazy, so a build that prints nothing never loads Puppeteer.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The small dependencies that every command loads are bundled too: one file
    // instead of 120 modules to resolve and read at each start. The others stay
    // outside, loaded only by the builds that need them.
    external: EXTERNAL,
    // Bundled CommonJS requires Node's built-in modules through `require`, which ES modules lack.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'error',
  });
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
