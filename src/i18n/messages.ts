// The message catalogue of a locale (templates/i18n/<locale>.yaml): every
// label and sentence the templates print that is not data. A missing key or
// placeholder is an error, never a silent fallback.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ReportError, type Position } from '../errors.ts';
import { positionOf } from '../load/positions.ts';
import { parseYamlFile } from '../load/yaml-file.ts';
import type { Formatter } from './format.ts';

export interface Messages {
  locale: string;
  /** From the catalogue's `language:` block: its English name (for messages) and the BCP 47 tag formats follow. */
  language: { name: string; tag: string };
  keys(): string[];
  /** The message `key` as written, without filling placeholders; undefined if there is none. */
  text(key: string): string | undefined;
  /** The message `key` with its {placeholders} filled from `values`. */
  format(key: string, values: Record<string, unknown>, formatter: Formatter): string;
}

export async function loadMessages(templatesDir: string, locale: string, cwd: string): Promise<Messages> {
  const path = join(templatesDir, 'i18n', `${locale}.yaml`);
  const file = relative(cwd, path);
  const parsed = parseYamlFile(file, await readFile(path));
  if (!parsed.ok) throw parsed.errors[0];
  const flat = new Map<string, string>();
  flatten(parsed.file.value, '', flat, (pointer) => positionOf(parsed.file, pointer));

  const language = { name: flat.get('language.name'), tag: flat.get('language.tag') };
  if (!language.name || !language.tag || !validTag(language.tag)) {
    throw new ReportError(
      'template',
      `${file} has no valid language: block`,
      positionOf(parsed.file, language.tag ? '/language/tag' : ''),
      'start it with language: { name: German, tag: de-DE }: the tag (BCP 47) decides how numbers, money and dates are written',
    );
  }
  return {
    locale,
    language: { name: language.name, tag: language.tag },
    keys: () => [...flat.keys()],
    text: (key) => flat.get(key),
    format(key, values, formatter) {
      const message = flat.get(key);
      // Plain errors: the template that called {{t}} reports them at its own file.
      if (message === undefined) throw new Error(`no message "${key}" in ${file}`);
      return message.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (!(name in values)) throw new Error(`message "${key}" needs a value for {${name}}`);
        const value = values[name];
        return typeof value === 'number' ? formatter.number(value) : String(value);
      });
    },
  };
}

function validTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function flatten(value: unknown, prefix: string, into: Map<string, string>, at: (pointer: string) => Position): void {
  if (typeof value === 'string') {
    into.set(prefix, value);
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into, at);
  } else {
    throw new ReportError('template', `message "${prefix}" must be text`, at(`/${prefix.split('.').join('/')}`), 'write the message as a quoted string');
  }
}
