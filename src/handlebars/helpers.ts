// The helpers templates may call. Formatting helpers are shared by every
// Handlebars environment (briefs, catalogue titles, workbook cells), so a
// figure reads the same in a PDF and in a workbook. Helpers only format: the
// model computes.
import type Handlebars from 'handlebars';
import type { Formatter } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';

/** Handlebars' own block helpers, always available. */
export const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;
export const FORMAT_HELPERS = ['money', 'number', 'percent', 'date'] as const;
export const BRIEF_HELPERS = ['t', ...FORMAT_HELPERS, 'year', 'list', 'pluck', 'concat', 'eq', 'cssString'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && ISO_DATE.test(v);

type Check<T> = (v: unknown) => v is T;

/**
 * Strict mode does not check helper arguments, so each helper checks its own:
 * {{money budgetEuro}} must fail at its line, not print "€NaN". The error
 * carries Handlebars' " - line:column" suffix, which the environment turns
 * into a position.
 */
function define<T>(hb: typeof Handlebars, name: string, accepts: Check<T>, expected: string, fn: (v: T, ...rest: unknown[]) => unknown): void {
  hb.registerHelper(name, (...args: unknown[]) => {
    const options = args.pop() as Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } };
    const [value, ...rest] = args;
    if (!accepts(value)) {
      const where = options.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : '';
      throw new Error(`${name} needs ${expected}, got ${value === undefined ? 'a missing field' : JSON.stringify(value)}${where}`);
    }
    return fn(value, ...rest);
  });
}

export function registerFormatHelpers(hb: typeof Handlebars, f: Formatter): void {
  define(hb, 'money', isNumber, 'a number', (n) => f.money(n));
  define(hb, 'number', isNumber, 'a number', (n) => f.number(n));
  define(hb, 'percent', isNumber, 'a number', (n) => f.percent(n));
  define(hb, 'date', isDate, 'an ISO date (YYYY-MM-DD)', (iso) => f.date(iso));
}

export function registerBriefHelpers(hb: typeof Handlebars, f: Formatter, messages: Messages): void {
  registerFormatHelpers(hb, f);
  hb.registerHelper('t', function (key: unknown, options: Handlebars.HelperOptions & { loc?: { start: { line: number; column: number } } }) {
    try {
      return messages.format(String(key), options.hash as Record<string, unknown>);
    } catch (error) {
      // Placed at the call, like the other helpers' errors.
      throw new Error(`${(error as Error).message}${options.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : ''}`, { cause: error });
    }
  });
  // A year is printed as written, never with a thousands separator: "2006", not "2,006".
  define(hb, 'year', isText, 'a year or date', (v) => String(v).slice(0, 4));
  define(hb, 'list', isList, 'a list', (items) => f.list(items.map(String)));
  define(hb, 'pluck', isList, 'a list', (items, field) => items.map((i) => (i as Record<string, unknown>)[String(field)]));
  define(hb, 'cssString', isText, 'text', (v) => new hb.SafeString(cssString(String(v))));
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}

/** A CSS string literal that cannot end the string or the style element early. */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
