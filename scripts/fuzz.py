#!/usr/bin/env python3
"""Mutation fuzzing of `vnplan convert`: deterministic (seeded) mutants of the samples of every
format, each converted under a time limit and a memory cap, then a tally.

    scripts/fuzz.py [--per-format 300] [--seed 1] [--timeout 30] [--memory-mb 2048]
                    [--vnplan .build/release/vnplan] [--corpus Tests/Corpus/robustness]
                    [--samples DIR ...]

Samples: samples/*.docx, *.pdf, *.png, *.jpg, *.txt, samples/scans/*.tif, and ../shared/seeds/*.txt when present
(any --samples folder). Mutations: byte flips, truncation, inserted and deleted runs, zip
directory and local-header damage, TIFF page chains that loop or run on, XML attribute values replaced by huge numbers, deep
nesting, wrong encodings, runs of combining marks, huge percentages, very wide rows,
documents that are no documents.

Each run ends as one of:
  plan          exit 0, nothing on stderr
  clean error   exit 1, one line on stderr naming the file
  unclear       exit 0 with lines on stderr, exit 1 with several lines, or a line that does
                not name the file
  crash         killed by a signal (a trap, an abort) below the memory cap
  out of memory killed by a signal at the memory cap
  hang          still running at the time limit (killed)
With --corpus, every input that crashed, hung, ran out of memory, used more than 1 GB or
ended unclear is copied there (when smaller than 512 KB), named by its format, mutation and content hash.
Exit status: 0 when nothing crashed, hung or ran out of memory, else 1.
"""
import argparse
import hashlib
import io
import os
import random
import re
import resource
import shutil
import signal
import struct
import sys
import tempfile
import time
import zipfile
import zlib

FORMATS = {".docx": "docx", ".pdf": "pdf", ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image",
           ".tiff": "image", ".txt": "text"}
HUGE = ["2147483648", "-2147483649", "2147483647", "-2147483648", "100000000", "10000000000",
        "9223372036854775807", "-9223372036854775808", "99999999999999999999", "9" * 400, "-1", "0"]
NUMERIC_ATTRIBUTES = [b"w:gridSpan", b"w:gridBefore", b"w:gridAfter", b"w:start", b"w:ilvl",
                      b"w:startOverride", b"w:numId", b"w:gridCol", b"w:w"]
BLOW_UP_KB = 1024 * 1024


# ---------------------------------------------------------------- generic byte mutations

def flip(rng, data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def truncate(rng, data):
    return data[:rng.randrange(1, len(data))]


def insert_junk(rng, data):
    at = rng.randrange(len(data))
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 64))) + data[at:]


def delete_run(rng, data):
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.randint(1, 512):]


def duplicate_run(rng, data):
    at = rng.randrange(len(data))
    run = data[at:at + rng.randint(1, 4096)]
    return data[:at] + run * rng.randint(2, 50) + data[at:]


def zero_run(rng, data):
    at = rng.randrange(len(data))
    length = rng.randint(1, 256)
    return data[:at] + bytes(min(length, len(data) - at)) + data[at + length:]


GENERIC = [flip, truncate, insert_junk, delete_run, duplicate_run, zero_run]


# ---------------------------------------------------------------- zip (DOCX) mutations

def zip_fields(data):
    """(offset of the end-of-directory record, [(central entry offset, local header offset)])."""
    end = data.rfind(b"PK\x05\x06")
    if end < 0:
        return None, []
    count, size, offset = struct.unpack_from("<HII", data, end + 10)
    entries, position = [], offset
    for _ in range(count):
        if data[position:position + 4] != b"PK\x01\x02":
            break
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        entries.append((position, struct.unpack_from("<I", data, position + 42)[0]))
        position += 46 + name_length + extra_length + comment_length
    return end, entries


def damage_directory(rng, data):
    """A central directory or end-of-directory field (offset, size, count, lengths) made wrong."""
    end, entries = zip_fields(data)
    if end is None:
        return flip(rng, data)
    data = bytearray(data)
    value = rng.choice([0, 1, 0xFFFF, 0xFFFFFFFF, len(data), len(data) + 1, rng.randrange(1 << 32)])
    if entries and rng.random() < 0.7:
        position, _ = rng.choice(entries)
        field, width = rng.choice([(20, 4), (24, 4), (42, 4), (28, 2), (30, 2), (32, 2), (10, 2), (8, 2), (16, 4)])
        where = position + field
    else:
        field, width = rng.choice([(10, 2), (8, 2), (12, 4), (16, 4), (20, 2)])
        where = end + field
    struct.pack_into("<I" if width == 4 else "<H", data, where, value & (0xFFFFFFFF if width == 4 else 0xFFFF))
    return bytes(data)


