// Splitting a part into its root's children: a child's content is skipped in
// one step only where no nested element of its name, comment, CDATA or
// processing instruction could hide or fake its end tag.
import { describe, expect, it } from 'vitest';
import { splitPart } from '../../src/xlsx/xml.ts';

const HEAD = '<?xml version="1.0"?>\n<worksheet a="1">';

describe('splitPart', () => {
  it.each([
    ['plain children', '<cols><col min="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageSetup/>', ['cols', 'sheetData', 'pageSetup']],
    ['a child holding an element of its own name', '<extLst><ext><extLst x=">"/><extLst></extLst></ext></extLst><drawing/>', ['extLst', 'drawing']],
    ['a comment that looks like an end tag', '<sheetData><!-- </sheetData> --><row/></sheetData><drawing/>', ['sheetData', 'drawing']],
    ['CDATA that looks like an end tag', '<a><![CDATA[</a>]]></a><b/>', ['a', 'b']],
    ['a longer name that starts with the child\'s', '<a><ab/><ab>x</ab></a><b/>', ['a', 'b']],
    ['white space around children', '\n  <a>x</a>\n  <b/>\n', ['a', 'b']],
  ])('%s', (_, body, names) => {
    const xml = `${HEAD}${body}</worksheet>`;
    const split = splitPart(xml);
    expect(split.head).toBe(HEAD);
    expect(split.tail).toBe('</worksheet>');
    expect(split.children.map((c) => c.name)).toEqual(names);
    // The children are the part's own text, nothing lost or repeated.
    expect(split.children.map((c) => c.xml).join('')).toBe(body.trim().replace(/>\n\s*</g, '><'));
  });

  it('refuses text between children', () => {
    expect(() => splitPart(`${HEAD}<a/>text<b/></worksheet>`)).toThrow('text between');
  });
});
