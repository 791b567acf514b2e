// templates/catalogue.yaml -> the declared outputs, validated by
// templates/schemas/catalogue.schema.json, with each entry's line kept so that
// errors in its inline templates (titles, paths) point at it.
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { ReportError, type Position } from '../errors.ts';
import { positionOf } from '../load/positions.ts';
import { loadYamlWithSchema } from '../validate/yaml-schema.ts';

export interface CatalogueEntry {
  id: string;
  /** A sink's kind (src/sinks.ts). */
  kind: string;
  template?: string;
  declaration?: string;
  /** A list of the model: one output per item. */
  each?: string;
  /** The item field that tells the outputs apart (default: id). */
  key?: string;
  path: string;
  title?: string;
  subject?: string;
  /** A template giving comma-separated keywords. */
  keywords?: string;
  /** A publication's parts: the entries whose briefs it gathers, in order. */
  parts?: PublicationPart[];
  /** Where each field is written (its text, inside any quotes), for error positions. */
  at: Record<EntryField, Position>;
}

export interface PublicationPart {
  /** The id of a pdf entry. */
  output: string;
  /** A template: the part's heading; without one its briefs stand alone in the contents. */
  heading?: string;
  /** A template: each brief's line in the contents and bookmarks (default: the brief's title). */
  contents?: string;
  at: Record<'output' | 'heading' | 'contents', Position>;
}

type EntryField = 'id' | 'kind' | 'template' | 'declaration' | 'each' | 'key' | 'path' | 'title' | 'subject' | 'keywords';
const FIELDS: readonly EntryField[] = ['id', 'kind', 'template', 'declaration', 'each', 'key', 'path', 'title', 'subject', 'keywords'];

export interface Catalogue {
  file: string;
  /** The catalogue's source, for code frames. */
  text: string;
  /** The one place a language is named. */
  locales: string[];
  /** Where each language is named, for errors about it. */
  localeAt: Record<string, Position>;
  styles: { fonts: string[]; css: string[] };
  outputs: CatalogueEntry[];
}

export type CatalogueResult = { ok: true; catalogue: Catalogue } | { ok: false; errors: ReportError[]; sources: Map<string, string> };

export async function loadCatalogue(config: Config): Promise<CatalogueResult> {
  const path = join(config.templatesDir, 'catalogue.yaml');
  const checked = await loadYamlWithSchema(path, join(config.templatesDir, 'schemas', 'catalogue.schema.json'), config.cwd);
  if (!checked.ok) return checked;
  const { file } = checked;
  const raw = file.value as Omit<Catalogue, 'file' | 'text' | 'localeAt' | 'outputs'> & { outputs: (Omit<CatalogueEntry, 'at' | 'parts'> & { parts?: Omit<PublicationPart, 'at'>[] })[] };
  const errors: ReportError[] = [];
  const seen = new Set<string>();
  const outputs = raw.outputs.map(({ parts: listed, ...entry }, i) => {
    if (seen.has(entry.id)) {
      errors.push(new ReportError('template', `output id "${entry.id}" is declared twice`, positionOf(file, `/outputs/${i}/id`), 'give each output its own id'));
    }
    seen.add(entry.id);
    const at = (field: string) => {
      const p = positionOf(file, `/outputs/${i}/${field}`);
      // A quoted value's text starts one column after the quote.
      const quoted = /^["']/.test(file.text.split(/\r?\n/)[p.line - 1]?.slice(p.column - 1) ?? '');
      return quoted ? { ...p, column: p.column + 1 } : p;
    };
    const parts = listed?.map((part, j) => ({
      ...part,
      at: { output: at(`parts/${j}/output`), heading: at(`parts/${j}/heading`), contents: at(`parts/${j}/contents`) },
    }));
    return { ...entry, ...(parts ? { parts } : {}), at: Object.fromEntries(FIELDS.map((f) => [f, at(f)])) as Record<EntryField, Position> };
  });
  if (errors.length > 0) return { ok: false, errors, sources: new Map([[file.file, file.text]]) };
  const localeAt = Object.fromEntries(raw.locales.map((locale, i) => [locale, positionOf(file, `/locales/${i}`)]));
  return { ok: true, catalogue: { file: file.file, text: file.text, locales: raw.locales, localeAt, styles: raw.styles, outputs } };
}
