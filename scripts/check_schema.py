#!/usr/bin/env python3
"""Validate plan files against schemas/plan.schema.json with an independent validator.

Usage: check_schema.py [--schema FILE] PLAN.json...

Prints one JSON line per file: {"file": ..., "valid": true|false, "errors": [...]}, each error
with its JSON path, and exits 1 when any file is invalid. The Swift tests use it to prove that
the schema and `vnplan validate` agree.
"""
import argparse
import json
import pathlib
import sys

import jsonschema


def json_path(error):
    path = "$"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_schema = pathlib.Path(__file__).resolve().parent.parent / "schemas" / "plan.schema.json"
    parser.add_argument("--schema", default=str(default_schema))
    parser.add_argument("plans", nargs="+")
    arguments = parser.parse_args()

    schema = json.loads(pathlib.Path(arguments.schema).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    # "format": "date" is checked (a day the calendar has), not only annotated.
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    all_valid = True
    for name in arguments.plans:
        try:
            document = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
            errors = [f"{json_path(e)}: {e.message}"
                      for e in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as problem:
            errors = [f"$: {problem}"]
        all_valid = all_valid and not errors
        print(json.dumps({"file": name, "valid": not errors, "errors": errors}, ensure_ascii=False))
    return 0 if all_valid else 1


if __name__ == "__main__":
    sys.exit(main())
