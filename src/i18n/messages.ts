// The message catalogue of a locale (templates/i18n/<locale>.yaml): every
// label and sentence the templates print that is not data, in ICU
// MessageFormat, so counts follow the language's plural rules ("1 project",
// "2 проекта", "5 проектов"). A missing key or placeholder is an error, never
// a silent fallback.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { ReportError, type Position } from '../errors.ts';
import { positionOf } from '../load/positions.ts';
import { parseYamlFile } from '../load/yaml-file.ts';

export interface Messages {
  locale: string;
  /** From the catalogue's `language:` block: its English name (for messages) and the BCP 47 tag formats follow. */
  language: { name: string; tag: string };
  keys(): string[];
  /** The message `key` as written, without filling placeholders; undefined if there is none. */
  text(key: string): string | undefined;
  /** The message `key` with its {placeholders} and {count, plural, ...} filled from `values`. */
  format(key: string, values: Record<string, unknown>): string;
}

// Each message would otherwise make its own Intl.NumberFormat and PluralRules on
// first use, and making them costs far more than using them: one set, by arguments.
const FORMATTERS: Formatters = {
  getNumberFormat: shared((...args) => new Intl.NumberFormat(...args)),
  getDateTimeFormat: shared((...args) => new Intl.DateTimeFormat(...args)),
  getPluralRules: shared((...args) => new Intl.PluralRules(...args)),
};

function shared<Args extends unknown[], T>(make: (...args: Args) => T): (...args: Args) => T {
  const made = new Map<string, T>();
  return (...args) => {
    const key = JSON.stringify(args);
    if (!made.has(key)) made.set(key, make(...args));
    return made.get(key)!;
  };
}

/** The declaration's texts under workbook: are Handlebars templates looked up by text(), not ICU messages. */
const NOT_ICU = 'workbook.';

/** `at`: where the catalogue names this language, for a missing file. */
export async function loadMessages(templatesDir: string, locale: string, cwd: string, at?: Position): Promise<Messages> {
  const path = join(templatesDir, 'i18n', `${locale}.yaml`);
  const file = relative(cwd, path);
  const bytes = await readFile(path).catch((cause: NodeJS.ErrnoException) => {
    if (cause.code !== 'ENOENT') throw cause;
    throw new ReportError('template', `no message catalogue ${file} for the language "${locale}"`, at, `copy templates/i18n/en.yaml to ${file} and translate it, or remove ${locale} from locales:`, { cause });
  });
  const parsed = parseYamlFile(file, bytes);
  if (!parsed.ok) throw parsed.errors[0];
  const where = (key: string) => positionOf(parsed.file, `/${key.split('.').join('/')}`);
  const flat = new Map<string, string>();
  flatten(parsed.file.value, '', flat, where);

  const language = { name: flat.get('language.name'), tag: flat.get('language.tag') };
  if (!language.name || !language.tag || !validTag(language.tag)) {
    throw new ReportError(
      'template',
      `${file} has no valid language: block`,
      positionOf(parsed.file, language.tag ? '/language/tag' : ''),
      'start it with language: { name: German, tag: de-DE }: the tag (BCP 47) decides how numbers, money and dates are written',
    );
  }
  // Every message compiles now, so a broken one is an error at its own line before anything renders.
  const compiled = new Map<string, IntlMessageFormat>();
  for (const [key, message] of flat) {
    if (key.startsWith(NOT_ICU)) continue;
    try {
      compiled.set(key, new IntlMessageFormat(message, language.tag, undefined, { ignoreTag: true, formatters: FORMATTERS }));
    } catch (cause) {
      throw new ReportError('template', `message "${key}" is not valid ICU MessageFormat: ${(cause as Error).message}`, where(key), 'placeholders look like {name}; counts like {count, plural, one {# project} other {# projects}}; a literal brace is quoted: \'{\'', { cause });
    }
  }

  const formatted = new Map<string, string>();
  return {
    locale,
    language: { name: language.name, tag: language.tag },
    keys: () => [...flat.keys()],
    text: (key) => flat.get(key),
    format(key, values) {
      const message = compiled.get(key);
      // Plain errors: the template that called {{t}} reports them at its own file.
      if (message === undefined) throw new Error(`no message "${key}" in ${file}`);
      // Briefs ask for the same words again and again (every fact sheet's headings): each is formatted
      // once. Only plain values are remembered, so that the key says all the text depends on.
      const plain = Object.values(values).every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
      const asked = plain ? `${key}\u0000${JSON.stringify(values)}` : undefined;
      const known = asked === undefined ? undefined : formatted.get(asked);
      if (known !== undefined) return known;
      try {
        const text = String(message.format(values as Record<string, string | number>));
        if (asked !== undefined) formatted.set(asked, text);
        return text;
      } catch (cause) {
        const missing = /"(\w+)"/.exec((cause as Error).message)?.[1];
        throw new Error(`message "${key}" needs a value for {${missing ?? '?'}}`, { cause });
      }
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

function flatten(value: unknown, prefix: string, into: Map<string, string>, at: (key: string) => Position): void {
  if (typeof value === 'string') {
    into.set(prefix, value);
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into, at);
  } else {
    throw new ReportError('template', `message "${prefix}" must be text`, at(prefix), 'write the message as a quoted string');
  }
}
