// The workbook sink: a declared workbook (templates/workbooks/*.yaml), checked
// against the model and put into the edition's language, written by ExcelJS.
// Equal model and declaration, equal workbook.
import { join } from 'node:path';
import { ReportError, ReportErrors } from '../errors.ts';
import type { PlannedOutput } from '../plan/outputs.ts';
import type { Sink } from '../plan/sink.ts';
import { loadWorkbookDeclaration, type WorkbookDeclaration } from './declaration.ts';
import { translateDeclaration } from './language.ts';

export const xlsxSink: Sink<WorkbookDeclaration> = {
  kind: 'xlsx',
  async plan(entry, edition, env) {
    if (!entry.declaration) throw new ReportError('template', `output "${entry.id}" names no declaration`, entry.at.id, 'add declaration: workbooks/<name>.yaml');
    const { templatesDir, cwd } = env.config;
    const declared = await loadWorkbookDeclaration({
      path: join(templatesDir, entry.declaration),
      at: entry.at.declaration,
      schemaPath: join(templatesDir, 'schemas', 'workbook.schema.json'),
      cwd,
      model: edition.model,
      formatter: edition.formatter,
      messages: edition.messages,
    });
    if (!declared.ok) throw new ReportErrors(declared.errors, declared.sources);
    // Declarations are written in the data's own language.
    return translateDeclaration(declared.declaration, edition.messages, declared.at, declared.sources, edition.model.report.locale);
  },
  async work(output, env) {
    const declaration = output.plan;
    const { model, formatter, messages } = output.edition;
    return {
      inputs: [env.created, declaration, model],
      // ExcelJS loads only when a workbook has to be made.
      async make() {
        const { renderWorkbook } = await import('./writer.ts');
        const bytes = await renderWorkbook(model, declaration, { formatter, messages, created: env.created });
        return { bytes, sheets: declaration.sheets.length + 1 };
      },
    };
  },
};

/** Outputs this sink makes, for tools that render a workbook themselves. */
export function isWorkbook(output: PlannedOutput): output is PlannedOutput<WorkbookDeclaration> {
  return output.entry.kind === xlsxSink.kind;
}
