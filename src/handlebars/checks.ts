// Checks of a template's source and syntax tree before it is compiled, so
// that each mistake is reported at its own place in plain words rather than
// as Handlebars' parser dump or a blank in a published brief.
import Handlebars from 'handlebars';
import { ReportError, type Position } from '../errors.ts';
import type { Messages } from '../i18n/messages.ts';
import { didYouMean } from '../validate/suggest.ts';

/** Where a template's text starts: line 1, column 1 of a file, or inside a catalogue value. */
export interface Where {
  file: string;
  line: number;
  column: number;
}

/** A position inside the template (1-based line, 0-based column, as Handlebars counts) in the user's file. */
export function place(where: Where, line: number, column: number): Position {
  return { file: where.file, line: where.line + line - 1, column: line === 1 ? where.column + column : column + 1 };
}

function offsetToLoc(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length };
}

/** Comments and raw blocks blanked out, keeping every offset. */
function withoutComments(source: string): string {
  return source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' '));
}

/**
 * Called when Handlebars cannot parse: finds the block that is not closed, or
 * closed by the wrong name, and says so at the right place.
 */
export function blockError(source: string, where: Where): ReportError | undefined {
  const text = withoutComments(source);
  const open: { name: string; offset: number }[] = [];
  for (const m of text.matchAll(/\{\{~?\s*([#/^])\s*>?\s*([^\s}~]+)/g)) {
    const [, sigil, name] = m;
    if (sigil === '#' || sigil === '^') open.push({ name: name!, offset: m.index });
    else {
      const top = open.pop();
      const at = offsetToLoc(text, m.index);
      if (!top) return new ReportError('template', `{{/${name}}} closes no block`, place(where, at.line, at.column), `remove it, or open the block with {{#${name} …}}`);
      if (top.name !== name) {
        const opened = offsetToLoc(text, top.offset);
        return new ReportError(
          'template',
          `{{/${name}}} closes {{#${top.name}}}, opened at line ${place(where, opened.line, opened.column).line}`,
          place(where, at.line, at.column),
          `close {{#${top.name}}} with {{/${top.name}}} first`,
        );
      }
    }
  }
  const unclosed = open.pop();
  if (!unclosed) return undefined;
  const at = offsetToLoc(text, unclosed.offset);
  return new ReportError('template', `{{#${unclosed.name}}} is never closed`, place(where, at.line, at.column), `add {{/${unclosed.name}}} where the block ends`);
}

export interface CallRules {
  helpers: readonly string[];
  /** Partials that can be called, or undefined where partials are not allowed. */
  partials?: readonly string[];
  messages?: Messages;
}

/** Helper calls, partials and message keys, each checked against what exists. */
export function checkCalls(ast: hbs.AST.Program, where: Where, rules: CallRules): void {
  const visitor = new Handlebars.Visitor();
  const call = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement) => {
    if (node.path.type !== 'PathExpression') return;
    const name = (node.path as hbs.AST.PathExpression).original;
    const isCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression';
    if (isCall && !rules.helpers.includes(name)) {
      const { line, column } = node.path.loc.start;
      throw new ReportError('template', `unknown helper "${name}"`, place(where, line, column), didYouMean(name, rules.helpers) ?? `the helpers are ${rules.helpers.join(', ')}`);
    }
    if (name === 't' && rules.messages) messageKey(node, where, rules.messages);
  };
  const partial = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement) => {
    const name = node.name.type === 'PathExpression' ? (node.name as hbs.AST.PathExpression).original : undefined;
    const { line, column } = node.name.loc.start;
    if (!rules.partials) throw new ReportError('template', 'partials cannot be used here', place(where, line, column));
    if (name !== undefined && !rules.partials.includes(name)) {
      throw new ReportError('template', `no partial "${name}"`, place(where, line, column), didYouMean(name, rules.partials) ?? `partials are the files of templates/partials: ${rules.partials.join(', ') || 'none'}`);
    }
  };
  visitor.MustacheStatement = function (node) {
    call(node);
    Handlebars.Visitor.prototype.MustacheStatement.call(this, node);
  };
  visitor.SubExpression = function (node) {
    call(node);
    Handlebars.Visitor.prototype.SubExpression.call(this, node);
  };
  visitor.BlockStatement = function (node) {
    call(node);
    Handlebars.Visitor.prototype.BlockStatement.call(this, node);
  };
  visitor.PartialStatement = function (node) {
    partial(node);
    Handlebars.Visitor.prototype.PartialStatement.call(this, node);
  };
  visitor.PartialBlockStatement = function (node) {
    partial(node);
    Handlebars.Visitor.prototype.PartialBlockStatement.call(this, node);
  };
  visitor.accept(ast);
}

/** Every {{t "literal.key"}} must exist in the catalogue: checked before anything renders. */
function messageKey(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement, where: Where, messages: Messages): void {
  const [key] = node.params;
  if (key?.type !== 'StringLiteral') return;
  const value = (key as hbs.AST.StringLiteral).value;
  const known = messages.keys();
  if (known.includes(value)) return;
  const { line, column } = key.loc.start;
  throw new ReportError(
    'template',
    `no message "${value}" in the ${messages.locale} catalogue`,
    place(where, line, column),
    didYouMean(value, known) ?? `add ${value} to templates/i18n/${messages.locale}.yaml`,
  );
}

/** Attributes a reader hears or sees: their text must come from the catalogue too. */
const READ_ATTRIBUTES = /\b(?:alt|title|aria-label|aria-description|placeholder)\s*=\s*"([^"]*)"/g;

/**
 * Words typed into a template would print in every language. When more than
 * one language is built, text outside mustaches, tags, styles and comments is
 * an error at its place.
 */
export function checkProse(source: string, where: Where, locales: readonly string[]): void {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  const noMustaches = withoutComments(source).replace(/\{\{[\s\S]*?\}\}/g, blank);
  const spoken = [...noMustaches.matchAll(READ_ATTRIBUTES)].map((m) => ({ text: m[1]!, offset: m.index + m[0].indexOf('"') + 1 }));
  const text = noMustaches
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, blank)
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/<[^>]*>/g, blank)
    .replace(/&[#\w]+;/g, blank);
  const found = /\p{L}{2,}/u.exec(text) ?? spoken.map((s) => ({ m: /\p{L}{2,}/u.exec(s.text), s })).find((x) => x.m)?.m;
  if (!found) return;
  const inAttribute = !/\p{L}{2,}/u.test(text);
  const offset = inAttribute ? spoken.find((s) => /\p{L}{2,}/u.test(s.text))!.offset + found.index : found.index;
  const at = offsetToLoc(source, offset);
  const word = (inAttribute ? found.input : text.slice(found.index).split(/\n/)[0]!).trim();
  throw new ReportError(
    'template',
    `the literal text "${word.length > 40 ? `${word.slice(0, 40)}…` : word}" would print the same in ${locales.join(' and ')}`,
    place(where, at.line, at.column),
    `put it in templates/i18n/<language>.yaml and print it with {{t "key"}}`,
  );
}
