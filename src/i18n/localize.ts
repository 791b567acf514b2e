// The data in one language. The data's own language (report.locale) is the
// data as written; for another language every field the schemas mark
// `translated` takes the value of its `<field>_<locale>` sibling, and a
// missing one is an error at the text that needs it.
import { ReportError } from '../errors.ts';
import { pointerSegments, positionOf } from '../load/positions.ts';
import type { YamlFile } from '../load/yaml-file.ts';
import type { CooperationData } from '../validate/data-types.ts';

export type Localized = { ok: true; data: CooperationData } | { ok: false; errors: ReportError[] };

export function localizeData(
  data: CooperationData,
  language: { locale: string; name: string },
  translated: ReadonlyMap<string, readonly string[]>,
  files: ReadonlyMap<string, YamlFile>,
): Localized {
  const { locale } = language;
  if (locale === data.report.report.locale) return { ok: true, data };
  const copy = structuredClone(data) as unknown as Record<string, unknown>;
  const errors: ReportError[] = [];
  for (const [collection, pointers] of translated) {
    for (const pointer of pointers) {
      const path = pointerSegments(pointer);
      const key = path.pop()!;
      const parent = path.reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], copy[collection]) as Record<string, unknown>;
      const value = parent[`${key}_${locale}`];
      if (value === undefined) {
        errors.push(
          new ReportError(
            'translation',
            `no ${language.name} text for ${key}`,
            positionOf(files.get(collection)!, pointer),
            `add ${key}_${locale}: beside ${key}, or build without --locale ${locale}`,
          ),
        );
      } else {
        parent[key] = value;
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data: copy as unknown as CooperationData };
}
