// Sheet names in any script always give table names Excel accepts, all
// different regardless of case: the Russian workbook once named all seven of
// its tables "Table_", which openpyxl refuses and Excel repairs away.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableNames } from '../../src/xlsx/table-names.ts';

/** Excel's rules, written out here on their own. */
function validity(name: string): string | undefined {
  if (!/^[\p{L}_]/u.test(name)) return 'does not start with a letter or an underscore';
  if (!/^[\p{L}0-9_.]+$/u.test(name)) return 'holds a character other than letters, digits, underscores and periods';
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return 'is an A1 cell reference';
  if (/^[Rr][0-9]*([Cc][0-9]*)?$|^[Cc][0-9]*$/.test(name)) return 'is an R1C1 reference';
  if (name.length > 255) return 'is longer than 255 characters';
  if (/[\uD800-\uDFFF]/.test(name.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) return 'holds half a surrogate pair';
  return undefined;
}

const fold = (name: string) => name.toLowerCase().toUpperCase();

const SEED = 20_051_231;
const scripts = {
  cyrillic: fc.string({ unit: fc.constantFrom(...'Проекты регионы-партнёры Страны ЁёЪъ'), minLength: 1, maxLength: 31 }),
  greek: fc.string({ unit: fc.constantFrom(...'ΣσςΟΔΟΣ οδός Ελλάδα'), minLength: 1, maxLength: 31 }),
  cjk: fc.string({ unit: fc.constantFrom(...'項目合作伙伴地区 プロジェクト 사업'), minLength: 1, maxLength: 31 }),
  references: fc.constantFrom('A1', 'a1', 'XFD1048576', 'R1C1', 'r2c3', 'R', 'C', 'RC', 'C7', 'AB12', 'R1', '1A', 'A1B'),
  digitsFirst: fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.string({ maxLength: 10 })).map(([n, s]) => `${n}${s}`.slice(0, 31)),
  anything: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 31 }),
  binary: fc.string({ unit: 'binary', minLength: 1, maxLength: 31 }),
  long: fc.constantFrom('Partner regions and countries 12', 'Участники программы соседства 20', 'ﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃﬃ'.slice(0, 31)),
};
const sheetName = fc.oneof(...Object.values(scripts));

describe('table names', () => {
  it('are valid and unique, case-insensitively, for sheet names in any script', () => {
    fc.assert(
      fc.property(fc.array(sheetName, { minLength: 1, maxLength: 12 }), (sheets) => {
        const names = tableNames(sheets);
        expect(names).toHaveLength(sheets.length);
        for (const [i, name] of names.entries()) expect(validity(name), `${JSON.stringify(sheets[i])} -> ${JSON.stringify(name)}`).toBeUndefined();
        expect(new Set(names.map(fold)).size).toBe(names.length);
      }),
      { seed: SEED, numRuns: 2_000, verbose: true },
    );
  });

  it('keep the words of a sheet name, in its own script', () => {
    expect(tableNames(['Partner regions', 'Регионы-партнёры', 'Προγράμματα', '合作伙伴'])).toEqual(['PartnerRegions', 'РегионыПартнёры', 'Προγράμματα', '合作伙伴']);
  });

  it('never look like a cell, start with a digit or clash', () => {
    expect(tableNames(['A1', 'R1C1', 'C', '2005', '***', 'Projects', 'projects', 'PROJECTS'])).toEqual([
      'Table_A1', 'Table_R1C1', 'Table_C', 'Table_2005', 'Table', 'Projects', 'Projects_2', 'PROJECTS_3',
    ]);
    // Greek capital sigma has two small forms; Excel would see ΟΔΟΣ and οδοσ as one name.
    expect(tableNames(['ΟΔΟΣ', 'οδοσ', 'οδος']).map(fold)).toEqual(['ΟΔΟΣ', 'ΟΔΟΣ_2', 'ΟΔΟΣ_3']);
  });
});
