// Excel's locale IDs (LCIDs, MS-LCID) for the languages a committee is likely
// to publish in: they tag number and date formats so month names follow the
// workbook's language. A language missing here still works; its formats are
// untagged and follow the viewer's settings.
const LCID: Record<string, string> = {
  'be-BY': '423', 'cs-CZ': '405', 'da-DK': '406', 'de-DE': '407', 'en-GB': '809', 'en-US': '409', 'es-ES': 'C0A', 'et-EE': '425',
  'fi-FI': '40B', 'fr-FR': '40C', 'hy-AM': '42B', 'it-IT': '410', 'ja-JP': '411', 'kk-KZ': '43F', 'ko-KR': '412', 'lt-LT': '427',
  'lv-LV': '426', 'nb-NO': '414', 'nl-NL': '413', 'pl-PL': '415', 'ru-RU': '419', 'sv-SE': '41D', 'uk-UA': '422', 'zh-CN': '804',
};

export function excelLocaleId(tag: string): string | undefined {
  return LCID[Intl.getCanonicalLocales(tag)[0] ?? tag];
}