def damage_local_header(rng, data):
    _, entries = zip_fields(data)
    if not entries:
        return flip(rng, data)
    data = bytearray(data)
    _, local = rng.choice(entries)
    if local + 30 > len(data):
        return bytes(data)
    field, width = rng.choice([(26, 2), (28, 2), (18, 4), (22, 4), (8, 2), (6, 2), (0, 4)])
    value = rng.choice([0, 0xFFFF, 0xFFFFFFFF, rng.randrange(1 << 16)])
    struct.pack_into("<I" if width == 4 else "<H", data, local + field, value & (0xFFFFFFFF if width == 4 else 0xFFFF))
    return bytes(data)


def cut_in_entry(rng, data):
    """A byte missing inside an entry's compressed data (the directory then points past it)."""
    _, entries = zip_fields(data)
    if not entries:
        return truncate(rng, data)
    _, local = rng.choice(entries)
    at = min(len(data) - 1, local + 30 + rng.randrange(1, 2048))
    return data[:at] + data[at + 1:]


def rezip(data, change):
    """The archive with `change(name, bytes) -> bytes` applied to each part."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                target.writestr(info.filename, change(info.filename, source.read(info.filename)))
        return out.getvalue()
    except Exception:
        return data


def huge_attributes(rng, data):
    """Numeric attributes (spans, shifts, list starts and levels) replaced by huge numbers."""
    def change(name, part):
        if not name.endswith(".xml"):
            return part
        pattern = re.compile(rb"(" + b"|".join(NUMERIC_ATTRIBUTES) + rb'|w:val)="(-?\d+)"')
        return pattern.sub(lambda m: m.group(1) + b'="' + rng.choice(HUGE).encode() + b'"'
                           if rng.random() < 0.3 else m.group(0), part)
    return rezip(data, change)


def inject_grid_constructs(rng, data):
    """gridSpan/gridBefore/gridAfter and list numbering with huge values where Word puts them."""
    value = rng.choice(HUGE).encode()
    def change(name, part):
        if name == "word/document.xml":
            part = part.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="' + value + b'"/>', rng.randint(1, 20))
            return part.replace(b"<w:tr>", b'<w:tr><w:trPr><w:gridBefore w:val="' + value
                                + b'"/><w:gridAfter w:val="' + value + b'"/></w:trPr>', rng.randint(1, 20))
        if name == "word/numbering.xml":
            return re.sub(rb'<w:start w:val="\d+"/>', b'<w:start w:val="' + value + b'"/>', part)
        return part
    return rezip(data, change)


def numbered_lists(rng, data):
    """A numbering part whose list starts at a huge number (letters, Roman numerals, decimals),
    and paragraphs that use it."""
    start = rng.choice(HUGE)
    level = rng.choice(["0", "0", "8", "9", "2147483648", "-1"])
    numbering = (
        '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="{level}"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{rng.choice(["lowerLetter", "upperLetter", "upperRoman", "decimal", "decimalZero"])}"/>'
        '<w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="{level}">'
        f'<w:startOverride w:val="{rng.choice(HUGE)}"/></w:lvlOverride></w:num></w:numbering>').encode()
    reference = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'.encode()
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                part = source.read(info.filename)
                if info.filename == "word/document.xml":
                    part = re.sub(rb"<w:p>|<w:p [^>]*>", lambda m: m.group(0) + reference
                                  if rng.random() < 0.3 else m.group(0), part)
                if info.filename != "word/numbering.xml":
                    target.writestr(info.filename, part)
            target.writestr("word/numbering.xml", numbering)
        return out.getvalue()
    except Exception:
        return data


def deep_nesting(rng, data):
    depth = rng.choice([300, 3000, 30000])
    element = rng.choice([b"<w:tbl><w:tr><w:tc>", b"<w:p><w:r>", b"<w:sdt><w:sdtContent>"])
    closing = b"".join(b"</" + tag + b">" for tag in reversed(re.findall(rb"<([\w:]+)>", element)))
    def change(name, part):
        if name != "word/document.xml":
            return part
        return part.replace(b"<w:body>", b"<w:body>" + element * depth + closing * depth, 1)
    return rezip(data, change)


def text_in_document(rng, data):
    """Text a cell or paragraph could hold at its worst: a percentage with 400 digits, a run of
    combining marks, a line of tabs."""
    payload = rng.choice(text_payloads(rng)).encode("utf-8")
    payload = payload.replace(b"&", b"&amp;").replace(b"<", b"&lt;")
    def change(name, part):
        if name != "word/document.xml":
            return part
        hits = [m.end() for m in re.finditer(rb"<w:t(?: [^>]*)?>", part)]
        if not hits:
            return part
        at = rng.choice(hits)
        return part[:at] + payload + part[at:]
    return rezip(data, change)


def wrong_encoding(rng, data):
    """document.xml re-encoded (or re-declared) so that its bytes and its encoding disagree."""
    def change(name, part):
        if name != "word/document.xml":
            return part
        choice = rng.randrange(3)
        if choice == 0:
            return part.decode("utf-8", "replace").encode("utf-16-le")
        if choice == 1:
            return part.replace(b'encoding="UTF-8"', b'encoding="ISO-2022-JP"', 1).replace(b"\xe1", b"\x1b$B", 50)
        return part.decode("utf-8", "replace").encode("cp1258", "replace")
    return rezip(data, change)


def zip_bomb(rng, data):
    def change(name, part):
        return b" " * (300 * 1024 * 1024) if name == "word/document.xml" else part
    return rezip(data, change)


DOCX = [damage_directory, damage_local_header, cut_in_entry, huge_attributes, inject_grid_constructs,
        numbered_lists, deep_nesting, text_in_document, wrong_encoding]


# ---------------------------------------------------------------- text mutations

def text_payloads(rng):
    return [
        "Tỷ lệ đạt " + "9" * 400 + "%",
        "thủ tục a" + "\u0301\u0323" * rng.choice([1000, 30000, 150000]),
        "\t".join(["ô"] * rng.choice([100, 5000, 60000])),
        "Chỉ tiêu " + "1" * rng.randint(20, 5000) + " hồ sơ",
        "(" * 20000 + "Kế hoạch" + ")" * 20000,
        "|\n" * 20000,
    ]


def text_payload(rng, data):
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    at = rng.randrange(len(lines) + 1)
    lines.insert(at, rng.choice(text_payloads(rng)))
    return "\n".join(lines).encode("utf-8")


def utf16_without_mark(rng, data):
    return data.decode("utf-8", "replace").encode(rng.choice(["utf-16-le", "utf-16-be"]))


def not_a_document(rng, data):
    text = data.decode("utf-8", "replace")
    kinds = [
        lambda: '{"plan": %s}' % repr(text[:2000]).replace("'", '"'),
        lambda: "\n".join(f"key{i}: {line[:40]!r}" for i, line in enumerate(text.split("\n")[:200])),
        lambda: "\n".join(f"/srv/archive/{i:05d}/ke-hoach-{i}.docx" for i in range(500)),
        lambda: "import Foundation\n\nfunc main() {\n    let x = 1;\n}\n" * 50,
        lambda: "".join(chr(rng.choice([rng.randrange(0x20, 0x7F), 0xFFFD, rng.randrange(0xE000, 0xF8FF)]))
                        for _ in range(5000)),
    ]
    return rng.choice(kinds)().encode("utf-8")


TEXT = [text_payload, utf16_without_mark, not_a_document]


# ---------------------------------------------------------------- image mutations

def png_huge_size(rng, data):
    """An IHDR that asks for a huge image, with its checksum fixed so the header is believed."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return flip(rng, data)
    width, height = rng.choice([(30000, 30000), (1, 2**31 - 1), (2**31 - 1, 2**31 - 1), (100000, 100)])
    body = data[12:16] + struct.pack(">II", width, height) + data[24:29]
    return data[:8] + data[8:12] + body + struct.pack(">I", zlib.crc32(body)) + data[33:]


