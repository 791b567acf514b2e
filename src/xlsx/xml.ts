// The little XML the package step needs: escaping text, and splitting a part
// into its root element's children (for reordering them) without a DOM.

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' } as const)[c as '&']};`);
}

export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name]!,
  );
}

export interface Child {
  /** The qualified name, e.g. tableParts or c:title. */
  name: string;
  xml: string;
}

export interface SplitPart {
  /** The XML declaration and the root's start tag. */
  head: string;
  children: Child[];
  /** The root's end tag. */
  tail: string;
}

// Tags, with quoted attribute values (which may hold > ), comments, processing instructions and CDATA.
const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;

/** The root element's children in document order; text between them must be white space. */
export function splitPart(xml: string): SplitPart {
  let depth = 0;
  let head = '';
  let start = -1;
  let childName = '';
  let last = 0;
  const children: Child[] = [];
  const tokens = new RegExp(TOKEN);
  for (let m = tokens.exec(xml); m; m = tokens.exec(xml)) {
    const [token, closing, name, , selfClosing] = m;
    if (name === undefined) continue;
    const at = m.index;
    if (depth === 1 && start < 0 && xml.slice(last, at).trim() !== '') throw new Error('text between the root element\'s children');
    if (closing) {
      depth--;
      if (depth === 1) {
        children.push({ name: childName, xml: xml.slice(start, at + token.length) });
        start = -1;
      } else if (depth === 0) {
        return { head, children, tail: xml.slice(at) };
      }
    } else {
      if (depth === 0) head = xml.slice(0, at + token.length);
      else if (depth === 1) {
        start = at;
        childName = name;
      }
      if (selfClosing) {
        if (depth === 1) {
          children.push({ name, xml: token });
          start = -1;
        }
      } else {
        depth++;
        // A child's content is not split: skip to its end tag when nothing in between could hide or fake one.
        const end = depth === 2 ? plainEnd(xml, name, at + token.length) : -1;
        if (end >= 0) tokens.lastIndex = end;
      }
    }
    last = tokens.lastIndex;
  }
  throw new Error('the part has no complete root element');
}

/**
 * Where the end tag of an element `name` whose content starts at `from` begins,
 * if the content holds no element of the same name, comment, CDATA or
 * processing instruction; else -1. (A sheet's <sheetData> is most of its part.)
 */
function plainEnd(xml: string, name: string, from: number): number {
  const end = xml.indexOf(`</${name}`, from);
  if (end < 0 || !/[\s>]/.test(xml[end + name.length + 2] ?? '')) return -1;
  const content = xml.slice(from, end);
  return content.includes('<!') || content.includes('<?') || new RegExp(`<${name.replace(/\./g, '\\.')}[\\s/>]`).test(content) ? -1 : end;
}
