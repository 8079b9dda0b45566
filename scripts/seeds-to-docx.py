#!/usr/bin/env python3
"""Renders the seed text extractions (../shared/seeds) as DOCX, for benchmarking DOCX
conversion on real plan content: each seed is read by `vnplan inspect --json` (paragraphs,
tables with their row and column spans), written as HTML (rowspan/colspan), and converted
by LibreOffice, whose HTML filter makes w:vMerge/w:gridSpan of the spans. The DOCX files
are derived from the seeds and stay out of the repository.

Usage: scripts/seeds-to-docx.py VNPLAN SEEDS_DIR OUT_DIR
"""
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile


def payload(block, kind):
    """The inspect JSON writes an enum case as {kind: {"_0": value}}."""
    value = block.get(kind)
    return value.get("_0") if isinstance(value, dict) and "_0" in value else value


def text(value, bold=False):
    escaped = "<br>".join(html.escape(line) for line in value.split("\n"))
    return f"<b>{escaped}</b>" if bold and escaped else escaped


def table(grid):
    rows = []
    for row in grid["rows"]:
        cells = "".join(
            f'<td rowspan="{cell["rowSpan"]}" colspan="{cell["columnSpan"]}">{text(cell["text"], cell["isBold"])}</td>'
            for cell in row["cells"])
        rows.append(f"<tr>{cells}</tr>")
    return '<table border="1" style="border-collapse: collapse">' + "".join(rows) + "</table>"


def document(blocks):
    parts = []
    for block in blocks:
        if "paragraph" in block:
            paragraph = payload(block, "paragraph")
            parts.append(f"<p>{text(paragraph['text'], paragraph.get('isBold', False))}</p>")
        elif "table" in block:
            parts.append(table(payload(block, "table")))
    body = "\n".join(parts)
    return f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'


def main():
    vnplan, seeds, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for name in sorted(os.listdir(seeds)):
            if not name.endswith(".txt"):
                continue
            inspected = subprocess.run([vnplan, "inspect", "--json", os.path.join(seeds, name)],
                                       check=True, capture_output=True, text=True).stdout
            page = os.path.join(work, name[:-4] + ".html")
            with open(page, "w", encoding="utf-8") as f:
                f.write(document(json.loads(inspected)["blocks"]))
            subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML",
                            "--infilter=HTML (StarWriter)", "--outdir", out, page],
                           check=True, capture_output=True, env={**os.environ, "HOME": work})
            print(os.path.join(out, name[:-4] + ".docx"))


if __name__ == "__main__":
    main()