def tiff_directories(data):
    """The byte order and the (directory, next-pointer) offsets of a TIFF's page chain; no
    directories for a file that is no TIFF."""
    if data[:4] not in (b"II*\x00", b"MM\x00*"):
        return "<", []
    order = "<" if data[:2] == b"II" else ">"
    directories = []
    offset = struct.unpack(order + "I", data[4:8])[0]
    while 0 < offset < len(data) - 2 and len(directories) < 64:
        count = struct.unpack(order + "H", data[offset:offset + 2])[0]
        end = offset + 2 + 12 * count
        if end + 4 > len(data):
            break
        directories.append((offset, end))
        offset = struct.unpack(order + "I", data[end:end + 4])[0]
    return order, directories


def tiff_huge_size(rng, data):
    """A TIFF page directory that states huge sides (32-bit LONG values), on a random page."""
    order, directories = tiff_directories(data)
    if not directories:
        return flip(rng, data)
    mutant = bytearray(data)
    start = rng.choice(directories)[0]
    side = rng.choice([2**32 - 1, 2**31, 100000, 0])
    for entry in range(struct.unpack(order + "H", data[start:start + 2])[0]):
        at = start + 2 + 12 * entry
        if at + 12 > len(data):
            break
        tag = struct.unpack(order + "H", data[at:at + 2])[0]
        if tag in (256, 257):
            mutant[at:at + 12] = struct.pack(order + "HHII", tag, 4, 1, side)
    return bytes(mutant)


