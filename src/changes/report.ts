// What changed, as people and programs read it: out/changes.md, out/changes.json
// and the short summary a build prints. In English, like every message of the
// command line; figures formatted as the English briefs show them.
import { join } from 'node:path';
import { createFormatter } from '../i18n/format.ts';
import { writeAtomic } from '../output/write-atomic.ts';
import type { DataChanges, FieldChange, FigureChange, RecordRef } from './compare.ts';
import type { Figure } from './snapshot.ts';

export interface OutputChanges {
  rebuilt: string[];
  added: string[];
  removed: string[];
}

export interface Changes {
  /** What the data is compared with: "the previous build", "revision HEAD~1 (3f2c9a1)". */
  since: string;
  /** False when there was nothing to compare with (a first build). */
  compared: boolean;
  data: DataChanges;
  /** What the build made of it; absent when nothing was built (`changes --since`). */
  outputs?: OutputChanges;
}

export const NO_DATA_CHANGES: DataChanges = { figures: [], added: [], removed: [], changed: [] };

const format = createFormatter('en-GB', 'EUR');

/** Two values of a figure that read the same did not change: a share moving by less than 0.1 % is not news. */
export function sameReading(figure: Figure, a: number, b: number): boolean {
  return show(figure.format, a) === show(figure.format, b);
}

export function figureText(change: FigureChange): string {
  return `${show(change.format, change.before)} → ${show(change.format, change.after)}`;
}

export async function writeChanges(outDir: string, changes: Changes): Promise<void> {
  await writeAtomic(join(outDir, 'changes.md'), Buffer.from(changesMarkdown(changes)));
  await writeAtomic(join(outDir, 'changes.json'), Buffer.from(`${changesJson(changes)}\n`));
}

export function changesJson(changes: Changes): string {
  const figures = changes.data.figures.map((f) => ({ ...f, text: figureText(f) }));
  return JSON.stringify({ ...changes, data: { ...changes.data, figures } }, null, 2);
}

export function changesMarkdown(changes: Changes): string {
  const { data, outputs } = changes;
  const lines = [`# What changed since ${changes.since}`, ''];
  if (!changes.compared) lines.push('Nothing to compare with: this is the first build.', '');
  else {
    lines.push(`## Figures (${data.figures.length})`, '');
    lines.push(...(data.figures.length > 0 ? data.figures.map((f) => `- ${f.label}: ${figureText(f)}`) : ['None changed.']), '');
    lines.push('## Records', '');
    lines.push(...refList('Added', data.added), ...refList('Removed', data.removed));
    lines.push(`Changed (${data.changed.length})${data.changed.length > 0 ? ':' : ': none.'}`, '');
    for (const record of data.changed) {
      lines.push(`- ${name(record)}`, ...record.fields.map((f) => `  - ${fieldText(f)}`));
    }
    if (data.changed.length > 0) lines.push('');
  }
  if (outputs) {
    lines.push('## Outputs', '');
    for (const [title, paths] of [['Rebuilt', outputs.rebuilt], ['Added', outputs.added], ['Removed', outputs.removed]] as const) {
      lines.push(`${title} (${paths.length})${paths.length > 0 ? ':' : ': none.'}`, '', ...paths.map((p) => `- ${p}`));
      if (paths.length > 0) lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A line or two for the terminal: the first figures, then counts. `where`: the report's path as the user sees it. */
export function changesSummary(changes: Changes, where: string): string {
  const { data, outputs } = changes;
  const built = outputs ? `outputs: ${outputs.rebuilt.length} rebuilt, ${outputs.added.length} added, ${outputs.removed.length} removed` : '';
  if (!changes.compared) return `changes: first build, nothing to compare with${built ? `; ${built}` : ''} (${where})`;
  const shown = data.figures.slice(0, 2).map((f) => `${f.label} ${figureText(f)}`);
  if (data.figures.length > 2) shown.push(`${data.figures.length - 2} more figures`);
  const records = `records: ${data.added.length} added, ${data.removed.length} removed, ${data.changed.length} changed`;
  const nothing = data.figures.length + data.added.length + data.removed.length + data.changed.length === 0;
  const head = nothing ? `changes since ${changes.since}: none in the data` : `changes since ${changes.since}: ${shown.length > 0 ? shown.join('; ') : 'no figures'}`;
  return `${head}\n  ${[records, built].filter(Boolean).join('; ')} (${where})`;
}

function refList(title: string, refs: readonly RecordRef[]): string[] {
  if (refs.length === 0) return [`${title} (0): none.`, ''];
  return [`${title} (${refs.length}):`, '', ...refs.map((r) => `- ${name(r)}`), ''];
}

function name(record: RecordRef): string {
  return record.label === record.ref ? record.ref : `${record.ref} (${record.label})`;
}

function fieldText(field: FieldChange): string {
  return `${field.name}: ${value(field.before)} → ${value(field.after)}`;
}

function value(v: FieldChange['before']): string {
  return v === undefined ? '(none)' : JSON.stringify(v);
}

function show(kind: Figure['format'], n: number): string {
  return kind === 'money' ? format.money(n) : kind === 'percent' ? format.percent(n) : format.number(n);
}
