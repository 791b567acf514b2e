// One error type for every stage, a catalogue of its codes, and the two
// formats users see: a terminal line with a code frame, and JSON for CI.

/** Codes are part of the interface: never rename or reuse one once released. */
export const ERROR_CODES = {
  usage: 'the command line is not understood',
  io: 'a file or folder cannot be read or written',
  'missing-file': 'a data file the schemas expect is absent',
  'unknown-file': 'a data file has no schema',
  'too-large': 'a data file exceeds the size limit',
  'too-deep': 'a data file nests mappings and lists deeper than the limit',
  encoding: 'a data file is not valid UTF-8',
  syntax: 'the YAML cannot be parsed',
  'duplicate-key': 'a mapping repeats a key',
  alias: 'YAML anchors and aliases are not allowed in data files',
  tag: 'YAML tags are not allowed in data files',
  'unsafe-key': 'a key could alter JavaScript objects (__proto__, constructor, prototype)',
  'complex-key': 'a key is not plain text',
  schema: 'a value does not match its JSON Schema',
  'duplicate-id': 'two records of one collection share an id',
  'unknown-ref': 'an id refers to no record',
  consistency: 'records contradict each other',
  translation: 'a text has no value in a language the build makes',
  template: 'a template cannot be compiled or rendered',
  render: 'an output cannot be rendered',
  browser: 'no usable browser, or the browser failed',
  'open-data': 'the schemas cannot be turned into the tables of the open data',
  git: 'git cannot give the data at a revision',
  merge: 'the out folders of shards do not make one build',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Position {
  /** Path as the user sees it, relative to the working folder. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like editors count. */
  column: number;
  /** JSON pointer of the offending value inside the file, when there is one. */
  pointer?: string;
}

export class ReportError extends Error {
  override readonly name = 'ReportError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly at?: Position,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, at: this.at, hint: this.hint };
  }
}

/** Sources of the files errors point into, for code frames. */
export type Sources = ReadonlyMap<string, string>;

/** Every mistake a stage found at once, thrown together with the sources they point into. */
export class ReportErrors extends Error {
  override readonly name = 'ReportErrors';
  constructor(
    readonly errors: readonly ReportError[],
    readonly sources: Sources = new Map(),
  ) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

export function sortErrors(errors: readonly ReportError[]): ReportError[] {
  return [...errors].sort(
    (a, b) =>
      (a.at?.file ?? '').localeCompare(b.at?.file ?? '') ||
      (a.at?.line ?? 0) - (b.at?.line ?? 0) ||
      (a.at?.column ?? 0) - (b.at?.column ?? 0),
  );
}

export function formatError(error: ReportError, sources: Sources = new Map()): string {
  const { at } = error;
  const where = at ? `${at.file}:${at.line}:${at.column} ` : '';
  const pointer = at?.pointer ? `${at.pointer} ` : '';
  const lines = [`${where}error[${error.code}] ${pointer}${error.message}`];
  const text = at && sources.get(at.file);
  if (at && text !== undefined) lines.push(...codeFrame(text, at.line, at.column));
  if (error.hint) lines.push(`   hint: ${error.hint}`);
  return lines.join('\n');
}

export function formatErrors(errors: readonly ReportError[], sources: Sources = new Map()): string {
  const sorted = sortErrors(errors);
  const count = `${sorted.length} error${sorted.length === 1 ? '' : 's'}`;
  return `${sorted.map((e) => formatError(e, sources)).join('\n\n')}\n\n${count}`;
}

export function errorsToJson(errors: readonly ReportError[]): string {
  return JSON.stringify({ ok: false, errors: sortErrors(errors) }, null, 2);
}

/** One template mistake fails every output of its entry: report it once, naming them. */
export function mergeRepeated(errors: readonly { error: ReportError; output: string }[]): ReportError[] {
  const groups = new Map<string, { error: ReportError; outputs: string[] }>();
  for (const { error, output } of errors) {
    const key = JSON.stringify([error.code, error.message, error.at]);
    const group = groups.get(key) ?? { error, outputs: [] };
    group.outputs.push(output);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ error, outputs }) => {
    const [first, ...more] = outputs;
    const which = more.length > 0 ? `${first} and ${more.length} more outputs` : first;
    const message = error.message.startsWith(`${first}:`) ? error.message : `${error.message} (${which})`;
    return new ReportError(error.code, message, error.at, error.hint, { cause: error });
  });
}

/** Anything an output's work threw, as an error of that output. */
export function asReportError(error: unknown, output: string): ReportError {
  if (error instanceof ReportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ReportError('render', `${output}: ${message}`, undefined, undefined, { cause: error });
}

const FRAME_WIDTH = 120;

function codeFrame(text: string, line: number, column: number): string[] {
  const all = text.split(/\r?\n/);
  const gutter = String(line).length;
  const row = (n: number, mark: string) => {
    const content = (all[n - 1] ?? '').replace(/\t/g, ' ');
    const shown = content.length > FRAME_WIDTH ? `${content.slice(0, FRAME_WIDTH)}…` : content;
    return `${mark} ${String(n).padStart(gutter + 2)} | ${shown}`;
  };
  const frame: string[] = [];
  if (line > 1) frame.push(row(line - 1, ' '));
  frame.push(row(line, '>'));
  const caretAt = Math.min(column - 1, FRAME_WIDTH);
  frame.push(`  ${' '.repeat(gutter + 2)} | ${' '.repeat(caretAt)}^`);
  return frame;
}
