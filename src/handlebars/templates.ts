// The Handlebars environment of one edition: a fresh instance, the helpers,
// the message catalogue, and every partial in templates/partials registered
// by file name. Templates are checked before they compile (blocks, helpers,
// partials, message keys, literal prose) and compile in strict mode with a
// closed set of helpers, so a mistake is an error at the template's file,
// line and column, never a blank in a published brief.
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { ReportError, type Position } from '../errors.ts';
import type { Formatter } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';
import { closest } from '../validate/suggest.ts';
import { blockError, checkCalls, checkProse, place, type Where } from './checks.ts';
import { BRIEF_HELPERS, BUILT_IN_HELPERS, registerBriefHelpers } from './helpers.ts';

export type TemplateFn = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

export interface Templates {
  /** Compiles a template file (relative to templates/) once per build; `at` is where it is named, for a missing file. */
  load(file: string, at?: Position): Promise<TemplateFn>;
  /** Compiles an inline plain-text template (a catalogue title, a path): not HTML, so nothing is escaped. */
  inline(source: string, where: Where): TemplateFn;
  safe(html: string): Handlebars.SafeString;
  /** The text of every template file read, for code frames. */
  sources: ReadonlyMap<string, string>;
}

const HELPERS: readonly string[] = [...BRIEF_HELPERS, ...BUILT_IN_HELPERS];

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(BRIEF_HELPERS.map((h) => [h, true])),
  preventIndent: true,
};

export interface TemplateOptions {
  templatesDir: string;
  cwd: string;
  formatter: Formatter;
  messages: Messages;
  /** The languages of the build: with more than one, literal prose in a template is an error. */
  locales: readonly string[];
}

export async function createTemplates(options: TemplateOptions): Promise<Templates> {
  const { templatesDir, cwd, formatter, messages, locales } = options;
  const hb = Handlebars.create();
  const show = (file: string) => relative(cwd, join(templatesDir, file));
  const sources = new Map<string, string>();
  registerBriefHelpers(hb, formatter, messages);
  const partialFiles = (await readdir(join(templatesDir, 'partials')).catch(() => [] as string[])).filter((f) => f.endsWith('.hbs')).sort();
  const rules = { helpers: HELPERS, partials: partialFiles.map((f) => f.slice(0, -4)), messages };

  const compileFile = async (file: string, at?: Position): Promise<TemplateFn> => {
    const source = await readTemplate(templatesDir, file, show(file), at);
    const where = { file: show(file), line: 1, column: 1 };
    sources.set(where.file, source);
    if (locales.length > 1) checkProse(source, where, locales);
    return compile(hb, source, where, rules);
  };

  for (const name of partialFiles) {
    // Registered compiled, so an error inside a partial names the partial's own file.
    hb.registerPartial(name.slice(0, -4), (await compileFile(join('partials', name))) as unknown as Handlebars.Template);
  }

  const cache = new Map<string, Promise<TemplateFn>>();
  return {
    load(file, at) {
      if (!cache.has(file)) cache.set(file, compileFile(file, at));
      return cache.get(file)!;
    },
    inline: (source, where) => compile(hb, source, where, { ...rules, partials: undefined }, { noEscape: true }),
    safe: (html) => new hb.SafeString(html),
    sources,
  };
}

