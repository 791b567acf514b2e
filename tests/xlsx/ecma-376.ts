// Child element order of the parts the workbook writes, transcribed from the
// ECMA-376 (transitional) schemas: sml.xsd (CT_Worksheet), dml-chart.xsd
// (CT_ChartSpace and the types below it), dml-main.xsd (text and shape
// properties) and dml-spreadsheetDrawing.xsd. Each entry lists the slots of a
// type's xsd:sequence in order; a slot that is an array is an xsd:choice.
// Written here independently of src/, so the test does not check the code
// against itself.

type Slot = string | readonly string[];

const FILLS = ['a:noFill', 'a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:grpFill'];
const TEXT_BODY: Slot[] = ['a:bodyPr', 'a:lstStyle', 'a:p'];
const CHARACTER_PROPERTIES: Slot[] = [
  'a:ln', FILLS, ['a:effectLst', 'a:effectDag'], 'a:highlight', ['a:uLnTx', 'a:uLn'], ['a:uFillTx', 'a:uFill'],
  'a:latin', 'a:ea', 'a:cs', 'a:sym', 'a:hlinkClick', 'a:hlinkMouseOver', 'a:rtl', 'a:extLst',
];
const AXIS_SHARED: Slot[] = [
  'c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt',
  'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx', ['c:crosses', 'c:crossesAt'],
];
const CHART_TYPES = [
  'c:areaChart', 'c:area3DChart', 'c:lineChart', 'c:line3DChart', 'c:stockChart', 'c:radarChart', 'c:scatterChart', 'c:pieChart',
  'c:pie3DChart', 'c:doughnutChart', 'c:barChart', 'c:bar3DChart', 'c:ofPieChart', 'c:surfaceChart', 'c:surface3DChart', 'c:bubbleChart',
];

