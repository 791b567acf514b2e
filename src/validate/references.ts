// Cross-file integrity: every id is unique within its collection, and every
// reference names an existing record. The schemas mark which strings are ids
// (`defines`) and which are references (`references`); see schemas.ts.
import { ReportError } from '../errors.ts';
import { positionOf } from '../load/positions.ts';
import type { YamlFile } from '../load/yaml-file.ts';
import type { IdUse, IdUses } from './schemas.ts';
import { didYouMean } from './suggest.ts';

export interface FileIds extends IdUses {
  file: YamlFile;
}

export function referenceErrors(files: readonly FileIds[]): ReportError[] {
  const errors: ReportError[] = [];
  const known = new Map<string, Map<string, { file: YamlFile; use: IdUse }>>();

  for (const { file, defines } of files) {
    for (const use of defines) {
      const ids = known.get(use.collection) ?? new Map<string, { file: YamlFile; use: IdUse }>();
      known.set(use.collection, ids);
      const first = ids.get(use.id);
      if (first) {
        const firstAt = positionOf(first.file, first.use.pointer);
        errors.push(
          new ReportError(
            'duplicate-id',
            `id "${use.id}" is already used in ${use.collection} at ${firstAt.file}:${firstAt.line}`,
            positionOf(file, use.pointer),
            'give each record its own id',
          ),
        );
      } else {
        ids.set(use.id, { file, use });
      }
    }
  }

  for (const { file, references } of files) {
    for (const use of references) {
      const ids = known.get(use.collection);
      // No ids at all: the defining file failed to load and has its own errors.
      if (!ids || ids.has(use.id)) continue;
      const definedIn = ids.values().next().value?.file.file ?? use.collection;
      errors.push(
        new ReportError(
          'unknown-ref',
          `"${use.id}" is not the id of any record in ${use.collection}`,
          positionOf(file, use.pointer),
          didYouMean(use.id, [...ids.keys()]) ?? `add a record with this id to ${definedIn}`,
        ),
      );
    }
  }
  return errors;
}
