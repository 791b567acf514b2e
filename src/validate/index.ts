// Loaded YAML -> typed data, or every error of every file at once: schema
// errors per file, then cross-file references, then consistency rules.
import { ReportError, sortErrors } from '../errors.ts';
import type { LoadedData } from '../load/data-set.ts';
import { consistencyErrors } from './consistency.ts';
import type { CooperationData } from './data-types.ts';
import { referenceErrors, type FileIds } from './references.ts';
import { schemaErrors } from './schema-errors.ts';
import type { SchemaValidator } from './schemas.ts';

export type Validated =
  | { ok: true; data: CooperationData; records: number; translated: Map<string, string[]> }
  | { ok: false; errors: ReportError[] };

export function validateData(loaded: LoadedData, validator: SchemaValidator): Validated {
  const errors = [...loaded.errors];
  const ids: FileIds[] = [];
  for (const [collection, file] of loaded.files) {
    const result = validator.validate(collection, file.value);
    errors.push(...schemaErrors(file, result.errors));
    ids.push({ file, ...result.ids });
  }
  errors.push(...withoutRepeats(referenceErrors(ids), errors));
  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };

  const data = Object.fromEntries([...loaded.files].map(([c, f]) => [c, f.value])) as unknown as CooperationData;
  const inconsistent = consistencyErrors(data, loaded.files);
  if (inconsistent.length > 0) return { ok: false, errors: sortErrors(inconsistent) };
  const translated = new Map([...loaded.files.keys()].map((collection, i) => [collection, ids[i]!.translated]));
  return { ok: true, data, records: ids.reduce((n, f) => n + f.defines.length, 0), translated };
}

/**
 * A reference that also fails its schema (an unknown country code is both not
 * in the enum and not in countries.yaml) is reported once: as the schema error,
 * with the reference check's suggestion, which looks only at ids in use.
 */
function withoutRepeats(referenceErrs: ReportError[], errors: ReportError[]): ReportError[] {
  const key = (e: ReportError) => `${e.at?.file}#${e.at?.pointer}`;
  const byPlace = new Map(errors.map((e, i) => [key(e), i]));
  return referenceErrs.filter((ref) => {
    const i = byPlace.get(key(ref));
    if (i === undefined) return true;
    const schemaErr = errors[i]!;
    errors[i] = new ReportError(schemaErr.code, schemaErr.message, schemaErr.at, ref.hint ?? schemaErr.hint);
    return false;
  });
}