export const SEQUENCES: Readonly<Record<string, readonly Slot[]>> = {
  // sml.xsd, CT_Worksheet
  worksheet: [
    'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
    'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
    'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
    'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
    'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
  ],
  // dml-chart.xsd
  'c:chartSpace': [
    'c:date1904', 'c:lang', 'c:roundedCorners', 'c:style', 'c:clrMapOvr', 'c:pivotSource', 'c:protection', 'c:chart', 'c:spPr', 'c:txPr',
    'c:externalData', 'c:printSettings', 'c:userShapes', 'c:extLst',
  ],
  'c:chart': [
    'c:title', 'c:autoTitleDeleted', 'c:pivotFmts', 'c:view3D', 'c:floor', 'c:sideWall', 'c:backWall', 'c:plotArea', 'c:legend',
    'c:plotVisOnly', 'c:dispBlanksAs', 'c:showDLblsOverMax', 'c:extLst',
  ],
  'c:plotArea': ['c:layout', CHART_TYPES, ['c:valAx', 'c:catAx', 'c:dateAx', 'c:serAx'], 'c:dTable', 'c:spPr', 'c:extLst'],
  'c:barChart': ['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:gapWidth', 'c:overlap', 'c:serLines', 'c:axId', 'c:extLst'],
  'c:ser': [
    'c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:pictureOptions', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars',
    'c:cat', 'c:val', 'c:shape', 'c:extLst',
  ],
  'c:dLbls': [
    'c:dLbl', 'c:delete', 'c:numFmt', 'c:spPr', 'c:txPr', 'c:dLblPos', 'c:showLegendKey', 'c:showVal', 'c:showCatName', 'c:showSerName',
    'c:showPercent', 'c:showBubbleSize', 'c:separator', 'c:showLeaderLines', 'c:leaderLines', 'c:extLst',
  ],
  'c:catAx': [...AXIS_SHARED, 'c:auto', 'c:lblAlgn', 'c:lblOffset', 'c:tickLblSkip', 'c:tickMarkSkip', 'c:noMultiLvlLbl', 'c:extLst'],
  'c:valAx': [...AXIS_SHARED, 'c:crossBetween', 'c:majorUnit', 'c:minorUnit', 'c:dispUnits', 'c:extLst'],
  'c:scaling': ['c:logBase', 'c:orientation', 'c:max', 'c:min', 'c:extLst'],
  'c:title': ['c:tx', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'],
  'c:tx': [['c:strRef', 'c:rich', 'c:v']],
  'c:legend': ['c:legendPos', 'c:legendEntry', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'],
  'c:layout': ['c:manualLayout', 'c:extLst'],
  'c:majorGridlines': ['c:spPr'],
  'c:cat': [['c:multiLvlStrRef', 'c:numRef', 'c:numLit', 'c:strRef', 'c:strLit']],
  'c:val': [['c:numRef', 'c:numLit']],
  'c:strRef': ['c:f', 'c:strCache', 'c:extLst'],
  'c:numRef': ['c:f', 'c:numCache', 'c:extLst'],
  'c:strCache': ['c:ptCount', 'c:pt', 'c:extLst'],
  'c:numCache': ['c:formatCode', 'c:ptCount', 'c:pt', 'c:extLst'],
  'c:pt': ['c:v'],
  'c:rich': TEXT_BODY,
  'c:txPr': TEXT_BODY,
  'c:spPr': ['a:xfrm', ['a:custGeom', 'a:prstGeom'], FILLS, 'a:ln', ['a:effectLst', 'a:effectDag'], 'a:scene3d', 'a:sp3d', 'a:extLst'],
  // dml-main.xsd
  'a:p': ['a:pPr', ['a:r', 'a:br', 'a:fld'], 'a:endParaRPr'],
  'a:pPr': ['a:lnSpc', 'a:spcBef', 'a:spcAft', 'a:buClrTx', 'a:buSzTx', 'a:buFontTx', 'a:buNone', 'a:tabLst', 'a:defRPr', 'a:extLst'],
  'a:r': ['a:rPr', 'a:t'],
  'a:rPr': CHARACTER_PROPERTIES,
  'a:defRPr': CHARACTER_PROPERTIES,
  'a:endParaRPr': CHARACTER_PROPERTIES,
  'a:ln': [FILLS.filter((f) => f !== 'a:blipFill' && f !== 'a:grpFill'), ['a:prstDash', 'a:custDash'], ['a:round', 'a:bevel', 'a:miter'], 'a:headEnd', 'a:tailEnd', 'a:extLst'],
  'a:solidFill': [['a:scrgbClr', 'a:srgbClr', 'a:hslClr', 'a:sysClr', 'a:schemeClr', 'a:prstClr']],
  'a:graphic': ['a:graphicData'],
  // dml-spreadsheetDrawing.xsd
  'xdr:wsDr': [['xdr:twoCellAnchor', 'xdr:oneCellAnchor', 'xdr:absoluteAnchor']],
  'xdr:twoCellAnchor': ['xdr:from', 'xdr:to', ['xdr:sp', 'xdr:grpSp', 'xdr:graphicFrame', 'xdr:cxnSp', 'xdr:pic', 'xdr:contentPart'], 'xdr:clientData'],
  'xdr:from': ['xdr:col', 'xdr:colOff', 'xdr:row', 'xdr:rowOff'],
  'xdr:to': ['xdr:col', 'xdr:colOff', 'xdr:row', 'xdr:rowOff'],
  'xdr:graphicFrame': ['xdr:nvGraphicFramePr', 'xdr:xfrm', 'a:graphic', 'xdr:extLst'],
  'xdr:nvGraphicFramePr': ['xdr:cNvPr', 'xdr:cNvGraphicFramePr'],
};

/** An element as Python's parser read it: name, attributes, children. */
export type XmlNode = [string, Record<string, string>, XmlNode[]];

/**
 * Every place in the tree where a child is out of its type's sequence or not
 * in it at all, as "path: message". Elements of types not listed are not checked.
 */
export function orderViolations(node: XmlNode, path = node[0]): string[] {
  const [name, , children] = node;
  const sequence = SEQUENCES[name];
  const found: string[] = [];
  if (sequence) {
    let last = -1;
    let lastName = '';
    for (const [child] of children) {
      const slot = sequence.findIndex((s) => (typeof s === 'string' ? s === child : s.includes(child)));
      if (slot < 0) found.push(`${path}: <${child}> is not a child of <${name}>`);
      else if (slot < last) found.push(`${path}: <${child}> comes after <${lastName}>, which the schema puts later`);
      else [last, lastName] = [slot, child];
    }
  }
  return [...found, ...children.flatMap((child) => orderViolations(child, `${path}/${child[0]}`))];
}
