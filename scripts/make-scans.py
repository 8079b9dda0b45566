#!/usr/bin/env python3
"""Makes scanned renderings of the sample PDFs, reproducibly, for the OCR path's tests.

Each sample PDF named in SCANNED (in PDF_DIR, made by make-samples.py) becomes four multi-page
TIFFs in OUT_DIR, one page per PDF page, as scanners and fax machines deliver them:

  NAME.300dpi.tif     clean 300 dpi, black and white (CCITT G4)
  NAME.200dpi.tif     clean 200 dpi, black and white: a fax or a quick office scan
  NAME.rotated.tif    300 dpi, fed in askew: turned 1.5 degrees, black and white
  NAME.degraded.tif   300 dpi grey, uneven light, blurred, noisy, JPEG-compressed (quality 30)

Pages are rendered by pdftoppm (poppler-utils); noise comes from a generator seeded by the
file's name, so the same PDFs give the same bytes.

Usage: scripts/make-scans.py [PDF_DIR [OUT_DIR]]   (default: samples/ samples/scans/)
       scripts/make-scans.py --out DIR [--angle DEGREES] [--variants V,V…] FILE.pdf…

The second form scans any PDFs (benchmarks, scans of plans never seen): the variants are
300dpi, 200dpi, rotated (turned by --angle, default 1.2), degraded and faded (300 dpi grey,
toner faded to a third of its darkness, with noise and blur), all by default.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile
import zlib

import numpy as np
from PIL import Image, ImageFilter

# The small samples: the district plan's five dense pages would add 2 MB of scans.
SCANNED = ["kh-thi-tran-phu-my-2025", "kh-xa-hoa-binh-2026", "qd-phuong-cam-thanh-2025"]
THRESHOLD = 160  # grey level below which a pixel of the rendered page is ink


def render(pdf, dpi):
    """The PDF's pages as grey Pillow images at `dpi`."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", pdf, os.path.join(tmp, "page")], check=True)
        pages = []
        for path in sorted(glob.glob(os.path.join(tmp, "page-*.pgm"))):
            with Image.open(path) as image:
                pages.append(image.copy())
        return pages


def black_and_white(page):
    return page.point(lambda v: 255 if v >= THRESHOLD else 0).convert("1")


def rotated(page, degrees):
    return page.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=255)


def degraded(page, seed):
    """Uneven light (darker to the right and bottom), sensor noise, a slight blur."""
    rng = np.random.default_rng(seed)
    grey = np.asarray(page, dtype=np.float32)
    height, width = grey.shape
    light = 1.0 - 0.25 * (np.linspace(0, 1, width)[None, :] * 0.6 + np.linspace(0, 1, height)[:, None] * 0.4)
    grey = grey * light + rng.normal(0, 6, grey.shape)
    noisy = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), mode="L")
    return noisy.filter(ImageFilter.GaussianBlur(radius=1.2))


def faded(page, seed):
    """Toner running out: ink a third as dark, strokes broken by noise, a slight blur."""
    rng = np.random.default_rng(seed)
    grey = np.asarray(page, dtype=np.float32)
    grey = 255 - (255 - grey) * 0.35 + rng.normal(0, 8, grey.shape)
    faint = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), mode="L")
    return faint.filter(ImageFilter.GaussianBlur(radius=0.8))


def save(pages, path, dpi, **options):
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(dpi, dpi), **options)


def scan(pdf, out_dir, name, variants, angle):
    seed = zlib.crc32(name.encode())
    at300 = render(pdf, 300)
    made = {
        "300dpi": lambda: save([black_and_white(p) for p in at300], os.path.join(out_dir, f"{name}.300dpi.tif"),
                               300, compression="group4"),
        "200dpi": lambda: save([black_and_white(p) for p in render(pdf, 200)],
                               os.path.join(out_dir, f"{name}.200dpi.tif"), 200, compression="group4"),
        "rotated": lambda: save([black_and_white(rotated(p, angle)) for p in at300],
                                os.path.join(out_dir, f"{name}.rotated.tif"), 300, compression="group4"),
        "degraded": lambda: save([degraded(p, seed + i) for i, p in enumerate(at300)],
                                 os.path.join(out_dir, f"{name}.degraded.tif"), 300, compression="jpeg", quality=30),
        "faded": lambda: save([faded(p, seed + i) for i, p in enumerate(at300)],
                              os.path.join(out_dir, f"{name}.faded.tif"), 300, compression="tiff_deflate"),
    }
    for variant in variants:
        made[variant]()
    print(f"{pdf} → {out_dir}/{name}.{{{','.join(variants)}}}.tif")


def main():
    if "--out" in sys.argv:
        parser = argparse.ArgumentParser(description="Scan PDFs as scanners deliver them.")
        parser.add_argument("--out", required=True)
        parser.add_argument("--angle", type=float, default=1.2)
        parser.add_argument("--variants", default="300dpi,200dpi,rotated,degraded,faded")
        parser.add_argument("pdfs", nargs="+")
        arguments = parser.parse_args()
        os.makedirs(arguments.out, exist_ok=True)
        for pdf in arguments.pdfs:
            name = os.path.basename(pdf).rsplit(".", 1)[0]
            scan(pdf, arguments.out, name, arguments.variants.split(","), arguments.angle)
        return
    pdf_dir = sys.argv[1] if len(sys.argv) > 1 else "samples"
    out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join("samples", "scans")
    os.makedirs(out_dir, exist_ok=True)
    for name in SCANNED:
        scan(os.path.join(pdf_dir, name + ".pdf"), out_dir, name, ["300dpi", "200dpi", "rotated", "degraded"], 1.5)


if __name__ == "__main__":
    main()
