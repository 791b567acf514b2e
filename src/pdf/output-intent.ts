// The PDF/A OutputIntent: Chromium paints in DeviceRGB (with transparency on
// the map), which PDF/A-2 (ISO 19005-2, 6.2.3 and 6.2.4.3) allows only with an
// output intent carrying an embedded ICC profile. The profile is sRGB, the
// colour space the briefs' CSS colours are defined in; see icc/README.md for
// where it comes from and its licence.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { PROJECT_ROOT } from '../config.ts';

const IDENTIFIER = 'sRGB IEC61966-2.1';

let profile: Uint8Array | undefined;

export function addSrgbOutputIntent(doc: PDFDocument): void {
  profile ??= readFileSync(join(PROJECT_ROOT, 'src', 'pdf', 'icc', 'sRGB.icc'));
  const { context } = doc;
  const iccRef = context.register(context.flateStream(profile, { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(IDENTIFIER),
    Info: PDFString.of(IDENTIFIER),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: iccRef,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
}
