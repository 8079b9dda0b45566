#!/usr/bin/env python3
"""PDF benchmark: vnplan (release build) against the tools a user would otherwise pick, on the
same files in the same run.

- `pdftotext -bbox-layout`: the floor (text with boxes, no tables);
- pdfplumber `extract_tables()` on every page: what a Python user picks for tables;
- `vnplan convert`: the whole pipeline (geometry, Layout, plan logic).

For each file: pages per processor-second (best of N runs, one process per run) and peak memory
(/usr/bin/time's maximum resident set). On the samples with merged cells it also counts the
table cells each tool gets right: every slot of the DOCX twin's tables (the truth: the DOCX
reader reads spans from the XML) compared with the same slot of the tool's table, text with
white space folded; a slot a merged cell covers is right when the tool leaves it empty (None
in pdfplumber) or gives it the merged cell's text.

Usage: scripts/benchmark-pdf.py [--runs N] [PDF…]   (defaults: the sample PDFs, the real
KH-1105 when ../shared is there, and 10- and 500-page PDFs made from a sample with qpdf)
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
VNPLAN = os.path.join(ROOT, ".build", "release", "vnplan")
PLUMBER = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    tables = [t for page in pdf.pages for t in page.extract_tables()]
import json; print(json.dumps(tables))
"""


def timed(command):
    """Processor seconds (user + system: other work on the machine does not count) and peak
    resident kilobytes of one run."""
    result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M"] + command, capture_output=True, text=True)
    user, system, peak = result.stderr.strip().splitlines()[-1].split()
    return max(float(user) + float(system), 0.001), int(peak), result.stdout


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def fold(text):
    return " ".join((text or "").split())


def docx_grids(docx):
    """The DOCX twin's tables as dense grids: a cell's text at its origin slot, None where a
    span covers the slot."""
    report = json.loads(subprocess.run([VNPLAN, "inspect", "--json", docx], capture_output=True, text=True).stdout)
    return tables_of(report)


def tables_of(report):
    return [dense(block["table"]["_0"]) for block in report["document"]["blocks"] if "table" in block]


def dense(table):
    rows = len(table["rows"])
    grid = [[None] * table["columnCount"] for _ in range(rows)]
    for r, row in enumerate(table["rows"]):
        for cell in row["cells"]:
            for dr in range(cell.get("rowSpan", 1)):
                for dc in range(cell.get("columnSpan", 1)):
                    if r + dr < rows and cell["column"] + dc < table["columnCount"]:
                        grid[r + dr][cell["column"] + dc] = fold(cell["text"]) if dr == dc == 0 else None
    return grid


def right_cells(truth, found):
    """Slots of the truth's tables the found tables give right, matched table by table in order
    of their first row's text."""
    right = total = 0
    for table in truth:
        if len(table) < 2:
            continue
        total += sum(len(row) for row in table)
        best = 0
        for candidate in found:
            score = 0
            for row, other in zip(table, candidate):
                for slot, value in zip(row, other):
                    value = fold(value) if value is not None else None
                    score += slot == value or (slot is None and not value)
            best = max(best, score)
        right += best
    return right, total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("pdfs", nargs="*")
    options = parser.parse_args()
    if not os.path.exists(VNPLAN):
        sys.exit("benchmark-pdf: build first: swift build -c release")
    work = tempfile.mkdtemp()
    sample = os.path.join(ROOT, "samples", "kh-huyen-an-phu-2026.pdf")
    pdfs = options.pdfs or sorted(os.path.join(ROOT, "samples", f) for f in os.listdir(os.path.join(ROOT, "samples")) if f.endswith(".pdf"))
    real = os.path.join(ROOT, "..", "shared", "realdocs", "KH-1105-DKT-ke-hoach-kiem-tra.pdf")
    if not options.pdfs and os.path.exists(real):
        pdfs.append(real)
    if not options.pdfs:
        for count, name in ((2, "10-pages.pdf"), (100, "500-pages.pdf")):
            target = os.path.join(work, name)
            subprocess.run(["qpdf", "--empty", "--pages"] + [sample] * count + ["--", target], check=True)
            pdfs.append(target)
    tools = {
        "vnplan convert": lambda pdf: [VNPLAN, "convert", pdf, "-o", os.path.join(work, "plan.json")],
        "pdftotext -bbox-layout": lambda pdf: ["pdftotext", "-bbox-layout", pdf, os.path.join(work, "out.html")],
        "pdfplumber extract_tables": lambda pdf: [sys.executable, "-c", PLUMBER, pdf],
    }
    print(f"{'file':34} {'pages':>5}  " + "  ".join(f"{name:>28}" for name in tools))
    for pdf in pdfs:
        count = pages(pdf)
        figures = []
        for name, command in tools.items():
            runs = [timed(command(pdf)) for _ in range(options.runs)]
            seconds = min(run[0] for run in runs)
            peak = max(run[1] for run in runs)
            figures.append(f"{count / seconds:8.1f} p/s {peak / 1024:6.0f} MB")
        print(f"{os.path.basename(pdf)[:34]:34} {count:5}  " + "  ".join(f"{f:>28}" for f in figures))
    print()
    print("cells right on the samples with merged cells (DOCX twin's tables as truth):")
    for pdf in pdfs:
        docx = pdf[:-4] + ".docx"
        if not os.path.exists(docx):
            continue
        truth = docx_grids(docx)
        report = json.loads(subprocess.run([VNPLAN, "inspect", "--json", pdf], capture_output=True, text=True).stdout)
        ours = tables_of(report)
        theirs = json.loads(subprocess.run([sys.executable, "-c", PLUMBER, pdf], capture_output=True, text=True).stdout)
        right, total = right_cells(truth, ours)
        right_plumber, _ = right_cells(truth, theirs)
        print(f"  {os.path.basename(pdf):34} vnplan {right:4}/{total}   pdfplumber {right_plumber:4}/{total}")


if __name__ == "__main__":
    main()
