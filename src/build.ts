// The pipeline, top to bottom: load -> validate -> (model -> render -> write).
import type { Config } from './config.ts';
import type { ReportError, Sources } from './errors.ts';
import { collectionNames, loadData } from './load/data-set.ts';
import type { CooperationData } from './validate/data-types.ts';
import { validateData } from './validate/index.ts';
import { createSchemaValidator } from './validate/schemas.ts';

export type ValidateResult =
  | { ok: true; data: CooperationData; files: number; records: number; sources: Sources }
  | { ok: false; errors: ReportError[]; sources: Sources };

export async function validate(config: Config): Promise<ValidateResult> {
  const collections = await collectionNames(config.schemasDir);
  const [loaded, validator] = await Promise.all([
    loadData(config.dataDir, collections, config.cwd),
    createSchemaValidator(config.schemasDir, collections),
  ]);
  const result = validateData(loaded, validator);
  return result.ok
    ? { ok: true, data: result.data, files: loaded.files.size, records: result.records, sources: loaded.sources }
    : { ok: false, errors: result.errors, sources: loaded.sources };
}
