// A temporary copy of data/ that a test may break, and the validator run on it.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate } from '../../src/build.ts';
import { resolveConfig } from '../../src/config.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';

export const DATA_DIR = FIXTURE_DATA;

/** Marks the expected error position inside a replacement text. */
export const CARET = '⟨^⟩';

export async function copyData(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'coop-data-'));
  await cp(DATA_DIR, dir, { recursive: true });
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * Replaces `find` with `replace` in a data file. A CARET in `replace` is removed
 * and its line and column in the edited file are returned: the position an
 * error about the edit must point at.
 */
export async function edit(dir: string, name: string, find: string | RegExp, replace: string): Promise<{ line: number; column: number }> {
  const path = join(dir, name);
  const text = await readFile(path, 'utf8');
  if (typeof find === 'string' ? !text.includes(find) : !find.test(text)) throw new Error(`${name} does not contain ${String(find)}`);
  const marked = text.replace(find, replace);
  await writeFile(path, marked.replace(CARET, ''));
  return caretPosition(marked);
}

/** Writes a whole file; a CARET in `content` marks the expected position. */
export async function writeMarked(dir: string, name: string, content: string): Promise<{ line: number; column: number }> {
  await writeFile(join(dir, name), content.replace(CARET, ''));
  return caretPosition(content);
}

function caretPosition(marked: string): { line: number; column: number } {
  const offset = marked.indexOf(CARET);
  if (offset < 0) return { line: 1, column: 1 };
  const before = marked.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

export async function validateDir(dir: string) {
  return validate(resolveConfig({ data: dir, cwd: dir }));
}
