// Paths and options, resolved once from the command line, then read-only.
import { resolve } from 'node:path';
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

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

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
