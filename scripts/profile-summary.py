#!/usr/bin/env python3
"""Where a conversion's time goes, from `perf script` output of a `perf record --call-graph
dwarf` run: each sample is charged to the first category its stack shows, innermost frame
first, so time inside the regex engine called from the tables stage counts as regex work.

Usage: perf script -i perf.data | scripts/profile-summary.py
"""
import collections
import sys

# The innermost frame that matches decides; order matters only within one frame.
CATEGORIES = [
    ("building regular expressions", ("_RegexParser", "RegexParser")),
    ("matching regular expressions", ("_StringProcessing",)),
    ("DOCX reading (zip, XML)", ("ZipArchive", "libxml2", "libz", "VNPlanReaders")),
    ("normalizer", ("VNPlanNormalizer",)),
    ("plan logic (tables)", ("VNPlanTables",)),
    ("canonical JSON, model", ("VNPlanModel",)),
    ("pipeline, command line", ("VNPlanPipeline", "vnplan")),
]


def category(stack):
    for frame in stack:
        for name, markers in CATEGORIES:
            if any(marker in frame for marker in markers):
                return name
    return "runtime, startup, other"


def samples(lines):
    stack = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if stack:
                yield stack
            stack = []
        elif line.startswith((" ", "\t")):
            stack.append(line.strip())
    if stack:
        yield stack


counts = collections.Counter(category(stack) for stack in samples(sys.stdin))
total = sum(counts.values()) or 1
for name, count in counts.most_common():
    print(f"{100 * count / total:5.1f}%  {name}")
print(f"({total} samples)")
