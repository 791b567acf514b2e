// The Handlebars environment of one build: a fresh instance, the formatting
// helpers, the message catalogue, and every partial in templates/partials
// registered by file name. Templates compile in strict mode with a closed set
// of helpers, so a missing field or an unknown helper is an error that names
// the template file and line, never a blank in a published brief.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { ReportError } from '../errors.ts';
import type { Formatter } from './format.ts';
import { didYouMean } from '../validate/suggest.ts';
import type { Messages } from './messages.ts';

export type TemplateFn = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

export interface Templates {
  /** Compiles a template file (relative to templates/); compiled once per build. */
  load(file: string): Promise<TemplateFn>;
  /** Compiles an inline plain-text template (a catalogue title, a path): not HTML, so nothing is escaped. */
  inline(source: string, where: Where): TemplateFn;
  safe(html: string): Handlebars.SafeString;
}

const HELPERS = ['t', 'money', 'number', 'percent', 'date', 'year', 'list', 'pluck', 'concat', 'eq', 'cssString'] as const;

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])),
  preventIndent: true,
};

export async function createTemplates(options: { templatesDir: string; cwd: string; formatter: Formatter; messages: Messages }): Promise<Templates> {
  const { templatesDir, cwd, formatter, messages } = options;
  const hb = Handlebars.create();
  const show = (file: string) => relative(cwd, join(templatesDir, file));
  registerHelpers(hb, formatter, messages);

  const compileFile = async (file: string): Promise<TemplateFn> => {
    const source = await readFile(join(templatesDir, file), 'utf8');
    return compile(hb, source, { file: show(file), line: 1, column: 1 }, messages);
  };

  for (const name of (await readdir(join(templatesDir, 'partials'))).filter((f) => f.endsWith('.hbs')).sort()) {
    // Registered compiled, so an error inside a partial names the partial's own file.
    hb.registerPartial(name.slice(0, -4), (await compileFile(join('partials', name))) as unknown as Handlebars.Template);
  }

  const cache = new Map<string, Promise<TemplateFn>>();
  return {
    load(file) {
      if (!cache.has(file)) cache.set(file, compileFile(file));
      return cache.get(file)!;
    },
    inline: (source, where) => compile(hb, source, where, messages, { noEscape: true }),
    safe: (html) => new hb.SafeString(html),
  };
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/**
 * Parses now (syntax errors surface before anything renders) and wraps the
 * template so that an error raised inside it is reported at its own file.
 */
function compile(hb: typeof Handlebars, source: string, where: Where, messages: Messages, extra: CompileOptions = {}): TemplateFn {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(source);
  } catch (cause) {
    throw templateError(cause, where);
  }
  checkMessageKeys(ast, messages, where);
  const fn = hb.compile(source, { ...COMPILE_OPTIONS, ...extra });
  return (context, options) => {
    try {
      return fn(context, options);
    } catch (cause) {
      throw cause instanceof ReportError ? cause : templateError(cause, where);
    }
  };
}

type Where = { file: string; line: number; column: number };

/** Every {{t "literal.key"}} must exist in the catalogue: checked before anything renders. */
function checkMessageKeys(ast: hbs.AST.Program, messages: Messages, where: Where): void {
  const known = messages.keys();
  const visitor = new Handlebars.Visitor();
  const check = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement) => {
    const [key] = node.params;
    if ((node.path as hbs.AST.PathExpression).original !== 't' || key?.type !== 'StringLiteral') return;
    const value = (key as hbs.AST.StringLiteral).value;
    if (known.includes(value)) return;
    const { line, column } = key.loc.start;
    throw new ReportError(
      'template',
      `no message "${value}" in the ${messages.locale} catalogue`,
      { file: where.file, line: where.line + line - 1, column: line === 1 ? where.column + column : column + 1 },
      didYouMean(value, known) ?? `add ${value} to templates/i18n/${messages.locale}.yaml`,
    );
  };
  visitor.MustacheStatement = function (node) {
    check(node);
    Handlebars.Visitor.prototype.MustacheStatement.call(this, node);
  };
  visitor.SubExpression = function (node) {
    check(node);
    Handlebars.Visitor.prototype.SubExpression.call(this, node);
  };
  visitor.accept(ast);
}

/** Handlebars reports "… - 12:4" (0-based column) or "Parse error on line 12:". */
function templateError(cause: unknown, where: Where): ReportError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const runtime = /^(.*?) - (\d+):(\d+)$/s.exec(message);
  const parse = /^Parse error on line (\d+):/.exec(message);
  const line = Number(runtime?.[2] ?? parse?.[1] ?? 1);
  const column = runtime ? Number(runtime[3]) + 1 : 1;
  const text = (runtime?.[1] ?? message.split('\n').slice(parse ? 2 : 0).join(' ')).replace(/ in \[object Object\]$/, '');
  const missing = /^"(.+)" not defined$/.exec(text);
  const missingArgument = / got a missing field$/.test(text);
  return new ReportError(
    'template',
    missing ? `field "${missing[1]}" is not defined here` : text.trim() || 'template error',
    { file: where.file, line: where.line + line - 1, column: line === 1 ? where.column + column - 1 : column },
    missing || missingArgument
      ? 'the model has no such field: check the spelling, or use {{#if field}} for optional ones'
      : `templates use only the helpers ${HELPERS.join(', ')} and partials in templates/partials`,
    { cause },
  );
}

function registerHelpers(hb: typeof Handlebars, f: Formatter, messages: Messages): void {
  // Strict mode does not check helper arguments, so each helper checks its own:
  // {{money budgetEuro}} must fail at its line, not print "€NaN".
  const helper = <T>(name: string, accepts: (v: unknown) => v is T, expected: string, fn: (v: T, ...rest: unknown[]) => unknown) => {
    hb.registerHelper(name, (...args: unknown[]) => {
      const options = args.pop() as Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };
      const [value, ...rest] = args;
      if (!accepts(value)) {
        const where = options.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : '';
        throw new Error(`${name} needs ${expected}, got ${value === undefined ? 'a missing field' : JSON.stringify(value)}${where}`);
      }
      return fn(value, ...rest);
    });
  };
  const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  const isText = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
  const isList = (v: unknown): v is unknown[] => Array.isArray(v);

  hb.registerHelper('t', function (key: unknown, options: Handlebars.HelperOptions) {
    return messages.format(String(key), options.hash as Record<string, unknown>, f);
  });
  helper('money', isNumber, 'a number', (n) => f.money(n));
  helper('number', isNumber, 'a number', (n) => f.number(n));
  helper('percent', isNumber, 'a number', (n) => f.percent(n));
  helper('date', (v): v is string => typeof v === 'string', 'an ISO date', (iso) => f.date(iso));
  // A year is printed as written, never with a thousands separator: "2006", not "2,006".
  helper('year', isText, 'a year or date', (v) => String(v).slice(0, 4));
  helper('list', isList, 'a list', (items) => f.list(items.map(String)));
  helper('pluck', isList, 'a list', (items, field) => items.map((i) => (i as Record<string, unknown>)[String(field)]));
  helper('cssString', isText, 'text', (v) => new hb.SafeString(cssString(String(v))));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}

/** A CSS string literal that cannot end the string or the style element early. */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
