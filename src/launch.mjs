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

const hash = createHash('sha256');
for (const file of readdirSync(src, { recursive: true }).map(String).sort()) {
  if (file.endsWith('.ts')) hash.update(file).update(readFileSync(join(src, file)));
}
const outdir = join(root, 'node_modules', '.cache', 'cooperation-reports', hash.digest('hex').slice(0, 16));
const entry = join(outdir, 'cli.js');

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
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'error',
  });
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
