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
  kind: 'pdf' | 'xlsx';
  template?: string;
  declaration?: string;
  each?: 'fundedProgrammes' | 'programmes' | 'projects' | 'partnerRegions';
  path: string;
  title?: string;
  subject?: string;
  /** A template giving comma-separated keywords. */
  keywords?: string;
  /** Where each templated field is written, for error positions. */
  at: Record<'path' | 'title' | 'subject' | 'keywords', Position>;
}

export interface Catalogue {
  file: string;
  locales: ('en' | 'ru')[];
  styles: { fonts: string[]; css: string[] };
  outputs: CatalogueEntry[];
}

export type CatalogueResult = { ok: true; catalogue: Catalogue } | { ok: false; errors: ReportError[]; sources: Map<string, string> };

export async function loadCatalogue(config: Config): Promise<CatalogueResult> {
  const path = join(config.templatesDir, 'catalogue.yaml');
  const checked = await loadYamlWithSchema(path, join(config.templatesDir, 'schemas', 'catalogue.schema.json'), config.cwd);
  if (!checked.ok) return checked;
  const { file } = checked;
  const raw = file.value as Omit<Catalogue, 'file' | 'outputs'> & { outputs: Omit<CatalogueEntry, 'at'>[] };
  const errors: ReportError[] = [];
  const seen = new Set<string>();
  const outputs = raw.outputs.map((entry, i) => {
    if (seen.has(entry.id)) {
      errors.push(new ReportError('template', `output id "${entry.id}" is declared twice`, positionOf(file, `/outputs/${i}/id`), 'give each output its own id'));
    }
    seen.add(entry.id);
    const at = (field: string) => {
      const p = positionOf(file, `/outputs/${i}/${field}`);
      // Inline templates are quoted: their text starts one column after the quote.
      return { ...p, column: p.column + 1 };
    };
    return { ...entry, at: { path: at('path'), title: at('title'), subject: at('subject'), keywords: at('keywords') } };
  });
  if (errors.length > 0) return { ok: false, errors, sources: new Map([[file.file, file.text]]) };
  return { ok: true, catalogue: { file: file.file, locales: raw.locales, styles: raw.styles, outputs } };
}
