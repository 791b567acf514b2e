// The running heads are CSS strings inside a <style> element (templates/layouts/
// brief.hbs): the document title (a project's acronym) and the region's name.
// Text that closes the style element there would become markup: a heading in
// the page and in the outline. cssString keeps it a CSS string
// (tests/handlebars/helpers.test.ts has its examples).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, validate } from '../../src/build.ts';
import { resolveConfig } from '../../src/config.ts';
import { isBrief, renderBrief } from '../../src/html/brief.ts';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { readPdf } from '../helpers/read-pdf.ts';

const ACRONYM = 'RED</style><h1>INJECTED BY ACRONYM</h1>';
const REGION = 'Leningrad Oblast</style><h1>INJECTED BY REGION</h1>';

describe('hostile text in the running heads', () => {
  let dir: string;
  const config = () => resolveConfig({ data: dir, out: join(dir, 'out') });
  beforeAll(async () => {
    dir = await copyData();
    await edit(dir, 'projects.yaml', 'acronym: RED', `acronym: ${JSON.stringify(ACRONYM)}`);
    await edit(dir, 'report.yaml', '    name: Leningrad Oblast', `    name: ${JSON.stringify(REGION)}`);
  });
  afterAll(() => removeDir(dir));

  it('leaves every brief with its one <h1>, the title block\'s', async () => {
    const prepared = await validate(config(), { locales: ['en'] });
    expect(prepared.ok ? [] : prepared.errors.map((e) => e.message)).toEqual([]);
    if (!prepared.ok) return;
    const briefs = prepared.outputs.filter(isBrief);
    expect(briefs).toHaveLength(8);
    for (const output of briefs) expect(renderBrief(output).match(/<h1\b/g), output.key).toHaveLength(1);
  });

  it('adds no heading to the printed fact sheet or its outline', async () => {
    const result = await build(config(), { locales: ['en'], only: ['project/red'] });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    const pdf = await readPdf(join(dir, 'out/en/projects/red.pdf'));
    // The title block's heading, the acronym shown as text, and the one section.
    expect(pdf.outline).toEqual([ACRONYM, 'Project details']);
    // Escaped, the style element's rules never reach the page as text either.
    expect(pdf.pages.join(' ')).not.toContain('@top-right');
    expect(pdf.info.Title).toBe(`${ACRONYM}: project fact sheet`);
  });
});
