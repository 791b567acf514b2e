// Every mistake in a template or the catalogue, found by `validate` before
// anything renders (no browser), at the file, line and column of its cause,
// in plain words with a hint.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/build.ts';
import { scratchCopy, type ScratchCopy } from '../helpers/template-copy.ts';

let copy: ScratchCopy;
beforeEach(async () => {
  copy = await scratchCopy('template-checks');
});
afterEach(() => copy.remove());

/** A CARET in `replace` marks where the error must point. */
const CARET = '⟨^⟩';

interface Case {
  name: string;
  file: string;
  find: string;
  replace: string;
  message: RegExp;
  hint?: RegExp;
  /** The file the error points into, when not `file`. */
  at?: string;
}

const CASES: Case[] = [
  { name: 'misspelt template path', file: 'catalogue.yaml', find: 'template: briefs/project.hbs', replace: `template: ${CARET}briefs/projet.hbs`, message: /no template file templates\/briefs\/projet\.hbs/, hint: /did you mean 'briefs\/project\.hbs'/ },
  { name: 'misspelt declaration path', file: 'catalogue.yaml', find: 'declaration: workbooks/cooperation-summary.yaml', replace: `declaration: ${CARET}workbooks/cooperation-sumary.yaml`, message: /no file templates\/workbooks\/cooperation-sumary\.yaml/, hint: /did you mean 'cooperation-summary\.yaml'/ },
  { name: 'unknown kind of output', file: 'catalogue.yaml', find: 'kind: xlsx', replace: `kind: ${CARET}docx`, message: /"docx" is not an allowed value/ },
  { name: 'each over no list of the model', file: 'catalogue.yaml', find: 'each: projects', replace: `each: ${CARET}projetcs`, message: /"projetcs" is not a list of the report model/, hint: /did you mean 'projects'/ },
  { name: 'unclosed block', file: 'briefs/project.hbs', find: '{{#if seed_title}}', replace: `${CARET}{{#if seed_title}}{{#if seed_title}}`, message: /\{\{#if\}\} is never closed/, hint: /add \{\{\/if\}\}/ },
  { name: 'block closed by another name', file: 'briefs/programme.hbs', find: '{{this}}</li>{{/each}}', replace: `{{this}}</li>${CARET}{{/if}}`, message: /\{\{\/if\}\} closes \{\{#each\}\}, opened at line \d+/, hint: /close \{\{#each\}\} with \{\{\/each\}\} first/ },
  { name: 'misspelt block end', file: 'briefs/overview.hbs', find: '{{/each}}', replace: `${CARET}{{/eahc}}`, message: /\{\{\/eahc\}\} closes \{\{#each\}\}, opened at line \d+/, hint: /close \{\{#each\}\} with \{\{\/each\}\} first/ },
  { name: 'unknown helper', file: 'briefs/project.hbs', find: '{{money budgetEur}}', replace: `{{${CARET}mony budgetEur}}`, message: /unknown helper "mony"/, hint: /did you mean 'money'/ },
  { name: 'unknown helper in a subexpression', file: 'briefs/overview.hbs', find: '(t "brief.overview.kicker")', replace: `(${CARET}tt "brief.overview.kicker")`, message: /unknown helper "tt"/, hint: /did you mean 't'/ },
  { name: 'missing partial', file: 'briefs/programme.hbs', find: '{{> project-table', replace: `{{> ${CARET}project-tabel`, message: /no partial "project-tabel"/, hint: /did you mean 'project-table'/ },
  { name: 'missing message', file: 'briefs/programme.hbs', find: '{{t "headings.purpose"}}', replace: `{{t ${CARET}"headings.porpose"}}`, message: /no message "headings\.porpose" in the en catalogue/, hint: /did you mean 'headings\.purpose'/ },
  { name: 'literal prose in a template', file: 'briefs/project.hbs', find: '<dl class="facts">', replace: `<p>${CARET}Key facts</p><dl class="facts">`, message: /the literal text "Key facts" would print the same in en and ru/, hint: /\{\{t "key"\}\}/ },
  { name: 'literal alternate text', file: 'briefs/project.hbs', find: '<dl class="facts">', replace: `<img alt="${CARET}Partner map" src="data:,"><dl class="facts">`, message: /the literal text "Partner map"/ },
  { name: 'unreadable expression', file: 'briefs/overview.hbs', find: '{{number figures.programmes}}', replace: `{{number figures.programmes ${CARET}}}}`, message: /cannot be read here/ },
  { name: 'a language without its message catalogue', file: 'catalogue.yaml', find: 'locales: [en, ru]', replace: `locales: [en, ru, ${CARET}de]`, message: /no message catalogue templates\/i18n\/de\.yaml for the language "de"/, hint: /copy templates\/i18n\/en\.yaml/ },
  { name: 'misspelt field in a workbook declaration', file: 'workbooks/cooperation-summary.yaml', find: '        field: budgetEur\n        type: money', replace: `        field: ${CARET}budgetEuro\n        type: money`, message: /"budgetEuro" is not in the rows of sheet "Projects"/, hint: /did you mean 'budgetEur'/ },
];

describe('validate finds template mistakes at their place', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    let expected = { line: 0, column: 0 };
    await copy.edit(`templates/${c.file}`, (text) => {
      if (!text.includes(c.find)) throw new Error(`${c.file} has no ${c.find}`);
      const marked = text.replace(c.find, c.replace);
      const before = marked.slice(0, marked.indexOf(CARET)).split('\n');
      expected = { line: before.length, column: before.at(-1)!.length + 1 };
      return marked.replace(CARET, '');
    });
    const result = await validate(copy.config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error!.message).toMatch(c.message);
    if (c.hint) expect(error!.hint).toMatch(c.hint);
    expect(error!.at).toMatchObject({ file: `templates/${c.at ?? c.file}`, ...expected });
    // The place comes with its source, for the code frame.
    expect(result.sources.has(error!.at!.file)).toBe(true);
  });
});
