"""Facts about PDFs, read with pikepdf (Debian's python3-pikepdf), an
independent reader of what Chromium and pdf-lib wrote. Prints one JSON object
per file, keyed by path; tests/pdf/*.test.ts assert on them.

Usage: /usr/bin/python3 pdf_facts.py FILE.pdf...
"""
import json
import re
import struct
import sys

import pikepdf

DRAWS = {'Tj', 'TJ', "'", '"', 'Do', 'sh', 'BI', 'INLINE IMAGE', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'}


def text(value):
    return str(value) if value is not None else None


def plain(value):
    if isinstance(value, pikepdf.Array):
        return [plain(v) for v in value]
    if isinstance(value, (pikepdf.Name, pikepdf.String)):
        return str(value)
    if isinstance(value, bool):
        return value
    return int(value) if int(value) == value else float(value)


def all_objects(pdf):
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            yield obj


def keys_anywhere(pdf, names):
    found = set()
    for obj in all_objects(pdf):
        for key in obj.keys():
            if key in names:
                found.add(key)
        if obj.get('/S') in ('/JavaScript', '/Launch'):
            found.add(str(obj.get('/S')))
    return sorted(found)


def filters(pdf):
    used = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            f = obj.stream_dict.get('/Filter')
            for name in (f if isinstance(f, pikepdf.Array) else [f] if f is not None else []):
                used.add(str(name))
    return sorted(used)


def icc_header(stream):
    data = stream.read_bytes()
    _, _, version, klass, space, _ = struct.unpack('>I4sI4s4s4s', data[:24])
    return {'version': f'{version >> 24}.{(version >> 20) & 0xF}', 'class': klass.decode(), 'space': space.decode().strip()}


def output_intents(pdf):
    out = []
    for intent in pdf.Root.get('/OutputIntents', []):
        profile = intent.get('/DestOutputProfile')
        out.append({
            'S': text(intent.get('/S')),
            'identifier': text(intent.get('/OutputConditionIdentifier')),
            'N': int(profile.stream_dict.get('/N')) if profile is not None else None,
            'profile': icc_header(profile) if profile is not None else None,
        })
    return out


def fonts(pdf):
    out = []
    for obj in all_objects(pdf):
        if obj.get('/Type') != '/Font' or obj.get('/Subtype') == '/CIDFontType2':
            continue
        subtype = text(obj.get('/Subtype'))
        descendant = obj.DescendantFonts[0] if '/DescendantFonts' in obj else None
        holder = descendant if descendant is not None else obj
        descriptor = holder.get('/FontDescriptor')
        out.append({
            'name': text(obj.get('/BaseFont')),
            'subtype': subtype,
            'descendant': text(descendant.get('/Subtype')) if descendant is not None else None,
            'embedded': descriptor is not None and any(k in descriptor for k in ('/FontFile', '/FontFile2', '/FontFile3')) or subtype == '/Type3',
            'toUnicode': '/ToUnicode' in obj,
            'cidToGidMap': text(descendant.get('/CIDToGIDMap')) if descendant is not None and '/CIDToGIDMap' in descendant and isinstance(descendant.get('/CIDToGIDMap'), pikepdf.Name) else ('stream' if descendant is not None and '/CIDToGIDMap' in descendant else None),
            'cidSet': descriptor is not None and '/CIDSet' in descriptor,
            'encoding': text(obj.get('/Encoding')) if isinstance(obj.get('/Encoding'), pikepdf.Name) else None,
        })
    return out


def marked_content(pdf):
    """Per page: drawing outside marked content, artifacts in tagged content and the reverse, MCIDs used, .notdef glyphs."""
    pages = []
    for page in pdf.pages:
        identity_fonts = set()
        for name, font in page.Resources.get('/Font', {}).items():
            if font.get('/Encoding') == '/Identity-H':
                identity_fonts.add(name)
        stack = []
        facts = {'untagged': 0, 'artifactInTagged': 0, 'taggedInArtifact': 0, 'mcids': [], 'notdef': 0, 'artifacts': 0}
        font = None
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ('BDC', 'BMC'):
                tag = str(operands[0])
                props = operands[1] if op == 'BDC' else None
                if isinstance(props, pikepdf.Name):
                    props = page.Resources.Properties[props]
                mcid = int(props['/MCID']) if isinstance(props, pikepdf.Dictionary) and '/MCID' in props else None
                kind = 'artifact' if tag == '/Artifact' else 'tagged' if mcid is not None else 'other'
                if kind == 'artifact':
                    facts['artifacts'] += 1
                    if 'tagged' in stack:
                        facts['artifactInTagged'] += 1
                if kind == 'tagged':
                    facts['mcids'].append(mcid)
                    if 'artifact' in stack:
                        facts['taggedInArtifact'] += 1
                stack.append(kind)
            elif op == 'EMC':
                stack.pop()
            elif op == 'Tf':
                font = str(operands[0])
            else:
                if op in DRAWS and 'tagged' not in stack and 'artifact' not in stack:
                    facts['untagged'] += 1
                if op in ('Tj', 'TJ', "'", '"') and font in identity_fonts:
                    strings = [operands[-1]] if op != 'TJ' else [x for x in operands[0] if isinstance(x, pikepdf.String)]
                    for s in strings:
                        data = bytes(s)
                        facts['notdef'] += sum(1 for i in range(0, len(data) - 1, 2) if data[i] == 0 and data[i + 1] == 0)
        pages.append(facts)
    return pages


def structure(pdf):
    """The structure tree as nested {type, alt, attributes, mcids, kids}, and MCIDs the ParentTree maps per page."""
    root = pdf.Root.get('/StructTreeRoot')
    if root is None:
        return None, {}, None
    page_index = {page.objgen: i for i, page in enumerate(pdf.pages)}

    def attributes(elem):
        found = {}
        a = elem.get('/A')
        for d in (a if isinstance(a, pikepdf.Array) else [a] if a is not None else []):
            if isinstance(d, pikepdf.Dictionary):
                for k, v in d.items():
                    if k != '/O':
                        found[k[1:]] = plain(v)
        return found

    def node(elem, page):
        page = elem.get('/Pg', page)
        kids = elem.get('/K')
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        out = {'type': str(elem.get('/S'))[1:], 'alt': text(elem.get('/Alt')), 'attributes': attributes(elem), 'mcids': [], 'kids': []}
        for kid in kids:
            if isinstance(kid, int):
                out['mcids'].append([page_index.get(page.objgen) if page is not None else None, int(kid)])
            elif isinstance(kid, pikepdf.Dictionary) and kid.get('/Type') == '/MCR':
                pg = kid.get('/Pg', page)
                out['mcids'].append([page_index.get(pg.objgen) if pg is not None else None, int(kid.MCID)])
            elif isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
                out['kids'].append(node(kid, page))
        return out

    kids = root.get('/K')
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    tree = [node(k, None) for k in kids]

    parent_tree = {}
    nums = root.ParentTree.get('/Nums', [])
    for i in range(0, len(nums), 2):
        parent_tree[int(nums[i])] = [str(e.get('/S'))[1:] if isinstance(e, pikepdf.Dictionary) else None for e in nums[i + 1]] if isinstance(nums[i + 1], pikepdf.Array) else None
    struct_parents = [int(p.obj.get('/StructParents')) if '/StructParents' in p.obj else None for p in pdf.pages]
    return tree, {str(k): v for k, v in parent_tree.items()}, struct_parents


def outline(pdf):
    titles = []
    with pdf.open_outline() as o:
        def walk(items):
            for item in items:
                titles.append(item.title)
                walk(item.children)
        walk(o.root)
    return titles


def outline_tree(pdf):
    """The outline as nested {title, page (1-based), open, children}."""
    index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    dests = pdf.Root.get('/Dests', {})

    def page_of(dest):
        if isinstance(dest, (pikepdf.Name, pikepdf.String)):
            dest = dests.get(str(dest)) if isinstance(dest, pikepdf.Name) else dests.get('/' + str(dest))
        return index.get(dest[0].objgen) + 1 if isinstance(dest, pikepdf.Array) and dest[0].objgen in index else None

    with pdf.open_outline() as o:
        def walk(items):
            return [{'title': item.title, 'page': page_of(item.destination), 'open': not item.is_closed, 'children': walk(item.children)} for item in items]
        return walk(o.root)


def links(pdf):
    """Every annotation: its page (1-based), subtype, flags, description, the page its named destination is on, and the type of the structure element its StructParent maps to."""
    index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    dests = pdf.Root.get('/Dests', {})
    parents = {}
    root = pdf.Root.get('/StructTreeRoot')
    nums = root.ParentTree.get('/Nums', []) if root is not None else []
    for i in range(0, len(nums), 2):
        if isinstance(nums[i + 1], pikepdf.Dictionary):
            elem = nums[i + 1]
            holds = [k for k in (elem.K if isinstance(elem.get('/K'), pikepdf.Array) else [elem.get('/K')]) if isinstance(k, pikepdf.Dictionary) and k.get('/Type') == '/OBJR']
            parents[int(nums[i])] = {'type': str(elem.get('/S'))[1:], 'objr': [k.Obj.objgen for k in holds]}
    out = []
    for n, page in enumerate(pdf.pages):
        for annot in page.obj.get('/Annots', []):
            dest = annot.get('/Dest')
            name = str(dest) if dest is not None else None
            target = dests.get(name) if isinstance(dest, pikepdf.Name) else None
            parent = parents.get(int(annot.StructParent)) if '/StructParent' in annot else None
            out.append({
                'page': n + 1,
                'subtype': text(annot.get('/Subtype')),
                'flags': int(annot.get('/F', 0)),
                'contents': text(annot.get('/Contents')),
                'dest': name,
                'destPage': index.get(target[0].objgen) + 1 if target is not None else None,
                'action': '/A' in annot,
                'structure': parent['type'] if parent else None,
                'heldByObjr': bool(parent) and annot.objgen in parent['objr'],
            })
    return out


XMP_KEYS = ['dc:title', 'dc:creator', 'dc:description', 'dc:language', 'pdf:Keywords', 'pdf:Producer', 'xmp:CreatorTool',
            'xmp:CreateDate', 'xmp:ModifyDate', 'pdfaid:part', 'pdfaid:conformance', '{http://www.aiim.org/pdfua/ns/id/}part']


def xmp_values(pdf):
    """The XMP properties as pikepdf's XMP parser reads them."""
    if '/Metadata' not in pdf.Root:
        return {}
    meta = pdf.open_metadata()
    out = {}
    for key in XMP_KEYS:
        value = meta.get(key)
        out[key] = sorted(value) if isinstance(value, set) else value
    return out


def facts(path):
    with open(path, 'rb') as f:
        head = f.read(16)
    pdf = pikepdf.open(path)
    metadata = pdf.Root.get('/Metadata')
    xmp = metadata.read_bytes().decode('utf-8') if metadata is not None else None
    tree, parent_tree, struct_parents = structure(pdf)
    info = {k[1:]: str(v) for k, v in pdf.docinfo.items()} if '/Info' in pdf.trailer else {}
    viewer = pdf.Root.get('/ViewerPreferences', {})
    mark = pdf.Root.get('/MarkInfo', {})
    return {
        'header': head.decode('latin-1'),
        'version': pdf.pdf_version,
        'encrypted': pdf.is_encrypted,
        'trailerId': '/ID' in pdf.trailer and len(pdf.trailer.ID) == 2,
        'info': info,
        'lang': text(pdf.Root.get('/Lang')),
        'displayDocTitle': bool(viewer.get('/DisplayDocTitle', False)),
        'marked': bool(mark.get('/Marked', False)),
        'suspects': bool(mark.get('/Suspects', False)),
        'xmp': xmp,
        'xmpValues': xmp_values(pdf),
        'metadataFilter': text(metadata.stream_dict.get('/Filter')) if metadata is not None else None,
        'outputIntents': output_intents(pdf),
        'forbiddenKeys': keys_anywhere(pdf, {'/JS', '/JavaScript', '/AA', '/OpenAction', '/EmbeddedFiles', '/AcroForm', '/Encrypt'}),
        'filters': filters(pdf),
        'referenceXObjects': sum(1 for o in all_objects(pdf) if o.get('/Subtype') == '/Form' and '/Ref' in o),
        'annotations': sum(len(p.obj.get('/Annots', [])) for p in pdf.pages),
        'tabs': [text(p.obj.get('/Tabs')) for p in pdf.pages],
        'fonts': fonts(pdf),
        'pages': marked_content(pdf),
        'structure': tree,
        'parentTree': parent_tree,
        'structParents': struct_parents,
        'roleMap': {k[1:]: str(v)[1:] for k, v in pdf.Root.StructTreeRoot.get('/RoleMap', {}).items()} if '/StructTreeRoot' in pdf.Root else {},
        'outline': outline(pdf),
        'outlineTree': outline_tree(pdf),
        'links': links(pdf),
    }


if __name__ == '__main__':
    print(json.dumps({path: facts(path) for path in sys.argv[1:]}, ensure_ascii=False))
