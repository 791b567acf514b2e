// The real model and workbook declaration, and renders of them, for the xlsx tests.
import { join } from 'node:path';
import { validate } from '../../src/build.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { formatErrors } from '../../src/errors.ts';
import { buildModel } from '../../src/model/build-model.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { createFormatter } from '../../src/i18n/format.ts';
import { loadWorkbookDeclaration, type DeclarationResult, type WorkbookDeclaration } from '../../src/xlsx/declaration.ts';
import { renderWorkbook } from '../../src/xlsx/writer.ts';
import { fixtureConfig } from '../helpers/fixture.ts';
import { loadMessages } from '../../src/i18n/messages.ts';

export const config = fixtureConfig({ cwd: PROJECT_ROOT });
export const DECLARATION = join(config.templatesDir, 'workbooks', 'cooperation-summary.yaml');
export const SCHEMA = join(config.templatesDir, 'schemas', 'workbook.schema.json');
export const CREATED = new Date('2005-12-31T00:00:00Z');
export const formatter = createFormatter('en-GB');
export const messages = await loadMessages(config.templatesDir, 'en', config.root);

export async function realModel(): Promise<ReportModel> {
  const result = await validate(config);
  if (!result.ok) throw new Error(formatErrors(result.errors, result.sources));
  return buildModel(result.data);
}

export function loadDeclaration(model: ReportModel, path = DECLARATION): Promise<DeclarationResult> {
  return loadWorkbookDeclaration({ path, schemaPath: SCHEMA, cwd: config.root, model, formatter, messages });
}

export async function realDeclaration(model: ReportModel): Promise<WorkbookDeclaration> {
  const result = await loadDeclaration(model);
  if (!result.ok) throw new Error(formatErrors(result.errors, result.sources));
  return result.declaration;
}

export function render(model: ReportModel, declaration: WorkbookDeclaration): Promise<Uint8Array> {
  return renderWorkbook(model, declaration, { formatter, messages, created: CREATED });
}

/** ExcelJS's load() is typed for an ArrayBuffer. */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
