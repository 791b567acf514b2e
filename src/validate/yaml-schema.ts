// Validation of a single YAML file against a standalone JSON Schema, with the
// same positioned errors as the data: for the build's own configuration files
// (the catalogue, workbook declarations). Compiled once, then kept as code
// (validate/standalone.ts).
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, relative } from 'node:path';
import { ReportError, type Position } from '../errors.ts';
import { parseYamlFile, type YamlFile } from '../load/yaml-file.ts';
import { schemaErrors } from './schema-errors.ts';
import { STANDALONE, standaloneValidators } from './standalone.ts';
import { closest } from './suggest.ts';

export type YamlCheck = { ok: true; file: YamlFile } | { ok: false; errors: ReportError[]; sources: Map<string, string> };

/** `at`: where the file is named (a catalogue line), to report a missing file there. */
export async function loadYamlWithSchema(path: string, schemaPath: string, cwd: string, at?: Position): Promise<YamlCheck> {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as object;
  const { validate } = await standaloneValidators([schema], { validate: 'file' }, async () => {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    // strictRequired is off: `then: { required: [...] }` names properties declared beside it.
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true, verbose: true, ...STANDALONE });
    ajv.addKeyword({ keyword: 'hint', metaSchema: { type: 'string' } });
    // Under a key of its own: the schema need not have an $id.
    return ajv.addSchema(schema, 'file');
  });
  const file = relative(cwd, path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
    const near = closest(basename(path), await readdir(dirname(path)).catch(() => []));
    const hint = near ? `did you mean '${near}' (in the same folder)?` : 'paths are relative to templates/';
    return { ok: false, errors: [new ReportError('template', `no file ${file}`, at, hint, { cause })], sources: new Map() };
  }
  const parsed = parseYamlFile(file, bytes);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, sources: new Map(parsed.text === undefined ? [] : [[file, parsed.text]]) };
  if (validate(parsed.file.value)) return { ok: true, file: parsed.file };
  return { ok: false, errors: schemaErrors(parsed.file, validate.errors ?? []), sources: new Map([[file, parsed.file.text]]) };
}
