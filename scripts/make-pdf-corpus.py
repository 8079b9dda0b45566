#!/usr/bin/env python3
"""Makes the hostile PDFs the PDF reader is tested on (Tests/Corpus/pdf/), reproducibly:
password-protected ones from a sample PDF (qpdf), and hand-written ones — no pages, a page of
absurd size, a page drawing 100,000 line segments.

Usage: scripts/make-pdf-corpus.py [OUT_DIR]   (needs qpdf for the encrypted files)
"""
import os
import subprocess
import sys
import zlib


def write_pdf(path, page_objects, contents):
    """A minimal PDF: a catalog, a page tree over `page_objects` (dicts as text, with the
    content stream as object 5 + index), and a correct cross-reference table."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + i} 0 R" for i in range(len(page_objects)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_objects)} >>")
    content_base = 3 + len(page_objects)
    font = content_base + len(contents)
    for i, page in enumerate(page_objects):
        objects.append(page.replace("CONTENT", f"{content_base + i} 0 R").replace("FONT", f"{font} 0 R"))
    for stream in contents:
        data = zlib.compress(stream.encode("latin-1"), 9)
        objects.append(f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode("latin-1") + data + b"\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        body = body if isinstance(body, bytes) else body.encode("latin-1")
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)
    print(f"made {path}")


def page(size="0 0 595 842"):
    return f"<< /Type /Page /Parent 2 0 R /MediaBox [{size}] /Contents CONTENT /Resources << /Font << /F1 FONT >> >> >>"


TEXT = "BT /F1 12 Tf 72 760 Td (Ke hoach kiem soat thu tuc hanh chinh) Tj ET"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Tests", "Corpus", "pdf")
    os.makedirs(out, exist_ok=True)
    write_pdf(os.path.join(out, "no-pages.pdf"), [], [])
    write_pdf(os.path.join(out, "huge-page.pdf"), [page("0 0 14400 14400")], [TEXT])
    lines = "\n".join(f"{72 + (i % 450)} {80 + (i // 450) * 3} m {73 + (i % 450)} {80 + (i // 450) * 3} l" for i in range(100_000))
    write_pdf(os.path.join(out, "many-segments.pdf"), [page()], [TEXT + "\n0.2 w\n" + lines + "\nS"])
    sample = os.path.join(os.path.dirname(__file__), "..", "samples", "kh-thi-tran-phu-my-2025.pdf")
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", sample,
                    os.path.join(out, "user-password.pdf")], check=True)
    subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--print=none", "--modify=none", "--", sample,
                    os.path.join(out, "owner-password-only.pdf")], check=True)
    print("made the encrypted PDFs")


if __name__ == "__main__":
    main()
