"""A workbook as openpyxl reads it, strictly (any warning is an error), and its
parts' XML as Python's own parser reads it, printed as JSON for the tests.

    read_workbook.py dump FILE          sheets, cells, tables, print setup, comments, charts, parts
    read_workbook.py values FILE        every cell's value (cached results for formulas)
    read_workbook.py formulas FILE      the cached result of every formula
"""
import json
import sys
import warnings
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

PREFIXES = {
    'http://schemas.openxmlformats.org/spreadsheetml/2006/main': '',
    'http://schemas.openxmlformats.org/drawingml/2006/chart': 'c:',
    'http://schemas.openxmlformats.org/drawingml/2006/main': 'a:',
    'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'xdr:',
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r:',
    'http://schemas.microsoft.com/office/spreadsheetml/2015/02/main': 'x16r2:',
}


def name(tag):
    if tag.startswith('{'):
        ns, local = tag[1:].split('}')
        return PREFIXES.get(ns, '{%s}' % ns) + local
    return tag


def tree(element, depth):
    """[name, attributes (and its text as #text), children] down to `depth` levels."""
    children = [tree(c, depth - 1) for c in element] if depth > 0 else []
    attributes = {name(k): v for k, v in element.attrib.items()}
    if element.text is not None and element.text.strip() != '' or len(element) == 0 and element.text is not None:
        attributes['#text'] = element.text
    return [name(element.tag), attributes, children]


def value(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return v.isoformat() if hasattr(v, 'isoformat') else str(v)


def text_of(rich):
    """The text of a chart title (rich text paragraphs)."""
    if rich is None or rich.tx is None or rich.tx.rich is None:
        return None
    return ''.join(r.t for p in rich.tx.rich.p for r in (p.r or []))


def cache(ref):
    if ref is None:
        return None
    data = getattr(ref, 'numCache', None) or getattr(ref, 'strCache', None)
    return {'f': ref.f, 'count': data.ptCount if data else None, 'points': {p.idx: p.v for p in data.pt} if data else {},
            'format': getattr(data, 'formatCode', None)}


def chart(c):
    return {
        'type': c.tagname,
        'title': text_of(c.title),
        'axes': {'x': text_of(c.x_axis.title), 'y': text_of(c.y_axis.title)},
        'series': [{
            'name': cache(s.tx.strRef) if s.tx else None,
            'categories': cache(s.cat.strRef if s.cat else None),
            'values': cache(s.val.numRef if s.val else None),
        } for s in c.series],
    }


def hf(item):
    return {part: getattr(item, part).text for part in ('left', 'center', 'right')}


def dump(path):
    # Strict for our own files: what openpyxl warns about, Excel would repair.
    warnings.simplefilter('error')
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for ws in wb.worksheets:
        results = cached[ws.title]
        ps = ws.page_setup
        sheets.append({
            'name': ws.title,
            'tables': [{'name': t.name, 'displayName': t.displayName, 'ref': t.ref} for t in ws.tables.values()],
            'cells': [{'ref': c.coordinate, 'value': value(c.value), 'cached': value(results[c.coordinate].value),
                       'type': c.data_type, 'format': c.number_format,
                       'wrap': bool(c.alignment and c.alignment.wrap_text)}
                      for row in ws.iter_rows() for c in row if c.value is not None],
            'comments': [{'ref': c.coordinate, 'author': c.comment.author, 'text': c.comment.text}
                         for row in ws.iter_rows() for c in row if c.comment],
            'header': hf(ws.oddHeader), 'footer': hf(ws.oddFooter),
            'print': {'paper': ps.paperSize, 'orientation': ps.orientation, 'scale': ps.scale,
                      'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                      'titleRows': ws.print_title_rows, 'titleColumns': ws.print_title_cols},
            'charts': [chart(c) for c in ws._charts],
        })
    parts = {}
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            if part.endswith('/'):
                continue
            if part.startswith('xl/worksheets/sheet') or part.startswith('xl/charts/') or part == 'xl/styles.xml' \
                    or part.startswith('xl/drawings/drawing') or part.startswith('xl/sharedStrings'):
                root = ET.fromstring(z.read(part))
                # A worksheet's rows are many: its own children are what the order concerns.
                parts[part] = tree(root, 1 if part.startswith('xl/worksheets/') else 99)
            if part.startswith('xl/worksheets/sheet'):
                root = ET.fromstring(z.read(part))
                parts[part + '#cells'] = [tree(c, 3) for row in root.iter(
                    '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}row') for c in row]
    return {'sheets': sheets, 'parts': parts}


def values(path):
    # Files other programs wrote: their quirks are not ours to judge.
    warnings.simplefilter('ignore')
    wb = openpyxl.load_workbook(path, data_only=True)
    return {f'{ws.title}!{c.coordinate}': value(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None}


def formulas(path):
    warnings.simplefilter('error')
    wb = openpyxl.load_workbook(path)
    cached = values(path)
    return {key: cached.get(key) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith('=') for key in [f'{ws.title}!{c.coordinate}']}


if __name__ == '__main__':
    command, path = sys.argv[1], sys.argv[2]
    json.dump({'dump': dump, 'values': values, 'formulas': formulas}[command](path), sys.stdout, ensure_ascii=False)
