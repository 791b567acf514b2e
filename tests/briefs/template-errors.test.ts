// A broken template fails the build with the template's file, line and column,
// before any output is written.
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { PROJECT_ROOT, resolveConfig } from '../../src/config.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coop-templates-'));
  await cp(join(PROJECT_ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function breakTemplate(file: string, find: string, replace: string): Promise<{ line: number; column: number }> {
  const path = join(dir, 'templates', file);
  const text = await readFile(path, 'utf8');
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`${file} has no ${find}`);
  await writeFile(path, text.slice(0, at) + replace + text.slice(at + find.length));
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

async function buildWithTemplates() {
  const result = await build(resolveConfig({ templates: join(dir, 'templates'), out: join(dir, 'out'), cwd: dir }), { locales: ['en'] });
  return { result };
}

describe('template errors', () => {
  it('a missing field names the template, line and column', async () => {
    const at = await breakTemplate('briefs/project.hbs', '{{leadPartner.name}}', '{{leadPartner.nmae}}');
    const { result } = await buildWithTemplates();
    expect(result.ok ? null : result.errors[0]?.toJSON()).toMatchObject({
      code: 'template',
      message: 'field "nmae" is not defined here (en/project/asap and 5 more outputs)',
      at: { file: 'templates/briefs/project.hbs', line: at.line, column: at.column + '{{'.length },
    });
  });

  it('a missing field passed to a helper fails instead of printing NaN', async () => {
    const at = await breakTemplate('briefs/project.hbs', '{{money budgetEur}}', '{{money budgetEuro}}');
    const { result } = await buildWithTemplates();
    expect(result.ok ? null : result.errors[0]?.toJSON()).toMatchObject({
      code: 'template',
      message: expect.stringMatching(/^money needs a number, got a missing field/),
      at: { file: 'templates/briefs/project.hbs', line: at.line, column: at.column },
    });
  });

  it('a failing template leaves the outputs it could not render unwritten', async () => {
    await breakTemplate('briefs/project.hbs', '{{leadPartner.name}}', '{{leadPartner.nmae}}');
    await buildWithTemplates();
    expect(await readdir(join(dir, 'out', 'en'))).not.toContain('projects');
    expect(await readdir(join(dir, 'out', 'en', 'briefs'))).toHaveLength(2);
  });

  it('an unknown helper is a compile error at its line', async () => {
    const at = await breakTemplate('briefs/overview.hbs', '{{number figures.programmes}}', '{{shout figures.programmes}}');
    const { result } = await buildWithTemplates();
    expect(result.ok ? null : result.errors[0]?.toJSON()).toMatchObject({ code: 'template', at: { file: 'templates/briefs/overview.hbs', line: at.line } });
  });

  it('a message key missing from the catalogue is found before rendering', async () => {
    const at = await breakTemplate('briefs/programme.hbs', '{{t "headings.purpose"}}', '{{t "headings.porpose"}}');
    const { result } = await buildWithTemplates();
    expect(result.ok ? null : result.errors[0]?.toJSON()).toMatchObject({
      code: 'template',
      message: 'no message "headings.porpose" in the en catalogue',
      at: { file: 'templates/briefs/programme.hbs', line: at.line, column: at.column + '{{t '.length },
      hint: "did you mean 'headings.purpose'?",
    });
  });

  it('a missing partial is an error naming the template', async () => {
    await breakTemplate('briefs/programme.hbs', '{{> project-table rows=projects}}', '{{> project-tabel rows=projects}}');
    const { result } = await buildWithTemplates();
    expect(result.ok ? null : result.errors[0]?.toJSON()).toMatchObject({ code: 'template', message: expect.stringContaining('project-tabel'), at: { file: 'templates/briefs/programme.hbs' } });
  });

  it('a syntax error points at its line', async () => {
    const at = await breakTemplate('briefs/overview.hbs', '{{/each}}', '{{/eahc}}');
    const { result } = await buildWithTemplates();
    expect(result.ok ? null : result.errors[0]?.toJSON()).toMatchObject({ code: 'template', at: { file: 'templates/briefs/overview.hbs', line: at.line } });
  });
});
