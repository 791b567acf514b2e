// A PDF content stream as a list of operations with their byte ranges, so a
// post-processing step can insert operators between them and leave every other
// byte as Chromium wrote it. Operands are kept as raw text: the steps here only
// need to recognise marked-content tags and their property lists.

export interface Operation {
  operator: string;
  /** Raw text of each operand (a name keeps its slash, a dictionary its brackets). */
  operands: string[];
  /** Offset of the first operand, or of the operator when it has none. */
  start: number;
  /** Offset just past the operator (for an inline image, past its EI). */
  end: number;
}

// Character classes by byte (the text is latin1): a table, as a brief's pages hold a few hundred thousand characters.
const WHITE = 1;
const DELIMITER = 2;
const NUMBER_START = 4;
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = WHITE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIMITER;
for (const c of '0123456789+-.') CLASS[c.charCodeAt(0)] = NUMBER_START;
const is = (text: string, at: number, kind: number) => (CLASS[text.charCodeAt(at)]! & kind) !== 0;

export function parseOperations(bytes: Uint8Array): Operation[] {
  const text = Buffer.from(bytes).toString('latin1');
  const operations: Operation[] = [];
  let operands: string[] = [];
  let operandsStart = -1;
  let i = skipSpace(text, 0);
  while (i < text.length) {
    const isOperand = is(text, i, DELIMITER | NUMBER_START) || startsKeywordOperand(text, i);
    if (isOperand) {
      if (operandsStart < 0) operandsStart = i;
      const end = objectEnd(text, i);
      operands.push(text.slice(i, end));
      i = skipSpace(text, end);
      continue;
    }
    const start = operandsStart < 0 ? i : operandsStart;
    const operator = text.slice(i, Math.max(regularEnd(text, i), i + 1));
    let end = i + operator.length;
    if (operator === 'BI') end = inlineImageEnd(text, end);
    operations.push({ operator, operands, start, end });
    operands = [];
    operandsStart = -1;
    i = skipSpace(text, end);
  }
  if (operands.length > 0) throw new Error('content stream: operands without an operator at the end');
  return operations;
}

/** Past white space and comments. */
function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && is(text, i, WHITE)) i++;
    if (text[i] !== '%') return i;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  }
}

function regularEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !is(text, i, WHITE | DELIMITER)) i++;
  return i;
}

/** Offset just past the object that starts at `from`. */
function objectEnd(text: string, from: number): number {
  const c = text[from];
  if (c === '(') return literalStringEnd(text, from);
  if (c === '/') return regularEnd(text, from + 1);
  if (c === '<' && text[from + 1] === '<') return containerEnd(text, from + 2, '>>');
  if (c === '<') return expectIndex(text.indexOf('>', from), from) + 1;
  if (c === '[') return containerEnd(text, from + 1, ']');
  // A stray delimiter (")", "]", "{") is taken alone, so the scan always moves on.
  return Math.max(regularEnd(text, from), from + 1);
}

function containerEnd(text: string, from: number, close: string): number {
  let i = skipSpace(text, from);
  while (!text.startsWith(close, i)) {
    if (i >= text.length) throw new Error(`content stream: unterminated ${close === ']' ? 'array' : 'dictionary'}`);
    i = skipSpace(text, objectEnd(text, i));
  }
  return i + close.length;
}

/** true, false and null are operands, not operators. */
function startsKeywordOperand(text: string, at: number): boolean {
  const c = text[at];
  return (c === 't' || c === 'f' || c === 'n') && /^(true|false|null)(?![^\s()<>[\]{}/%])/.test(text.slice(at, at + 6));
}

function literalStringEnd(text: string, from: number): number {
  let depth = 0;
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  throw new Error('content stream: unterminated string');
}

/** BI <dict> ID <binary data> EI: the data may hold any bytes, so EI must stand alone between white space. */
function inlineImageEnd(text: string, from: number): number {
  const id = /\sID[\s]/g;
  id.lastIndex = from - 1;
  const found = id.exec(text);
  let j = expectIndex(found ? found.index + 4 : -1, from);
  const ei = /\sEI(?=[\s]|$)/g;
  ei.lastIndex = j - 1;
  const end = ei.exec(text);
  j = expectIndex(end ? end.index + 3 : -1, from);
  return j;
}

function expectIndex(index: number, from: number): number {
  if (index < 0) throw new Error(`content stream: malformed object at byte ${from}`);
  return index;
}
