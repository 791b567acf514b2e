// Paths and options, resolved once from the command line, then read-only.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  readonly root: string;
  readonly dataDir: string;
  readonly schemasDir: string;
  readonly templatesDir: string;
  readonly outDir: string;
  /** Paths in messages are shown relative to this folder. */
  readonly cwd: string;
}

/** The folder of this project's package.json: found by walking up, so it holds for the bundle in node_modules/.cache too. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    try {
      if ((JSON.parse(readFileSync(join(at, 'package.json'), 'utf8')) as { name?: string }).name === 'cooperation-reports') return at;
    } catch {
      // No package.json here: look further up.
    }
    if (dirname(at) === at) throw new Error(`no cooperation-reports package.json above ${dir}`);
  }
}

export function resolveConfig(options: { data?: string; out?: string; templates?: string; cwd?: string } = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  return Object.freeze({
    root: PROJECT_ROOT,
    dataDir: resolve(cwd, options.data ?? resolve(PROJECT_ROOT, 'data')),
    schemasDir: resolve(PROJECT_ROOT, 'schemas'),
    templatesDir: resolve(cwd, options.templates ?? resolve(PROJECT_ROOT, 'templates')),
    outDir: resolve(cwd, options.out ?? resolve(PROJECT_ROOT, 'out')),
    cwd,
  });
}
