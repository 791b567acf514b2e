// A template that compiles but fails as it renders (a missing field, a helper
// given nothing) fails the build with the template's file, line and column,
// and its outputs are not written. The HTML fails before any PDF is printed:
// these builds are given a browser that does not exist, so one that tried to
// start it would fail otherwise. Mistakes found by compiling are validate's
// (template-checks.test.ts).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { scratchCopy, type ScratchCopy } from '../helpers/template-copy.ts';

let copy: ScratchCopy;
beforeEach(async () => {
  copy = await scratchCopy('template-errors');
});
afterEach(() => copy.remove());

/** Replaces `find` in a template; returns the line and column where it stood. */
async function breakTemplate(file: string, find: string, replace: string): Promise<{ line: number; column: number }> {
  let at = { line: 0, column: 0 };
  await copy.edit(`templates/${file}`, (text) => {
    const offset = text.indexOf(find);
    if (offset < 0) throw new Error(`${file} has no ${find}`);
    const before = text.slice(0, offset).split('\n');
    at = { line: before.length, column: before.at(-1)!.length + 1 };
    return text.slice(0, offset) + replace + text.slice(offset + find.length);
  });
  return at;
}

/** The fact sheets, and the workbook that does not use their template. */
const buildWithoutBrowser = () => build(copy.config, { locales: ['en'], only: ['project', 'workbook'], executablePath: '/nonexistent/chromium' });

describe('template errors', () => {
  it('a missing field names the template, line and column, once for all the outputs it fails', async () => {
    const at = await breakTemplate('briefs/project.hbs', '{{leadPartner.name}}', '{{leadPartner.nmae}}');
    const result = await buildWithoutBrowser();
    expect(result.ok ? [] : result.errors.map((e) => e.toJSON())).toMatchObject([
      {
        code: 'template',
        message: 'field "nmae" is not defined here (en/project/asap and 5 more outputs)',
        at: { file: 'templates/briefs/project.hbs', line: at.line, column: at.column + '{{'.length },
      },
    ]);
  });

  it('a missing field passed to a helper fails instead of printing NaN', async () => {
    const at = await breakTemplate('briefs/project.hbs', '{{money budgetEur}}', '{{money budgetEuro}}');
    const result = await buildWithoutBrowser();
    expect(result.ok ? [] : result.errors.map((e) => e.toJSON())).toMatchObject([
      {
        code: 'template',
        message: expect.stringMatching(/^money needs a number, got a missing field/),
        at: { file: 'templates/briefs/project.hbs', line: at.line, column: at.column },
      },
    ]);
  });

  it('a failing template leaves the outputs it could not render unwritten, and the others are written', async () => {
    await breakTemplate('briefs/project.hbs', '{{leadPartner.name}}', '{{leadPartner.nmae}}');
    const result = await buildWithoutBrowser();
    expect(result.built.map((e) => e.path)).toEqual(['en/cooperation-summary.xlsx']);
    expect(await readdir(join(copy.dir, 'out', 'en'))).toEqual(['cooperation-summary.xlsx']);
  });
});
