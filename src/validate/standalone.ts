// Ajv compiles a schema into JavaScript, which costs more than validating the
// data (about a second for the project's schemas, on every run). The code Ajv
// generates is kept, as "standalone" code, in node_modules/.cache by a digest
// of the schemas and of everything that shapes the code; later runs load it as
// a module. Validation and its errors are the same either way.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import { PROJECT_ROOT } from '../config.ts';

const require = createRequire(import.meta.url);
const AJV_VERSION = (require('ajv/package.json') as { version: string }).version;
const CACHE = join(PROJECT_ROOT, 'node_modules', '.cache', 'cooperation-reports', 'ajv');

/** Ajv options for code that can be stored: the formats the code uses are required from ajv-formats. */
export const STANDALONE = { code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } } as const;

/**
 * The validation functions of `names` (schema ids, or keys given to addSchema),
 * from the cache when `key` (JSON: the schemas, options, keyword code) was
 * compiled before, else from `compile`, an Ajv with the STANDALONE options and
 * the schemas added. Ajv itself loads only then: the cached code needs none of it.
 */
export async function standaloneValidators<Name extends string>(key: unknown, names: Record<Name, string>, compile: () => Promise<Ajv2020>): Promise<Record<Name, ValidateFunction>> {
  const digest = createHash('sha256').update(JSON.stringify([AJV_VERSION, names, key])).digest('hex').slice(0, 16);
  const file = join(CACHE, `${digest}.cjs`);
  try {
    return require(file) as Record<Name, ValidateFunction>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  // CommonJS: under ESM its function is the `default` of the module object.
  const { default: standaloneCode } = (await import('ajv/dist/standalone/index.js')).default;
  const code = standaloneCode(await compile(), names);
  mkdirSync(CACHE, { recursive: true });
  // Renamed into place whole: a build running beside this one never reads half a module.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, code);
  renameSync(temp, file);
  return require(file) as Record<Name, ValidateFunction>;
}
