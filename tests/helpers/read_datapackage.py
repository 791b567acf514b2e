"""Reads a Frictionless data package (v2, CSV resources) back with Python's
standard library alone, independently of the TypeScript that wrote it, and
checks it as a consumer would: sizes and sha256 of the files, UTF-8 without a
byte-order mark, the header against the Table Schema, every value against its
field's type and constraints, primary keys unique, foreign keys resolved.

Prints JSON: {"errors": [...], "tables": {name: [record, ...]}, "records": {name: CRLF count}}
with values typed (integers, numbers, booleans; missing values null).
usage: python3 read_datapackage.py DIR/datapackage.json
"""
import csv
import datetime
import hashlib
import io
import json
import os
import re
import sys

TRUE = {"true", "True", "TRUE", "1"}
FALSE = {"false", "False", "FALSE", "0"}


def typed(value, field):
    kind = field["type"]
    if kind == "string":
        return value
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise ValueError("not an integer")
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        if value in TRUE:
            return True
        if value in FALSE:
            return False
        raise ValueError("not a boolean")
    if kind == "date":
        datetime.date.fromisoformat(value)
        return value
    raise ValueError("type %s is not read here" % kind)


def check_constraints(value, field):
    c = field.get("constraints", {})
    problems = []
    if "enum" in c and value not in c["enum"]:
        problems.append("not in enum")
    if "minimum" in c and value < c["minimum"]:
        problems.append("below minimum")
    if "maximum" in c and value > c["maximum"]:
        problems.append("above maximum")
    if "minLength" in c and len(value) < c["minLength"]:
        problems.append("shorter than minLength")
    if "maxLength" in c and len(value) > c["maxLength"]:
        problems.append("longer than maxLength")
    if "pattern" in c and not re.fullmatch(c["pattern"], value):
        problems.append("does not match pattern")
    return problems


def main(descriptor_path):
    folder = os.path.dirname(descriptor_path)
    with open(descriptor_path, encoding="utf-8") as f:
        package = json.load(f)
    errors, tables, records = [], {}, {}
    for resource in package["resources"]:
        name = resource["name"]
        with open(os.path.join(folder, resource["path"]), "rb") as f:
            raw = f.read()
        if len(raw) != resource["bytes"]:
            errors.append("%s: %d bytes, the descriptor says %d" % (name, len(raw), resource["bytes"]))
        if resource["hash"] != "sha256:" + hashlib.sha256(raw).hexdigest():
            errors.append("%s: sha256 differs from the descriptor's" % name)
        if raw.startswith(b"\xef\xbb\xbf"):
            errors.append("%s: starts with a byte-order mark" % name)
        records[name] = raw.count(b"\r\n")
        text = raw.decode("utf-8")
        fields = resource["schema"]["fields"]
        missing = resource["schema"].get("missingValues", [""])
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=resource["dialect"]["delimiter"]))
        header, body = rows[0], rows[1:]
        if header != [f["name"] for f in fields]:
            errors.append("%s: header %s differs from the schema's fields" % (name, header))
            continue
        table = []
        for number, row in enumerate(body, start=2):
            if len(row) != len(fields):
                errors.append("%s row %d: %d cells for %d fields" % (name, number, len(row), len(fields)))
                continue
            record = {}
            for cell, field in zip(row, fields):
                where = "%s row %d %s" % (name, number, field["name"])
                if cell in missing:
                    if field.get("constraints", {}).get("required"):
                        errors.append(where + ": required but missing")
                    record[field["name"]] = None
                    continue
                try:
                    value = typed(cell, field)
                except ValueError as problem:
                    errors.append("%s: %r %s" % (where, cell, problem))
                    continue
                errors.extend("%s: %r %s" % (where, cell, p) for p in check_constraints(value, field))
                record[field["name"]] = value
            table.append(record)
        tables[name] = table

    for resource in package["resources"]:
        name, schema = resource["name"], resource["schema"]
        rows = tables.get(name, [])
        key = schema.get("primaryKey")
        if key:
            seen = [tuple(r[k] for k in key) for r in rows]
            if len(seen) != len(set(seen)):
                errors.append("%s: primary key %s is not unique" % (name, key))
        for fk in schema.get("foreignKeys", []):
            target = fk["reference"].get("resource") or name
            if target not in tables:
                errors.append("%s: foreign key to unknown resource %s" % (name, target))
                continue
            known = {tuple(r[k] for k in fk["reference"]["fields"]) for r in tables[target]}
            for r in rows:
                value = tuple(r[k] for k in fk["fields"])
                if None not in value and value not in known:
                    errors.append("%s: %s=%s refers to no row of %s" % (name, fk["fields"], value, target))
    json.dump({"errors": errors, "tables": tables, "records": records}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
