// The XMP metadata packet of a brief: the document information (title,
// author, subject, keywords, language, tool, dates) in the form PDF/A-2
// (ISO 19005-2, 6.6) and PDF/UA-1 (ISO 14289-1, 5 and 7.1) require, with the
// same values as the Info dictionary, and the two conformance claims. PDF/A
// admits only predefined XMP schemas, so the PDF/UA identifier comes with its
// extension schema description.

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** BCP 47 tag. */
  language: string;
  /** Written as xmp:CreatorTool and pdf:Producer, as the Info dictionary's Creator and Producer. */
  creator: string;
  date: Date;
  pdfa: { part: number; conformance: string };
  pdfua: { part: number };
}

export function xmpPacket(x: XmpFields): string {
  const date = xmpDate(x.date);
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escape(text)}</rdf:li></rdf:Alt>`;
  const description = (ns: string, body: string) => `  <rdf:Description rdf:about="" ${ns}>\n${body}  </rdf:Description>\n`;
  const line = (s: string) => `   ${s}\n`;
  return (
    // begin="" holds a byte-order mark; PDF/A forbids the header's bytes and encoding attributes.
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    description(
      'xmlns:dc="http://purl.org/dc/elements/1.1/"',
      line('<dc:format>application/pdf</dc:format>') +
        line(`<dc:title>${alt(x.title)}</dc:title>`) +
        line(`<dc:creator><rdf:Seq><rdf:li>${escape(x.author)}</rdf:li></rdf:Seq></dc:creator>`) +
        line(`<dc:description>${alt(x.subject)}</dc:description>`) +
        line(`<dc:language><rdf:Bag><rdf:li>${escape(x.language)}</rdf:li></rdf:Bag></dc:language>`),
    ) +
    description(
      'xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
      line(`<xmp:CreatorTool>${escape(x.creator)}</xmp:CreatorTool>`) +
        line(`<xmp:CreateDate>${date}</xmp:CreateDate>`) +
        line(`<xmp:ModifyDate>${date}</xmp:ModifyDate>`) +
        line(`<xmp:MetadataDate>${date}</xmp:MetadataDate>`),
    ) +
    description(
      'xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
      line(`<pdf:Producer>${escape(x.creator)}</pdf:Producer>`) + line(`<pdf:Keywords>${escape(x.keywords)}</pdf:Keywords>`),
    ) +
    description(
      'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"',
      line(`<pdfaid:part>${x.pdfa.part}</pdfaid:part>`) + line(`<pdfaid:conformance>${escape(x.pdfa.conformance)}</pdfaid:conformance>`),
    ) +
    description('xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"', line(`<pdfuaid:part>${x.pdfua.part}</pdfuaid:part>`)) +
    description(
      'xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"',
      line('<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">') +
        line(' <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>') +
        line(' <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>') +
        line(' <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>') +
        line(' <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">') +
        line('  <pdfaProperty:name>part</pdfaProperty:name>') +
        line('  <pdfaProperty:valueType>Integer</pdfaProperty:valueType>') +
        line('  <pdfaProperty:category>internal</pdfaProperty:category>') +
        line('  <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>') +
        line(' </rdf:li></rdf:Seq></pdfaSchema:property>') +
        line('</rdf:li></rdf:Bag></pdfaExtension:schemas>'),
    ) +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    '<?xpacket end="w"?>'
  );
}

/** Seconds precision and UTC, as the Info dictionary's D:YYYYMMDDHHmmSSZ. */
function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** XML text; control characters XML 1.0 cannot hold are dropped. */
function escape(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
