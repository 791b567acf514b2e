// Every kind of output, by the catalogue's `kind:`. Adding a sink is a folder
// that exports a Sink (src/plan/sink.ts) and a line here.
import { dataPackageSink } from './datapackage/sink.ts';
import { publicationSink } from './pdf/publication.ts';
import { pdfSink } from './pdf/sink.ts';
import type { Sink } from './plan/sink.ts';
import { xlsxSink } from './xlsx/sink.ts';

// Each sink's plan type is its own business: the table holds them as Sink<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SINKS: Readonly<Record<string, Sink<any>>> = {
  pdf: pdfSink,
  xlsx: xlsxSink,
  datapackage: dataPackageSink,
  publication: publicationSink,
};
