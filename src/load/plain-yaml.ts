// A fast reader for the plain YAML data files are written in: block mappings
// and lists, one-line scalars and one-line lists of plain words. It builds only
// the value, about twenty times faster than the `yaml` library builds a
// document with positions. Anything outside that subset, or anything the full
// parser would report, makes it give up (`undefined`), and the caller parses
// with `yaml`; so whenever it answers, the answer is the one `yaml` would give
// without an error. Plain scalars are resolved by `yaml`'s own schema tags.
import { Document, isScalar, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

type Options = DocumentOptions & SchemaOptions & ParseOptions;
type ScalarTag = { default?: boolean | 'key'; test?: RegExp; collection?: string; resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown };

/** Characters the subset leaves to the full parser: controls, tabs, CR, and other line or byte-order marks. */
const UNUSUAL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]{0,200}):(?: +|$)/;
/** A plain scalar in a flow list: a word with no flow indicators, quotes or comment. */
const FLOW_ITEM = /^[\p{L}\p{N}_][\p{L}\p{M}\p{N}_. /+()-]*$/u;
/** Plain scalars may not start with an indicator; `-5` and `-.5` are numbers. */
const PLAIN_START = /^(?:[^-?:,[\]{}#&*!|>'"%@` ]|-[0-9.])/;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Well below the loader's MAX_DEPTH: deeper files go to the full parser, which reports them. */
const MAX_DEPTH = 24;

class GiveUp extends Error {}

export function readPlainYaml(text: string, options: Options): { value: unknown } | undefined {
  if (UNUSUAL.test(text)) return undefined;
  try {
    return { value: new Reader(text, options).document() };
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    throw e;
  }
}

interface Line {
  indent: number;
  content: string;
}

class Reader {
  private readonly lines: Line[] = [];
  private at = 0;
  private readonly tags: ScalarTag[];
  private readonly string: ScalarTag;
  private readonly options: unknown;

  constructor(text: string, options: Options) {
    for (const raw of text.split('\n')) {
      const content = skipSpaces(raw);
      // Blank lines and whole-line comments carry no value.
      if (content === '' || content.startsWith('#')) continue;
      this.lines.push({ indent: raw.length - content.length, content: trimSpaces(content) });
    }
    // The schema and options a document parsed with these options resolves its scalars by.
    const doc = new Document(null, options);
    this.tags = doc.schema.tags as unknown as ScalarTag[];
    this.string = (doc.schema as unknown as Record<symbol, ScalarTag>)[Symbol.for('yaml.scalar')]!;
    this.options = doc.options;
  }

  document(): unknown {
    const first = this.lines[0];
    if (!first || first.indent !== 0) throw new GiveUp();
    const value = this.block(0, 0);
    if (this.at < this.lines.length) throw new GiveUp();
    return value;
  }

  private block(indent: number, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new GiveUp();
    return isItem(this.lines[this.at]!.content) ? this.list(indent, depth) : this.mapping(indent, depth);
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (let line = this.lines[this.at]; line && line.indent === indent; line = this.lines[this.at]) {
      const key = KEY.exec(line.content);
      if (!key) throw new GiveUp();
      const name = key[1]!;
      if (UNSAFE_KEYS.has(name) || Object.hasOwn(map, name) || this.resolve(name, true) !== name) throw new GiveUp();
      const rest = line.content.slice(key[0].length);
      this.at++;
      const next = this.lines[this.at];
      if (rest === '' || rest.startsWith('#')) {
        // The value is on the lines below: deeper, or a list at the key's own indent.
        if (next && next.indent > indent) map[name] = this.block(next.indent, depth + 1);
        else if (next && next.indent === indent && isItem(next.content)) map[name] = this.list(indent, depth + 1);
        else map[name] = null;
      } else {
        map[name] = this.inline(rest);
        if (next && next.indent > indent) throw new GiveUp();
      }
    }
    return map;
  }

  private list(indent: number, depth: number): unknown[] {
    const items: unknown[] = [];
    for (let line = this.lines[this.at]; line && line.indent === indent && isItem(line.content); line = this.lines[this.at]) {
      const rest = skipSpaces(line.content.slice(1));
      if (rest === '' || rest.startsWith('#')) {
        this.at++;
        const next = this.lines[this.at];
        items.push(next && next.indent > indent ? this.block(next.indent, depth + 1) : null);
      } else if (KEY.test(rest) || isItem(rest)) {
        // "- key: value" opens a mapping (or "- - x" a list) at the column after the dash.
        const inner = indent + line.content.length - rest.length;
        this.lines[this.at] = { indent: inner, content: rest };
        items.push(this.block(inner, depth + 1));
      } else {
        this.at++;
        items.push(this.inline(rest));
      }
      const next = this.lines[this.at];
      if (next && next.indent > indent) throw new GiveUp();
    }
    return items;
  }

  /** A value on the key's or dash's own line. */
  private inline(text: string): unknown {
    const first = text[0];
    if (first === '"' || first === "'") {
      const end = text.indexOf(first, 1);
      const inside = text.slice(1, end);
      // Escapes, doubled quotes and anything after the closing quote but a comment: the full parser.
      if (end < 0 || inside.includes('\\') || (first === "'" && text[end + 1] === "'") || !/^(?: +#.*)?$/.test(text.slice(end + 1))) throw new GiveUp();
      return inside;
    }
    if (first === '[') {
      const end = text.indexOf(']');
      if (end < 0 || !/^(?: +#.*)?$/.test(text.slice(end + 1))) throw new GiveUp();
      const inside = trimSpaces(skipSpaces(text.slice(1, end)));
      if (inside === '') return [];
      return inside.split(',').map((item) => {
        const word = trimSpaces(skipSpaces(item));
        if (!FLOW_ITEM.test(word)) throw new GiveUp();
        return this.resolve(word, false);
      });
    }
    if (!PLAIN_START.test(text)) throw new GiveUp();
    const comment = text.indexOf(' #');
    const plain = comment < 0 ? text : trimSpaces(text.slice(0, comment));
    // "a: b" inside a value is a mapping the full parser refuses; a trailing colon is a key.
    if (plain.includes(': ') || plain.endsWith(':')) throw new GiveUp();
    return this.resolve(plain, false);
  }

  /** As `yaml` resolves a plain scalar: the first default tag whose test matches, else a string. */
  private resolve(plain: string, atKey: boolean): unknown {
    const tag = this.tags.find((t) => !t.collection && (t.default === true || (atKey && t.default === 'key')) && t.test?.test(plain)) ?? this.string;
    let resolved: unknown;
    try {
      resolved = tag.resolve(plain, () => {
        throw new GiveUp();
      }, this.options);
    } catch {
      // compose-scalar reports a tag that fails to resolve.
      throw new GiveUp();
    }
    // Some tags answer with a node (a float keeps its written precision); its value is what toJS gives.
    const value = isScalar(resolved) ? resolved.value : resolved;
    if (value !== null && typeof value === 'object') throw new GiveUp();
    return value;
  }
}

function isItem(content: string): boolean {
  return content === '-' || content.startsWith('- ');
}

// YAML's white space is the space (tabs are left to the full parser); String's trim would also take U+00A0 and the like.
function skipSpaces(text: string): string {
  let i = 0;
  while (text.charCodeAt(i) === 32) i++;
  return i === 0 ? text : text.slice(i);
}

function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}
