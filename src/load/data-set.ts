// The data folder -> one parsed YAML file per collection. Which collections
// exist is decided by the schemas folder: `schemas/<name>.schema.json` expects
// `data/<name>.yaml`, so adding a collection never touches this code.
import { readFile, readdir } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { ReportError } from '../errors.ts';
import { parseYamlFile, type YamlFile } from './yaml-file.ts';

export interface LoadedData {
  /** Parsed files by collection name. */
  files: Map<string, YamlFile>;
  /** Text of every file read, by display path, for code frames. */
  sources: Map<string, string>;
  errors: ReportError[];
}

export const SHARED_SCHEMA = 'defs';

export async function collectionNames(schemasDir: string): Promise<string[]> {
  const entries = await readdir(schemasDir);
  return entries
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => f.slice(0, -'.schema.json'.length))
    .filter((name) => name !== SHARED_SCHEMA)
    .sort();
}

export async function loadData(dataDir: string, collections: readonly string[], cwd = process.cwd()): Promise<LoadedData> {
  const show = (path: string) => {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  };
  const result: LoadedData = { files: new Map(), sources: new Map(), errors: [] };

  let present: string[];
  try {
    present = await readdir(dataDir);
  } catch (cause) {
    result.errors.push(
      new ReportError('io', `cannot read the data folder ${show(dataDir)}`, undefined, 'pass an existing folder with --data', {
        cause,
      }),
    );
    return result;
  }
  for (const name of present.filter((f) => /\.ya?ml$/i.test(f)).sort()) {
    const collection = name.replace(/\.ya?ml$/i, '');
    if (!collections.includes(collection) || !name.endsWith('.yaml')) {
      result.errors.push(
        new ReportError(
          'unknown-file',
          `no schema describes ${name}`,
          { file: show(join(dataDir, name)), line: 1, column: 1 },
          `data files are ${collections.map((c) => `${c}.yaml`).join(', ')}; add schemas/${collection}.schema.json for a new collection`,
        ),
      );
    }
  }

  const read = await Promise.all(
    collections.map(async (collection) => {
      const path = join(dataDir, `${collection}.yaml`);
      const file = show(path);
      try {
        return { collection, file, bytes: await readFile(path) };
      } catch (cause) {
        const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
        result.errors.push(
          missing
            ? new ReportError('missing-file', `${file} is missing`, { file, line: 1, column: 1 }, `create it; schemas/${collection}.schema.json describes its content`)
            : new ReportError('io', `cannot read ${file}`, { file, line: 1, column: 1 }, undefined, { cause }),
        );
        return undefined;
      }
    }),
  );
  parseFiles(read.filter((r) => r !== undefined), result);
  return result;
}

export interface RawFile {
  collection: string;
  /** Path as shown to the user. */
  file: string;
  bytes: Uint8Array;
}

/** Parses files already in memory into `into`; loadData's second half, exposed for tests. */
export function parseFiles(raw: readonly RawFile[], into: LoadedData = { files: new Map(), sources: new Map(), errors: [] }): LoadedData {
  for (const { collection, file, bytes } of raw) {
    const parsed = parseYamlFile(file, bytes);
    if (parsed.ok) {
      into.files.set(collection, parsed.file);
      into.sources.set(file, parsed.file.text);
    } else {
      into.errors.push(...parsed.errors);
      if (parsed.text !== undefined) into.sources.set(file, parsed.text);
    }
  }
  return into;
}
