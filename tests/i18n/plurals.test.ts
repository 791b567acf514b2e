// Counts follow each language's plural rules (CLDR, through ICU MessageFormat):
// the catalogue chooses the word, the template never concatenates one.
import { describe, expect, it } from 'vitest';
import { loadMessages, type Messages } from '../../src/i18n/messages.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { join } from 'node:path';

const templates = join(PROJECT_ROOT, 'templates');
const [en, ru] = await Promise.all([loadMessages(templates, 'en', PROJECT_ROOT), loadMessages(templates, 'ru', PROJECT_ROOT)]);
const COUNTS = [1, 2, 5, 11, 21, 22, 25] as const;

/** The part of a message a count decides, for each count: hand-written, as a reader expects it. */
const EXPECTED: { messages: Messages; key: string; values: Record<string, unknown>; count: string; words: Record<(typeof COUNTS)[number], string> }[] = [
  {
    messages: en,
    key: 'text.bsr_intro',
    values: { region: 'Leningrad Oblast', calls: '8 and 9', total: '€1' },
    count: 'count',
    words: { 1: '1 project with', 2: '2 projects with', 5: '5 projects with', 11: '11 projects with', 21: '21 projects with', 22: '22 projects with', 25: '25 projects with' },
  },
  {
    messages: ru,
    key: 'text.bsr_intro',
    values: { region: 'Ленинградская область', calls: '8 и 9', total: '1 €' },
    count: 'count',
    words: { 1: 'одобрен 1 проект', 2: 'одобрено 2 проекта', 5: 'одобрено 5 проектов', 11: 'одобрено 11 проектов', 21: 'одобрен 21 проект', 22: 'одобрено 22 проекта', 25: 'одобрено 25 проектов' },
  },
  {
    messages: en,
    key: 'text.partner_regions_intro',
    values: { year: '2005', region: 'Leningrad Oblast', named: 1, countries: 1 },
    count: 'stated',
    words: { 1: 'with 1 foreign region.', 2: 'with 2 foreign regions.', 5: 'with 5 foreign regions.', 11: 'with 11 foreign regions.', 21: 'with 21 foreign regions.', 22: 'with 22 foreign regions.', 25: 'with 25 foreign regions.' },
  },
  {
    messages: ru,
    key: 'text.partner_regions_intro',
    values: { year: '2005', region: 'Ленинградская область', named: 1, countries: 1 },
    count: 'stated',
    words: { 1: 'с 1 зарубежным регионом', 2: 'с 2 зарубежными регионами', 5: 'с 5 зарубежными регионами', 11: 'с 11 зарубежными регионами', 21: 'с 21 зарубежным регионом', 22: 'с 22 зарубежными регионами', 25: 'с 25 зарубежными регионами' },
  },
  {
    messages: ru,
    key: 'text.partner_regions_intro',
    values: { year: '2005', region: 'Ленинградская область', stated: 21, named: 11 },
    count: 'countries',
    words: { 1: 'в 1 стране', 2: 'в 2 странах', 5: 'в 5 странах', 11: 'в 11 странах', 21: 'в 21 стране', 22: 'в 22 странах', 25: 'в 25 странах' },
  },
  {
    messages: en,
    key: 'text.more_projects',
    values: {},
    count: 'count',
    words: { 1: '1 more is listed', 2: '2 more are listed', 5: '5 more are listed', 11: '11 more are listed', 21: '21 more are listed', 22: '22 more are listed', 25: '25 more are listed' },
  },
  {
    messages: ru,
    key: 'text.more_projects',
    values: {},
    count: 'count',
    words: { 1: 'ещё 1 проект указан', 2: 'ещё 2 проекта перечислены', 5: 'ещё 5 проектов перечислены', 11: 'ещё 11 проектов перечислены', 21: 'ещё 21 проект указан', 22: 'ещё 22 проекта перечислены', 25: 'ещё 25 проектов перечислены' },
  },
];

describe('plural rules', () => {
  for (const { messages, key, values, count, words } of EXPECTED) {
    it.each(COUNTS)(`${messages.locale} ${key} with ${count} = %i`, (n) => {
      expect(messages.format(key, { ...values, [count]: n })).toContain(words[n]);
    });
  }

});

describe('key figure labels agree with their figure', () => {
  const label: Record<string, Record<number, string>> = {
    'en figures.partner_regions': { 1: 'foreign partner region', 21: 'foreign partner regions', 22: 'foreign partner regions' },
    'ru figures.partner_regions': { 1: 'зарубежный регион-партнёр', 2: 'зарубежных региона-партнёра', 5: 'зарубежных регионов-партнёров', 11: 'зарубежных регионов-партнёров', 21: 'зарубежный регион-партнёр', 22: 'зарубежных региона-партнёра', 25: 'зарубежных регионов-партнёров' },
    'ru figures.projects': { 1: 'проект Балтийского региона', 3: 'проекта Балтийского региона', 6: 'проектов Балтийского региона' },
    'ru figures.planned': { 3: 'региона Азии в центре внимания в 2006 году', 5: 'регионов Азии в центре внимания в 2006 году' },
    'ru figures.directions': { 1: 'основное направление сотрудничества', 5: 'основных направлений сотрудничества' },
  };
  for (const [name, cases] of Object.entries(label)) {
    const [locale, key] = name.split(' ') as [string, string];
    it.each(Object.entries(cases))(`${name} with %s`, (n, text) => {
      expect((locale === 'en' ? en : ru).format(key, { count: Number(n) })).toBe(text);
    });
  }
});
