// Completes the structure tree Chromium derives from the page's accessibility
// tree. Chromium tags a list item's marker as Lbl but puts the rest of the item
// straight into the LI, where PDF's list structure (ISO 32000-1, Table 336;
// Matterhorn 09-005) expects one LBody: each item's other elements are moved
// into a new LBody, after the Lbl if there is one.
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFContext, type PDFDocument, type PDFObject } from 'pdf-lib';

const S = PDFName.of('S');
const K = PDFName.of('K');
const P = PDFName.of('P');

/** Returns how many list items got an LBody. */
export function addListBodies(doc: PDFDocument): number {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  let count = 0;
  const visit = (parent: PDFDict) => {
    for (const { ref, elem } of childElements(parent, doc.context)) {
      if (ref && elem.get(S) === PDFName.of('LI') && wrapBody(ref, elem, doc.context)) count++;
      visit(elem);
    }
  };
  visit(root);
  return count;
}

function wrapBody(liRef: PDFRef, li: PDFDict, context: PDFContext): boolean {
  const kids = kidsOf(li);
  const isLbl = (kid: PDFObject) => elementOf(kid, context)?.get(S) === PDFName.of('Lbl');
  const labels = kids.filter(isLbl);
  // Elements go into the body; marked content the item holds directly stays with it.
  const body = kids.filter((kid) => !isLbl(kid) && elementOf(kid, context));
  const rest = kids.filter((kid) => !isLbl(kid) && !elementOf(kid, context));
  if (body.length === 0 || (body.length === 1 && elementOf(body[0]!, context)?.get(S) === PDFName.of('LBody'))) return false;
  const lbody = context.obj({ Type: 'StructElem', S: 'LBody', P: liRef, K: body });
  const lbodyRef = context.register(lbody);
  for (const kid of body) elementOf(kid, context)!.set(P, lbodyRef);
  li.set(K, context.obj([...labels, lbodyRef, ...rest]));
  return true;
}

function childElements(parent: PDFDict, context: PDFContext): { ref: PDFRef | undefined; elem: PDFDict }[] {
  return kidsOf(parent).flatMap((kid) => {
    const elem = elementOf(kid, context);
    return elem ? [{ ref: kid instanceof PDFRef ? kid : undefined, elem }] : [];
  });
}

function kidsOf(elem: PDFDict): PDFObject[] {
  const k = elem.get(K);
  if (k === undefined) return [];
  return k instanceof PDFArray ? k.asArray() : [k];
}

/** A kid that is a structure element (not an MCID, a marked-content or an object reference). */
function elementOf(kid: PDFObject, context: PDFContext): PDFDict | undefined {
  const value = kid instanceof PDFRef ? context.lookup(kid) : kid;
  return value instanceof PDFDict && value.has(S) ? value : undefined;
}
