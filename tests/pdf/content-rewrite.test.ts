// The content-stream steps on hand-written streams: the lexer's corner cases,
// what is wrapped as an artifact and what is not, and the soft-hyphen glyphs.
import { describe, expect, it } from 'vitest';
import { wrapUntagged } from '../../src/pdf/artifacts.ts';
import { parseOperations, type Operation } from '../../src/pdf/content-stream.ts';
import { withoutSoftHyphenGlyphs } from '../../src/pdf/soft-hyphens.ts';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const hasMcid = (op: Operation) => op.operands[0] === '/Artifact' || /\/MCID/.test(op.operands[1] ?? '');

describe('parseOperations', () => {
  it('reads operands of every kind and keeps byte ranges', () => {
    const source = '/P <</MCID 3 /A [1 (a) <0A>]>> BDC\n(str\\) (nested)) Tj [(x) -20 <0001>] TJ true false null d0 EMC % comment\nBI /W 2 /H 1 ID \x00EI\xff EI Q';
    const ops = parseOperations(bytes(source));
    expect(ops.map((o) => o.operator)).toEqual(['BDC', 'Tj', 'TJ', 'd0', 'EMC', 'BI', 'Q']);
    expect(ops[0]!.operands).toEqual(['/P', '<</MCID 3 /A [1 (a) <0A>]>>']);
    expect(ops[1]!.operands).toEqual(['(str\\) (nested))']);
    expect(ops[3]!.operands).toEqual(['true', 'false', 'null']);
    expect(source.slice(ops[5]!.start, ops[5]!.end)).toBe('BI /W 2 /H 1 ID \x00EI\xff EI');
    expect(source.slice(ops[2]!.start, ops[2]!.end)).toBe('[(x) -20 <0001>] TJ');
  });

  it('refuses a stream it cannot read', () => {
    expect(() => parseOperations(bytes('(unterminated Tj'))).toThrow(/unterminated string/);
    expect(() => parseOperations(bytes('1 2'))).toThrow(/operands without an operator/);
  });
});

describe('wrapUntagged', () => {
  it('wraps untagged drawing between q/Q and BT/ET boundaries, and leaves tagged content alone', () => {
    const source = 'q 1 0 0 1 0 0 cm BT /F1 9 Tf (Page 1) Tj ET Q /P <</MCID 0>> BDC BT (Text) Tj ET EMC 0 0 5 5 re f';
    const { content, count } = wrapUntagged(bytes(source), hasMcid);
    expect(count).toBe(2);
    expect(text(content)).toBe(
      'q 1 0 0 1 0 0 cm BT /F1 9 Tf /Artifact BMC\n(Page 1) Tj EMC\nET Q /P <</MCID 0>> BDC BT (Text) Tj ET EMC /Artifact BMC\n0 0 5 5 re f\nEMC\n',
    );
  });

  it('takes marked content without an MCID (an ActualText span) into the artifact around it', () => {
    const source = 'BT (a) Tj /Span <</ActualText <FEFF00AD>>> BDC (b) Tj EMC (c) Tj ET';
    const { content } = wrapUntagged(bytes(source), hasMcid);
    expect(text(content)).toBe('BT /Artifact BMC\n(a) Tj /Span <</ActualText <FEFF00AD>>> BDC (b) Tj EMC (c) Tj EMC\nET');
  });

  it('leaves a page that is all tagged or artifact as it is', () => {
    const source = '/Artifact BMC (x) Tj EMC /P <</MCID 1>> BDC (y) Tj EMC';
    expect(wrapUntagged(bytes(source), hasMcid)).toEqual({ content: bytes(source), count: 0 });
  });
});

describe('withoutSoftHyphenGlyphs', () => {
  it('drops the invisible glyph of each soft hyphen and keeps the positioning', () => {
    const source = 'BT <0051> Tj /Span<</ActualText <FEFF00AD> >> BDC\n6.17 0 Td <0003> Tj\nEMC\n0 0 Td <0057> Tj ET';
    const { content, count } = withoutSoftHyphenGlyphs(bytes(source));
    expect(count).toBe(1);
    expect(text(content)).toBe('BT <0051> Tj 6.17 0 Td\n\n0 0 Td <0057> Tj ET');
  });

  it('keeps other ActualText spans', () => {
    const source = '/Span <</ActualText <FEFF0066006900>>> BDC <0123> Tj EMC';
    expect(withoutSoftHyphenGlyphs(bytes(source)).count).toBe(0);
  });
});
