// The folder tree is the architecture: each stage imports only from stages
// upstream of it, the sinks never import each other, and no module imports
// itself back through others. Type-only imports count too.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Upstream first. Folders on one rank may not import each other. */
const LAYERS: readonly (readonly string[])[] = [
  ['errors.ts', 'config.ts'],
  ['load'],
  ['validate'],
  ['model'],
  ['i18n'],
  ['handlebars'],
  ['plan'],
  ['html'],
  ['pdf', 'xlsx', 'datapackage'],
  ['output'],
  ['sinks.ts'],
  ['prepare.ts'],
  ['changes', 'release', 'site'],
  ['build.ts'],
  ['merge'],
  ['progress.ts', 'setup.ts', 'dev', 'tools'],
  ['cli.ts', 'launch.mjs'],
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** Relative imports of a file, static and dynamic, as paths under src/. */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)].map((m) => m[1] ?? m[2]!);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(SRC, resolve(dirname(file), s)));
}

function unitOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.indexOf('/')) : path;
}

function rankOf(path: string): number {
  const rank = LAYERS.findIndex((layer) => layer.includes(unitOf(path)));
  if (rank < 0) throw new Error(`${path} belongs to no layer: add its folder to LAYERS (and to ARCHITECTURE.md)`);
  return rank;
}

const graph = new Map(filesUnder(SRC).map((f) => [relative(SRC, f), importsOf(f, readFileSync(f, 'utf8'))]));

describe('the import graph of src/', () => {
  it('finds the imports of each module (the checks below rest on it)', () => {
    expect(graph.get('build.ts')).toContain('plan/select.ts');
    expect(graph.get('build.ts')).toContain('sinks.ts');
    expect(graph.get('sinks.ts')).toEqual(expect.arrayContaining(['pdf/sink.ts', 'xlsx/sink.ts']));
    expect(importsOf(join(SRC, 'x/a.ts'), "import type { A } from '../b/c.ts';\nconst m = await import('./d.ts');")).toEqual(['b/c.ts', 'x/d.ts']);
  });

  it('points upstream only, and never from one sink into another', () => {
    const backward: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        if (unitOf(from) === unitOf(to)) continue;
        if (rankOf(to) >= rankOf(from)) backward.push(`${from} -> ${to}`);
      }
    }
    expect(backward).toEqual([]);
  });

  it('has no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('imports only modules that exist', () => {
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${from} -> ${t}`));
    expect(missing).toEqual([]);
  });
});
