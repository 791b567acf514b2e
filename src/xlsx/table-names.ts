// Excel table names from sheet names in any script. Excel's rules: a name
// starts with a letter or an underscore; then letters, digits, underscores and
// periods; it is not a cell reference (A1, R1C1); at most 255 characters; and
// no two tables of a workbook share a name, whatever the case.

const MAX_LENGTH = 255;
/** Runs of what may stay in a name; everything else separates words. */
const WORD = /[\p{L}0-9_.]+/gu;
const NOT_NAME = /[^\p{L}0-9_.]/gu;
/** A1 references (up to column XFD and beyond, to be safe) and R1C1 ones: R, C, R2, C3, R2C3, RC. */
const CELL_REFERENCE = /^(?:[A-Z]{1,3}[0-9]+|R[0-9]*(?:C[0-9]*)?|C[0-9]*)$/i;

/** One name per sheet, in order: the sheet's words run together (Partner regions -> PartnerRegions). */
export function tableNames(sheetNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return sheetNames.map((sheet) => {
    const base = tableBase(sheet);
    let name = base;
    for (let n = 2; taken.has(caseKey(name)); n++) name = `${truncate(base, MAX_LENGTH - String(n).length - 1)}_${n}`;
    taken.add(caseKey(name));
    return name;
  });
}

function tableBase(sheet: string): string {
  const words = sheet.normalize('NFC').match(WORD) ?? [];
  // Upper-casing can yield combining marks (ǰ -> J + ˇ): filter again.
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('').replace(NOT_NAME, '');
  // _xlnm. is the prefix of Excel's built-in names (print titles, filters).
  const safe = joined === '' ? 'Table' : /^[\p{L}_]/u.test(joined) && !CELL_REFERENCE.test(joined) && !/^_xlnm\./i.test(joined) ? joined : `Table_${joined}`;
  return truncate(safe, MAX_LENGTH);
}

/** At most `max` UTF-16 units, never half a surrogate pair. */
function truncate(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Excel compares names without regard to case; lower then upper also folds ς/σ and K/k/K. */
function caseKey(name: string): string {
  return name.toLowerCase().toUpperCase();
}
