// CONTRIBUTING.md's recipe for a new kind of brief, followed on a scratch
// copy: a template, a catalogue entry and the two message catalogues make one
// PDF per country, each with its own output key.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, validate } from '../../src/build.ts';
import type { PublicationPlan } from '../../src/html/publication.ts';
import { browserAvailable } from '../helpers/browsers.ts';
import { openPdf, pdfText } from '../helpers/read-pdf.ts';
import { scratchCopy, type ScratchCopy } from '../helpers/template-copy.ts';

let copy: ScratchCopy;

const TEMPLATE = `{{> title-block kicker=(t "brief.country.kicker") heading=name subtitle=(t "brief.country.subtitle" region=@root.report.region.name)}}
<h2>{{t "brief.country.partners"}}</h2>
<ul>
{{#each @root.partnerRegions}}{{#if (eq country.code ../code)}}<li>{{name}}</li>{{/if}}{{/each}}
</ul>
{{> source-note}}
`;

const ENTRY = `  - id: country
    kind: pdf
    template: briefs/country.hbs
    each: countries
    key: code
    path: "countries/{{code}}.pdf"
    title: '{{t "titles.country" name=name}}'
    subject: '{{t "titles.country_subject" region=@root.report.region.name}}'
    keywords: '{{t "keywords.country"}}'
`;

const messages = (kicker: string, subtitle: string, partners: string, title: string, subject: string, keywords: string) => (text: string) =>
  text
    .replace(/^brief:\n/m, `brief:\n  country:\n    kicker: ${kicker}\n    subtitle: "${subtitle}"\n    partners: ${partners}\n`)
    .replace(/^titles:\n/m, `titles:\n  country: "${title}"\n  country_subject: "${subject}"\n`)
    .replace(/^keywords:\n/m, `keywords:\n  country: "${keywords}"\n`);

beforeAll(async () => {
  copy = await scratchCopy('new-brief');
  await copy.write('templates/briefs/country.hbs', TEMPLATE);
  await copy.edit('templates/catalogue.yaml', (t) => t.replace(/^outputs:\n/m, `outputs:\n${ENTRY}`));
  await copy.edit('templates/i18n/en.yaml', messages('Country brief', '{region} and its partners', 'Partner regions', '{name}: partners', 'Partner regions by country, {region}', 'partner regions, country'));
  await copy.edit('templates/i18n/ru.yaml', messages('Справка по стране', '{region} и партнёры', 'Регионы-партнёры', '{name}: партнёры', 'Регионы-партнёры по странам, {region}', 'регионы-партнёры, страна'));
});
afterAll(() => copy.remove());

describe('a new kind of brief', () => {
  it('took four files: the template, the catalogue and the two message catalogues', async () => {
    expect(await copy.changed()).toEqual(['templates/briefs/country.hbs', 'templates/catalogue.yaml', 'templates/i18n/en.yaml', 'templates/i18n/ru.yaml']);
  });

  it('plans one output per country, each with its own key and path', async () => {
    const result = await validate(copy.config);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    if (!result.ok) return;
    const countries = result.outputs.filter((o) => o.entry.id === 'country');
    const codes = result.data.countries.countries.map((c) => c.code);
    expect(countries.map((o) => o.key).sort()).toEqual(['en', 'ru'].flatMap((l) => codes.map((c) => `${l}/country/${c}`)).sort());
    const keys = result.outputs.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(result.outputs.map((o) => o.path)).size).toBe(keys.length);
  });

  it.skipIf(!browserAvailable())('prints the brief of one country, picked by --only', async () => {
    const result = await build(copy.config, { locales: ['en'], only: ['country/SE'] });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    expect(result.built.map((b) => b.path)).toEqual(['en/countries/SE.pdf']);
    const pdf = await openPdf(new Uint8Array(await readFile(join(copy.dir, 'out/en/countries/SE.pdf'))));
    expect(((await pdf.getMetadata()).info as { Title?: string }).Title).toBe('Sweden: partners');
    const text = await pdfText(pdf);
    expect(text).toContain('Partner regions');
    expect(text).toContain('Södermanland County');
    expect(text).toContain('Värmland County');
  });

  it('joins the publication with a part in the catalogue and its heading in both message catalogues', async () => {
    const other = await scratchCopy('new-brief-publication');
    try {
      await other.write('templates/briefs/country.hbs', TEMPLATE);
      const part = `      - output: country\n        heading: '{{t "publication.countries"}}'\n`;
      await other.edit('templates/catalogue.yaml', (t) => `${t.replace(/^outputs:\n/m, `outputs:\n${ENTRY}`)}${part}`);
      const heading = (words: string) => (text: string) => text.replace(/^publication:\n/m, `publication:\n  countries: ${words}\n`);
      await other.edit('templates/i18n/en.yaml', (t) => heading('Countries')(messages('Country brief', '{region} and its partners', 'Partner regions', '{name}: partners', 'Partner regions by country, {region}', 'partner regions, country')(t)));
      await other.edit('templates/i18n/ru.yaml', (t) => heading('Страны')(messages('Справка по стране', '{region} и партнёры', 'Регионы-партнёры', '{name}: партнёры', 'Регионы-партнёры по странам, {region}', 'регионы-партнёры, страна')(t)));
      expect(await other.changed()).toEqual(['templates/briefs/country.hbs', 'templates/catalogue.yaml', 'templates/i18n/en.yaml', 'templates/i18n/ru.yaml']);
      const result = await validate(other.config, { locales: ['en'] });
      expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
      if (!result.ok) return;
      const publication = result.outputs.find((o) => o.key === 'en/publication')!.plan as PublicationPlan;
      const last = publication.parts.at(-1)!;
      expect(last.heading).toBe('Countries');
      expect(last.briefs.map((b) => b.line)).toEqual(result.data.countries.countries.map((c) => `${c.name}: partners`));
    } finally {
      await other.remove();
    }
  });

  it('refuses items that cannot be told apart, at the catalogue entry', async () => {
    const other = await scratchCopy('new-brief-clash');
    try {
      await other.write('templates/briefs/country.hbs', TEMPLATE);
      await other.edit('templates/catalogue.yaml', (t) => t.replace(/^outputs:\n/m, `outputs:\n${ENTRY.replace('    key: code\n', '')}`));
      await other.edit('templates/i18n/en.yaml', messages('a', 'b', 'c', 'd', 'e', 'f'));
      await other.edit('templates/i18n/ru.yaml', messages('a', 'b', 'c', 'd', 'e', 'f'));
      const result = await validate(other.config);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const [error] = result.errors;
      expect(error!.message).toMatch(/item 1 of countries has no usable id/);
      expect(error!.hint).toMatch(/key:.*code/);
      expect(error!.at).toMatchObject({ file: 'templates/catalogue.yaml', line: 23, column: 11 });
    } finally {
      await other.remove();
    }
  });
});
