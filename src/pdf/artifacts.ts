// Marks everything Chromium draws outside the structure tree as an artifact
// (PDF/UA-1 7.1, Matterhorn 01-005): the running header and "Page X of Y"
// footer of the @page margin boxes, CSS ::before list numbers and decorative
// backgrounds that belong to no element. Each run of such drawing operations
// at the top level of a page's content is wrapped in /Artifact BMC … EMC; the
// run never crosses q/Q or BT/ET, nor opens inside tagged content, so no
// artifact ends up inside real content or the other way round (01-003, 01-004).
import { PDFDict, PDFName, type PDFPage } from 'pdf-lib';
import { parseOperations, type Operation } from './content-stream.ts';
import type { ContentChange } from './page-content.ts';

/** Operators that draw, or build a path that a later one of them paints. */
const DRAWS = new Set([
  'Tj', 'TJ', "'", '"', 'Do', 'sh', 'BI',
  'm', 'l', 'c', 'v', 'y', 'h', 're',
  'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n', 'W', 'W*',
]);
/** A run is closed before these, so it nests properly with graphics states and text objects. */
const BOUNDARIES = new Set(['q', 'Q', 'BT', 'ET']);

const OPEN = Buffer.from('/Artifact BMC\n', 'latin1');
const CLOSE = Buffer.from('EMC\n', 'latin1');

/** A page's content with its untagged runs marked, or undefined when it has none. */
export const markArtifacts: ContentChange = (bytes, page) => {
  const { content, count } = wrapUntagged(bytes, (operation) => isTagged(operation, page));
  return count > 0 ? content : undefined;
};

/**
 * Inserts the artifact brackets. `tagged` tells whether a BDC/BMC at the top
 * level opens real content (an MCID) or an artifact; any other marked content
 * there (Chromium's /Span with the ActualText of a soft hyphen) is part of
 * whatever encloses it.
 */
export function wrapUntagged(bytes: Uint8Array, tagged: (op: Operation) => boolean): { content: Uint8Array; count: number } {
  const operations = parseOperations(bytes);
  const pieces: Uint8Array[] = [];
  let copied = 0;
  let depth = 0;
  let open = false;
  let count = 0;
  const insert = (at: number, what: Buffer) => {
    pieces.push(bytes.subarray(copied, at), what);
    copied = at;
  };
  const close = (at: number) => {
    if (!open) return;
    insert(at, CLOSE);
    open = false;
  };
  const openAt = (at: number) => {
    if (open) return;
    insert(at, OPEN);
    open = true;
    count++;
  };

  for (const op of operations) {
    const { operator } = op;
    if (operator === 'BDC' || operator === 'BMC') {
      if (depth === 0) {
        if (tagged(op)) close(op.start);
        else openAt(op.start);
      }
      depth++;
    } else if (operator === 'EMC') {
      depth--;
    } else if (depth === 0) {
      if (BOUNDARIES.has(operator)) close(op.start);
      else if (DRAWS.has(operator)) openAt(op.start);
    }
  }
  if (depth !== 0) throw new Error('content stream: unbalanced marked content');
  if (open) {
    pieces.push(bytes.subarray(copied), Buffer.from('\n'), CLOSE);
    copied = bytes.length;
  }
  pieces.push(bytes.subarray(copied));
  return { content: Buffer.concat(pieces), count };
}

/** Whether a marked-content operator opens an artifact or content with an MCID. */
function isTagged(op: Operation, page: PDFPage): boolean {
  const [tag, properties] = op.operands;
  if (tag === '/Artifact') return true;
  if (op.operator === 'BMC' || properties === undefined) return false;
  if (properties.startsWith('<<')) return /\/MCID[\s\d]/.test(properties);
  // A named property list lives in the page's resources.
  const named = page.node.Resources()?.lookupMaybe(PDFName.of('Properties'), PDFDict)?.lookupMaybe(PDFName.of(properties.slice(1)), PDFDict);
  return named?.has(PDFName.of('MCID')) ?? false;
}