def tiff_page_chain(rng, data):
    """A TIFF whose page chain loops (a next-page pointer back to this or an earlier page),
    points past the file, or runs on through thousands of empty directories."""
    order, directories = tiff_directories(data)
    if not directories:
        return flip(rng, data)
    mutant = bytearray(data)
    index = rng.randrange(len(directories))
    pointer = directories[index][1]
    kind = rng.choice(["loop", "past-end", "long"])
    if kind == "loop":
        target = directories[rng.randrange(index + 1)][0]
    elif kind == "past-end":
        target = len(data) + rng.randrange(1, 2**20)
    else:
        target = len(data)
        count = rng.choice([2001, 50000])
        for step in range(count):
            following = 0 if step == count - 1 else len(data) + 6 * (step + 1)
            mutant += struct.pack(order + "HI", 0, following)
    mutant[pointer:pointer + 4] = struct.pack(order + "I", target)
    return bytes(mutant)


IMAGE = [png_huge_size, tiff_huge_size, tiff_page_chain]


# ---------------------------------------------------------------- PDF mutations

def huge_media_box(rng, data):
    """Every page's MediaBox replaced by a huge or inverted one."""
    box = rng.choice([b"[0 0 14400000 14400000]", b"[0 0 1e300 1e300]", b"[0 0 -595 -842]",
                      b"[0 0 99999999999999999999 842]", b"[0 0 0 0]"])
    mutant = re.sub(rb"/MediaBox\s*\[[^\]]*\]", b"/MediaBox " + box, data)
    return mutant if mutant != data else flip(rng, data)