/** A template file's text; a missing one is reported where it is named (the catalogue line). */
async function readTemplate(templatesDir: string, file: string, shown: string, at: Position | undefined): Promise<string> {
  try {
    return await readFile(join(templatesDir, file), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT' && (cause as NodeJS.ErrnoException).code !== 'EISDIR') throw cause;
    const folder = dirname(file);
    const present = await readdir(join(templatesDir, folder)).catch(() => [] as string[]);
    const near = closest(basename(file), present.filter((f) => f.endsWith('.hbs')));
    const hint = near ? `did you mean '${join(folder, near)}'?` : 'template paths are relative to templates/, e.g. briefs/overview.hbs';
    throw new ReportError('template', `no template file ${shown}`, at, hint, { cause });
  }
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/**
 * Parses and checks now (mistakes surface before anything renders) and wraps
 * the template so that an error raised inside it is reported at its own file.
 */
function compile(hb: typeof Handlebars, source: string, where: Where, rules: Parameters<typeof checkCalls>[2], extra: CompileOptions = {}): TemplateFn {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(source);
  } catch (cause) {
    throw blockError(source, where) ?? syntaxError(cause, source, where);
  }
  checkCalls(ast, where, rules);
  const fn = lazyTemplate(hb, source, { ...COMPILE_OPTIONS, ...extra });
  return (context, options) => {
    try {
      return fn(context, options);
    } catch (cause) {
      throw cause instanceof ReportError ? cause : renderError(cause, where);
    }
  };
}

// Each edition compiles the same files, titles and paths with the same options:
// the code Handlebars generates for them is made once per process and shared.
const specs = new Map<string, TemplateSpecification>();

/** As hb.compile: compiled on first use (so its errors arise while rendering), from the shared code. */
function lazyTemplate(hb: typeof Handlebars, source: string, options: CompileOptions): TemplateFn {
  let compiled: TemplateFn | undefined;
  return (context, runtime) => {
    if (!compiled) {
      const key = JSON.stringify([source, options]);
      let spec = specs.get(key);
      if (!spec) {
        // precompile gives the code as text: the same that compile turns into functions.
        spec = new Function(`return ${hb.precompile(source, { ...options })}`)() as TemplateSpecification;
        specs.set(key, spec);
      }
      compiled = hb.template(spec);
    }
    return compiled(context, runtime);
  };
}

/** Handlebars says "Parse error on line 12:" then a dump of its parser state: keep the place, say it plainly. */
function syntaxError(cause: unknown, source: string, where: Where): ReportError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const line = Number(/^Parse error on line (\d+):/.exec(message)?.[1] ?? 1);
  const [, shown = '', pointer = ''] = message.split('\n');
  const column = columnOfDump(source, line, shown, pointer.indexOf('^'));
  return new ReportError('template', 'the template cannot be read here: a {{ }} is not closed, or holds something Handlebars does not understand', place(where, line, column), 'check the braces and quotes of the expression at this place', { cause });
}

/**
 * The parser's dump shows at most 20 characters on each side of the error,
 * newlines removed, with "..." where it cuts: find where in the line that
 * text sits (0-based column).
 */
function columnOfDump(source: string, line: number, shown: string, caret: number): number {
  const flat = (text: string) => text.replace(/\n/g, '');
  const past = shown.slice(0, Math.max(0, caret)).replace(/^\.\.\./, '');
  const next = shown.slice(Math.max(0, caret)).replace(/\.\.\.$/, '');
  const start = source.split('\n').slice(0, line - 1).join('\n').length + (line > 1 ? 1 : 0);
  const end = source.indexOf('\n', start) < 0 ? source.length : source.indexOf('\n', start);
  for (let offset = start; offset <= end; offset++) {
    if (flat(source.slice(Math.max(0, offset - 40), offset)).endsWith(past) && flat(source.slice(offset, offset + 40)).startsWith(next)) return offset - start;
  }
  return 0;
}

/** Errors while rendering carry Handlebars' "… - line:column" (0-based column). */
function renderError(cause: unknown, where: Where): ReportError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const runtime = /^(.*?) - (\d+):(\d+)$/s.exec(message);
  const text = (runtime?.[1] ?? message).replace(/ in \[object Object\]$/, '');
  const missing = /^"(.+)" not defined$/.exec(text);
  const missingArgument = / got a missing field$/.test(text);
  const at = runtime ? place(where, Number(runtime[2]), Number(runtime[3])) : place(where, 1, 0);
  return new ReportError(
    'template',
    missing ? `field "${missing[1]}" is not defined here` : text.trim() || 'template error',
    at,
    missing || missingArgument ? 'the model has no such field: check the spelling, or use {{#if field}} for optional ones' : undefined,
    { cause },
  );
}

export type { Where } from './checks.ts';
