// YAML text -> a plain value plus the parsed document, so later stages can map
// any JSON pointer back to a line and column. Everything YAML allows but a data
// file must not use is rejected here, with its position. A file in plain YAML
// (plain-yaml.ts) is read fast, and its document parsed only when a position is
// asked for.
import { isCollection, isPair, isScalar, parseDocument, visit, type Document } from 'yaml';
import { ReportError, type ErrorCode } from '../errors.ts';
import { readPlainYaml } from './plain-yaml.ts';

export interface YamlFile {
  /** Path as shown to the user. */
  file: string;
  text: string;
  doc: Document.Parsed;
  /** 1-based line and column of a character offset in `text`. */
  locate(offset: number): { line: number; column: number };
  value: unknown;
}

// Large enough for 10,000 projects (about 3.5 MB), small enough to refuse a runaway file at once.
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type YamlResult = { ok: true; file: YamlFile } | { ok: false; errors: ReportError[]; text?: string };

export function parseYamlFile(file: string, bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): YamlResult {
  if (bytes.byteLength > maxBytes) {
    return fail(
      new ReportError(
        'too-large',
        `file is ${bytes.byteLength} bytes, more than the limit of ${maxBytes}`,
        { file, line: 1, column: 1 },
        'split the collection or check that the file is the one you meant',
      ),
    );
  }
  const decoded = decodeUtf8(file, bytes);
  if (decoded instanceof ReportError) return fail(decoded);
  const text = decoded.replace(/^\uFEFF/, '');

  const locate = locator(text);
  // Most files are plain YAML: their value is read fast, and the document with
  // positions is parsed only if a later stage asks for a position.
  const plain = readPlainYaml(text, OPTIONS);
  if (plain) {
    let parsed: Document.Parsed | undefined;
    const lazy: YamlFile = {
      file,
      text,
      get doc() {
        return (parsed ??= parseDocument(text, OPTIONS));
      },
      locate,
      value: plain.value,
    };
    return { ok: true, file: lazy };
  }
  const doc = parseDocument(text, OPTIONS);
  const at = (offset: number) => ({ file, ...locate(offset) });
  const errors: ReportError[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const code: ErrorCode = /call stack/i.test(e.message)
      ? 'too-deep'
      : e.code === 'DUPLICATE_KEY'
        ? 'duplicate-key'
        : e.code === 'TAG_RESOLVE_FAILED'
          ? 'tag'
          : 'syntax';
    // After the first syntax error the parser's further complaints are mostly echoes of it.
    if (code === 'syntax' && errors.some((x) => x.code === 'syntax')) continue;
    const message = code === 'too-deep' ? `nesting is deeper than ${MAX_DEPTH} levels` : firstLine(e.message);
    errors.push(new ReportError(code, message, at(e.pos[0]), SYNTAX_HINTS[code]));
  }
  if (errors.length === 0) errors.push(...forbiddenNodes(doc, text, at));
  if (errors.length > 0) return { ok: false, errors, text };

  const value = doc.toJS({ maxAliasCount: 0 }) as unknown;
  return { ok: true, file: { file, text, doc, locate, value } };
}

const OPTIONS = { version: '1.2', schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false } as const;

/** Real data nests about six levels; far deeper is a mistake or an attack on the stack. */
export const MAX_DEPTH = 32;

const SYNTAX_HINTS: Partial<Record<ErrorCode, string>> = {
  'too-deep': `data files nest at most ${MAX_DEPTH} levels of mappings and lists`,
  syntax: 'check indentation, colons and quotes around this position',
  'duplicate-key': 'remove or rename one of the two keys',
  tag: 'remove the tag; data files use plain YAML values',
};

function forbiddenNodes(doc: Document.Parsed, text: string, at: (offset: number) => ReportError['at']): ReportError[] {
  const errors: ReportError[] = [];
  visit(doc, {
    Alias(_, node) {
      errors.push(
        new ReportError('alias', `alias *${node.source} is not allowed`, at(node.range?.[0] ?? 0), 'write the value out in full'),
      );
    },
    Node(_, node, path) {
      if (isCollection(node) && path.filter(isCollection).length >= MAX_DEPTH) {
        errors.push(new ReportError('too-deep', `nesting is deeper than ${MAX_DEPTH} levels`, at(node.range?.[0] ?? 0), SYNTAX_HINTS['too-deep']));
        return visit.BREAK;
      }
      if (node.anchor) {
        // The node's range starts after its properties; point at the anchor itself.
        const start = node.range?.[0] ?? 0;
        const anchorAt = text.lastIndexOf(`&${node.anchor}`, start);
        errors.push(
          new ReportError('alias', `anchor &${node.anchor} is not allowed`, at(anchorAt >= 0 ? anchorAt : start), 'remove the anchor and write values out in full'),
        );
      }
      if (node.tag && !isCollection(node)) {
        errors.push(new ReportError('tag', `tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed`, at(node.range?.[0] ?? 0), SYNTAX_HINTS.tag));
      }
    },
    Pair(_, pair) {
      if (!isPair(pair)) return;
      const key = pair.key;
      if (!isScalar(key)) {
        const offset = isCollection(key) ? (key.range?.[0] ?? 0) : 0;
        errors.push(new ReportError('complex-key', 'a key must be plain text', at(offset), 'write the key as a word, e.g. name'));
        return;
      }
      if (UNSAFE_KEYS.has(String(key.value))) {
        errors.push(
          new ReportError(
            'unsafe-key',
            `key "${String(key.value)}" is not allowed`,
            at(key.range?.[0] ?? 0),
            'rename the key; these names can change how JavaScript objects behave',
          ),
        );
      }
    },
  });
  return errors;
}

function decodeUtf8(file: string, bytes: Uint8Array): string | ReportError {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Locate the first bad byte: decode the valid prefix to count lines and columns.
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lineStarts = prefix.split('\n');
    return new ReportError(
      'encoding',
      `byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad} is not valid UTF-8`,
      { file, line: lineStarts.length, column: (lineStarts.at(-1) ?? '').length + 1 },
      'save the file as UTF-8 (most editors offer this under "Save with encoding")',
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    const chunk = bytes.subarray(i, i + need + 1);
    if (chunk.length < need + 1) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk);
    } catch {
      return i;
    }
    i += need + 1;
  }
  return i;
}

/**
 * Offsets -> positions from the text itself: the parser's own line counter
 * misses line breaks it skips while recovering from syntax errors.
 */
function locator(text: string): YamlFile['locate'] {
  let starts: number[] | undefined;
  return (offset) => {
    // Line starts are found on the first call: a file without errors never needs them.
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+$/, '');
}

function fail(error: ReportError): YamlResult {
  return { ok: false, errors: [error] };
}