def lying_length(rng, data):
    """A stream whose /Length says more or less than it holds (poppler then searches for
    "endstream" and reconstructs the cross-reference table)."""
    lengths = list(re.finditer(rb"/Length (\d+)", data))
    if not lengths:
        return flip(rng, data)
    match = rng.choice(lengths)
    value = rng.choice([b"0", b"1", b"99999999", b"2147483648", str(int(match.group(1)) // 2).encode()])
    return data[:match.start(1)] + value + data[match.end(1):]


def damaged_stream(rng, data):
    """Bytes flipped inside one stream (a page's drawing, a font program, an image)."""
    streams = [m.end() for m in re.finditer(rb"stream\r?\n", data)]
    if not streams:
        return flip(rng, data)
    start = rng.choice(streams)
    mutant = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        at = start + rng.randrange(4096)
        if at < len(mutant):
            mutant[at] ^= 1 << rng.randrange(8)
    return bytes(mutant)


def broken_cross_references(rng, data):
    """The xref table's offsets or startxref pointing elsewhere."""
    mutant = re.sub(rb"startxref\s+\d+", b"startxref\n" + str(rng.randrange(len(data))).encode(), data)
    if rng.random() < 0.5:
        mutant = re.sub(rb"\d{10} 00000 n", lambda _: b"%010d 00000 n" % rng.randrange(len(data)), mutant, count=8)
    return mutant


PDF = [huge_media_box, lying_length, damaged_stream, broken_cross_references]
SPECIFIC = {"docx": DOCX, "text": TEXT, "image": IMAGE, "pdf": PDF}


# ---------------------------------------------------------------- running

def mutate(rng, data, fmt):
    choices = GENERIC + SPECIFIC[fmt] * 2
    mutation = rng.choice(choices)
    if fmt == "docx" and rng.random() < 0.01:
        mutation = zip_bomb
    mutant = mutation(rng, data)
    if not mutant:
        mutant = data[:1]
    return mutation.__name__, mutant


def run(vnplan, path, output, timeout, memory_kb):
    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (memory_kb * 1024, memory_kb * 1024))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            limits()
            err = os.open(output + ".stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0), os.dup2(null, 1), os.dup2(err, 2)
            os.execv(vnplan, [vnplan, "convert", path, "-o", output])
        finally:
            os._exit(127)
    timed_out = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() - start > timeout:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            timed_out = True
            break
        time.sleep(0.02)
    with open(output + ".stderr", "rb") as handle:
        stderr = handle.read().decode("utf-8", "replace")
    return timed_out, status, usage.ru_maxrss, time.monotonic() - start, stderr


def classify(timed_out, status, peak_kb, memory_kb, stderr, name):
    if timed_out:
        return "hang"
    if os.WIFSIGNALED(status):
        return "out of memory" if peak_kb > memory_kb * 0.8 else "crash"
    code = os.WEXITSTATUS(status)
    if code == 0:
        # A plan is written in silence: a library's messages on stderr are noise.
        return "plan" if not stderr.strip() else "unclear"
    lines = [line for line in stderr.splitlines() if line.strip()]
    if code == 1 and len(lines) == 1 and name in lines[0]:
        return "clean error"
    return "unclear"


def samples(folders):
    found = []
    for folder in folders:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            fmt = FORMATS.get(os.path.splitext(name)[1].lower())
            if fmt and os.path.isfile(os.path.join(folder, name)):
                found.append((fmt, os.path.join(folder, name)))
    return found


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-format", type=int, default=300, help="mutants per format (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=30, help="seconds per conversion (default 30)")
    parser.add_argument("--memory-mb", type=int, default=2048, help="address-space cap per conversion")
    parser.add_argument("--vnplan", default=os.path.join(root, ".build/release/vnplan"))
    parser.add_argument("--samples", action="append",
                        help="folders of samples (default: samples/, samples/scans/ and ../shared/seeds when present)")
    parser.add_argument("--corpus", help="copy crashing, hanging or blowing-up inputs here")
    parser.add_argument("--verbose", action="store_true", help="one line per run")
    args = parser.parse_args()
    folders = args.samples or [os.path.join(root, "samples"), os.path.join(root, "samples", "scans"),
                               os.path.join(root, "..", "shared", "seeds")]
    by_format = {}
    for fmt, path in samples(folders):
        by_format.setdefault(fmt, []).append(path)
    memory_kb = args.memory_mb * 1024
    work = tempfile.mkdtemp(prefix="vnplan-fuzz-")
    tally = {}
    peak = (0, "")
    slowest = (0.0, "")
    failures = []
    try:
        for fmt in sorted(by_format):
            originals = [(path, open(path, "rb").read()) for path in by_format[fmt]]
            rng = random.Random(f"{args.seed}-{fmt}")
            counts = tally.setdefault(fmt, {})
            for index in range(args.per_format):
                source, data = originals[index % len(originals)]
                mutation, mutant = mutate(rng, data, fmt)
                extension = os.path.splitext(source)[1]
                name = f"{fmt}-{index:04d}-{mutation}{extension}"
                path = os.path.join(work, name)
                with open(path, "wb") as handle:
                    handle.write(mutant)
                timed_out, status, peak_kb, seconds, stderr = run(
                    args.vnplan, path, os.path.join(work, "out.json"), args.timeout, memory_kb)
                outcome = classify(timed_out, status, peak_kb, memory_kb, stderr, name)
                counts[outcome] = counts.get(outcome, 0) + 1
                if peak_kb > peak[0]:
                    peak = (peak_kb, name)
                if seconds > slowest[0]:
                    slowest = (seconds, name)
                bad = outcome in ("crash", "hang", "out of memory") or peak_kb > BLOW_UP_KB
                if args.verbose or bad or outcome == "unclear":
                    first = stderr.strip().splitlines()[-1:] or [""]
                    print(f"{outcome:13s} {seconds:6.2f}s {peak_kb // 1024:5d} MB  {name}  {first[0][:160]}")
                if bad:
                    failures.append(name)
                if bad or outcome == "unclear":
                    if args.corpus and len(mutant) < 512 * 1024:
                        digest = hashlib.sha256(mutant).hexdigest()[:12]
                        os.makedirs(args.corpus, exist_ok=True)
                        shutil.copy(path, os.path.join(args.corpus, f"{fmt}-{mutation}-{digest}{extension}"))
                os.remove(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    outcomes = ["plan", "clean error", "unclear", "crash", "out of memory", "hang"]
    print(f"\nvnplan fuzz: seed {args.seed}, {args.per_format} mutants per format, "
          f"{args.timeout:g} s and {args.memory_mb} MB per run")
    print(f"{'format':8s} {'cases':>6s} " + " ".join(f"{o:>13s}" for o in outcomes))
    for fmt, counts in sorted(tally.items()):
        print(f"{fmt:8s} {sum(counts.values()):6d} " + " ".join(f"{counts.get(o, 0):13d}" for o in outcomes))
    total = {o: sum(c.get(o, 0) for c in tally.values()) for o in outcomes}
    print(f"{'all':8s} {sum(total.values()):6d} " + " ".join(f"{total[o]:13d}" for o in outcomes))
    print(f"peak memory {peak[0] // 1024} MB ({peak[1]}); slowest {slowest[0]:.1f} s ({slowest[1]})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
