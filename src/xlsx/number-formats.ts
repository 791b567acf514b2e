// Number formats in Excel 2016's richer syntax beside the classic ones: the
// x16r2:formatCode16 attribute (MS-XLSX 2.5.4) of a numFmt, which Excel 2016
// and later read instead of formatCode, and other programs ignore (ExcelJS
// declares its namespace in styles.xml as ignorable, but cannot write it).
import { escapeXml, unescapeXml } from './xml.ts';

/** styles.xml with formatCode16 added to the formats whose classic code is a key of `codes16`. */
export function addFormatCodes16(styles: string, codes16: Readonly<Record<string, string>>): string {
  return styles.replace(/<numFmt\b([^>]*?)formatCode="([^"]*)"([^>]*?)\/>/g, (whole, before: string, code: string, after: string) => {
    const code16 = codes16[unescapeXml(code)];
    return code16 === undefined ? whole : `<numFmt${before}formatCode="${code}" x16r2:formatCode16="${escapeXml(code16)}"${after}/>`;
  });
}
