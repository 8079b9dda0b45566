#!/usr/bin/env python3
"""Read vnplan's xlsx export with pandas (openpyxl) beside its CSV export of the same table.

Usage: xlsx_matches_csv.py EXPORT.xlsx SHEET TABLE.csv

Prints one JSON object: the rows and columns each gives, how many cells differ (dates read as
dates from the workbook are compared in their ISO form, numbers as numbers), the first few
differences, and whether the sheet's header is frozen and filtered.
"""
import datetime
import json
import sys

import openpyxl
import pandas


def cell(value):
    """A value as text, the same for both readers: no value is "", 2.0 is "2"."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (pandas.Timestamp, datetime.date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def main():
    workbook_path, sheet, csv_path = sys.argv[1:4]
    workbook = pandas.read_excel(workbook_path, sheet_name=sheet, dtype=object, engine="openpyxl")
    table = pandas.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    differences = []
    for row in range(min(len(workbook), len(table))):
        for column in table.columns:
            ours, theirs = cell(workbook.at[row, column]) if column in workbook else None, table.at[row, column]
            if ours != theirs and not (ours and theirs and _same_number(ours, theirs)):
                differences.append([row, column, ours, theirs])
    sheet_itself = openpyxl.load_workbook(workbook_path, read_only=False)[sheet]
    print(json.dumps({
        "rows": [len(workbook), len(table)],
        "columns": [list(map(str, workbook.columns)), list(table.columns)],
        "differences": len(differences),
        "first": differences[:5],
        "frozen": sheet_itself.freeze_panes,
        "filtered": sheet_itself.auto_filter.ref is not None,
    }, ensure_ascii=False))


def _same_number(a, b):
    try:
        return float(a) == float(b)
    except ValueError:
        return False


if __name__ == "__main__":
    main()
