// Where the named destinations of a print lead, read from its bytes without
// loading the document. The publication asks this of every print to learn
// where its briefs start; pdf-lib would make an object of each of the hundred
// thousand objects of a 2,000-page print (some 200 MB of heap) to read a few
// hundred of them. Chromium writes a classic cross-reference table and plain
// objects (no object streams): the catalogue's Dests dictionary maps each name
// to [page /XYZ left top zoom], and the page tree gives the pages' order.

/** The page (0-based) of each named destination of the catalogue's Dests that leads to a page. */
export function destinationPages(pdf: Uint8Array): Map<string, number> {
  const reader = new Reader(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  const catalog = reader.resolve(reader.trailer.get('Root'));
  if (!(catalog instanceof Map)) throw reader.malformed('the trailer names no catalogue');
  const order = new Map<number, number>();
  const walk = (node: Value | undefined) => {
    const dict = reader.resolve(node);
    if (!(dict instanceof Map) || !(node instanceof Ref)) throw reader.malformed('a page tree node is not a dictionary by reference');
    const kids = reader.resolve(dict.get('Kids'));
    if (isName(dict.get('Type'), 'Pages') && Array.isArray(kids)) kids.forEach(walk);
    else order.set(node.num, order.size);
  };
  walk(catalog.get('Pages'));

  const pages = new Map<string, number>();
  const dests = reader.resolve(catalog.get('Dests'));
  for (const [name, value] of dests instanceof Map ? dests : []) {
    const dest = reader.resolve(value);
    const page = Array.isArray(dest) && dest[0] instanceof Ref ? order.get(dest[0].num) : undefined;
    if (page !== undefined) pages.set(name, page);
  }
  return pages;
}

class Ref {
  constructor(readonly num: number) {}
}
class Name {
  constructor(readonly name: string) {}
}
/** Strings are skipped, not decoded: nothing read here needs their text. */
type Value = number | boolean | null | Ref | Name | typeof STRING | Value[] | Map<string, Value>;
const STRING = Symbol('string');
/** What value() returns on ">>" and "]", ending the dictionary or array being read. */
const END = Symbol('end');

const isName = (value: Value | undefined, name: string) => value instanceof Name && value.name === name;

// Byte classes (ISO 32000-1, 7.2.2).
const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const regular = (byte: number | undefined) => byte !== undefined && !WHITE.has(byte) && !DELIMITERS.has(byte);
const INTEGER = /^[+-]?\d+$/;

class Reader {
  readonly trailer: Map<string, Value>;
  /** The table's subsections: objects first..first+count-1, their 20-byte entries from `at`. */
  private readonly sections: { first: number; count: number; at: number }[] = [];
  private at = 0;

  constructor(private readonly bytes: Buffer) {
    const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!start) throw this.malformed('no startxref at its end');
    this.at = Number(start[1]);
    if (this.token() !== 'xref') throw this.malformed('no cross-reference table (an xref stream, or not as Chromium writes it)');
    for (let token = this.token(); token !== 'trailer'; token = this.token()) {
      const count = this.token();
      if (!INTEGER.test(token) || !INTEGER.test(count)) throw this.malformed(`a cross-reference subsection starts with "${token} ${count}"`);
      // The entries start on the next line; each is exactly 20 bytes long.
      while (WHITE.has(bytes[this.at]!)) this.at++;
      this.sections.push({ first: Number(token), count: Number(count), at: this.at });
      this.at += 20 * Number(count);
    }
    const trailer = this.item();
    if (!(trailer instanceof Map)) throw this.malformed('the trailer is not a dictionary');
    this.trailer = trailer;
  }

  /** The value itself, or the object a reference points to. */
  resolve(value: Value | undefined): Value | undefined {
    if (!(value instanceof Ref)) return value;
    const section = this.sections.find((s) => value.num >= s.first && value.num < s.first + s.count);
    const entry = section && section.at + 20 * (value.num - section.first);
    if (entry === undefined || this.bytes.toString('latin1', entry + 17, entry + 18) !== 'n') return null;
    this.at = Number(this.bytes.toString('latin1', entry, entry + 10));
    const [num, , keyword] = [this.token(), this.token(), this.token()];
    if (Number(num) !== value.num || keyword !== 'obj') throw this.malformed(`object ${value.num} is not where the table says`);
    return this.item();
  }

  malformed(what: string): Error {
    return new Error(`reading a printed PDF's destinations: ${what}`);
  }

  private value(): Value | typeof END {
    const token = this.token();
    switch (token) {
      case '<<': {
        const dict = new Map<string, Value>();
        for (let key = this.value(); key !== END; key = this.value()) {
          if (!(key instanceof Name)) throw this.malformed(`a dictionary key before byte ${this.at} is not a name`);
          dict.set(key.name, this.item());
        }
        return dict;
      }
      case '[': {
        const array: Value[] = [];
        for (let item = this.value(); item !== END; item = this.value()) array.push(item);
        return array;
      }
      case '>>':
      case ']':
        return END;
      case '(':
        this.skipString();
        return STRING;
      case '<': {
        const end = this.bytes.indexOf('>', this.at);
        if (end < 0) throw this.malformed('an unterminated hex string');
        this.at = end + 1;
        return STRING;
      }
      case 'true':
      case 'false':
        return token === 'true';
      case 'null':
        return null;
    }
    if (token.startsWith('/')) return new Name(decodeName(token.slice(1)));
    if (!Number.isFinite(Number(token)) || token === '') throw this.malformed(`unexpected "${token}" before byte ${this.at}`);
    // Two integers and R: a reference.
    if (INTEGER.test(token)) {
      const back = this.at;
      const generation = this.token();
      if (INTEGER.test(generation) && this.token() === 'R') return new Ref(Number(token));
      this.at = back;
    }
    return Number(token);
  }

  /** A value that may not be a closing bracket. */
  private item(): Value {
    const value = this.value();
    if (value === END) throw this.malformed(`a closing bracket before byte ${this.at} closes nothing`);
    return value;
  }

  /** The next token: a delimiter ("<<", ">>", "[", "]", "(", "<"), a name with its slash, or a run of regular bytes. */
  private token(): string {
    const { bytes } = this;
    for (;;) {
      while (WHITE.has(bytes[this.at]!)) this.at++;
      if (bytes[this.at] !== 0x25 /* % */) break;
      while (this.at < bytes.length && bytes[this.at] !== 0x0a && bytes[this.at] !== 0x0d) this.at++;
    }
    const start = this.at;
    const two = bytes.toString('latin1', start, start + 2);
    if (two === '<<' || two === '>>') {
      this.at += 2;
      return two;
    }
    if (DELIMITERS.has(bytes[start]!) && bytes[start] !== 0x2f /* / */) {
      this.at++;
      return two[0]!;
    }
    this.at++;
    while (regular(bytes[this.at])) this.at++;
    return bytes.toString('latin1', start, this.at);
  }

  /** Past a literal string whose "(" was read: balanced parentheses, backslash escapes. */
  private skipString(): void {
    for (let depth = 1; depth > 0; this.at++) {
      const byte = this.bytes[this.at];
      if (byte === undefined) throw this.malformed('an unterminated string');
      if (byte === 0x5c /* \ */) this.at++;
      else if (byte === 0x28) depth++;
      else if (byte === 0x29) depth--;
    }
  }
}

/** #xx escapes to their bytes, one character each (as pdf-lib's decodeText reads a name). */
function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
