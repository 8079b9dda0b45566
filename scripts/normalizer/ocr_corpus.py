#!/usr/bin/env python3
"""Render corpus text to page images and read them back with tesseract.

This is how seed 002 was damaged: a scan read by OCR without Vietnamese data. The pairs it
writes (truth, OCR output) serve two purposes:
  * `--set confusion`: documents that stay in training; `vnplan-dev lm train --ocr-pairs DIR`
    aligns them to learn the OCR noisy channel ("dugc" -> "được");
  * `--set heldout`: documents excluded from training; `vnplan-dev lm evaluate --ocr-pairs DIR`
    measures syllable accuracy on them.

The held-out rule must match `HeldOutDocuments` in Sources/VNPlanNormalizer: a document of
legal-vn.txt (0-based, in file order) is held out when index % 25 == 12.

Usage: ocr_corpus.py --set heldout|confusion --out DIR [--pages N] [--langs eng,vie]
Needs pillow (pip install pillow) and tesseract with eng (and vie) data.
"""
import argparse
import os
import re
import subprocess
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "legal-vn.txt"
# DejaVu Serif at this size damages text the way seed 002 is damaged ("cira" for "cửa",
# "dugc"/"duoc" for "được"); Liberation fonts turn stacked marks into extra letters instead.
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
FONT_SIZE, LINE_HEIGHT = 32, 58
HELD_OUT_MODULUS, HELD_OUT_REMAINDER = 25, 12
CONFUSION_REMAINDER = 3  # training documents, chosen apart from the held-out ones
VIETNAMESE_MARKS = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
LINES_PER_PAGE = 36


def documents(path):
    """The corpus split into documents at form-feed lines, in file order."""
    text = path.read_text(encoding="utf-8")
    return [d for d in text.split("\f\n") if d.strip()]


def prose_lines(document):
    """Lines that read as Vietnamese sentences: markup stripped, tables and boilerplate dropped."""
    for raw in document.splitlines():
        line = raw.replace("**", "").replace("*", "").strip().lstrip("#|").strip()
        words = line.split()
        if len(words) < 6 or "http" in line or "PHÁP LUẬT" in line:
            continue
        # A line of Vietnamese prose carries a diacritic on most syllables.
        if len(VIETNAMESE_MARKS.findall(line)) < len(words) // 3:
            continue
        yield from textwrap.wrap(line, 72)


def render(lines, image_path):
    font = ImageFont.truetype(FONT, FONT_SIZE)
    image = Image.new("L", (1600, 120 + LINE_HEIGHT * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((60, 60 + LINE_HEIGHT * i), line, font=font, fill=0)
    image.save(image_path)


def ocr(image_path, lang):
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    result = subprocess.run(["tesseract", str(image_path), "-", "-l", lang, "--psm", "6"],
                            capture_output=True, text=True, env=env, check=True)
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["heldout", "confusion"], required=True)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--langs", default="eng")
    args = parser.parse_args()

    remainder = HELD_OUT_REMAINDER if args.set == "heldout" else CONFUSION_REMAINDER
    chosen = [d for i, d in enumerate(documents(CORPUS)) if i % HELD_OUT_MODULUS == remainder]
    # Take pages round-robin over the documents so every one of them contributes.
    per_document = [list(prose_lines(d)) for d in chosen]
    pages, cursor = [], 0
    while len(pages) < args.pages and any(len(l) > cursor for l in per_document):
        for lines in per_document:
            chunk = lines[cursor:cursor + LINES_PER_PAGE]
            if len(chunk) >= 8 and len(pages) < args.pages:
                pages.append(chunk)
        cursor += LINES_PER_PAGE

    args.out.mkdir(parents=True, exist_ok=True)
    for n, lines in enumerate(pages):
        stem = args.out / f"page-{n:04d}"
        stem.with_suffix(".truth.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        image = stem.with_suffix(".png")
        render(lines, image)
        for lang in args.langs.split(","):
            stem.with_suffix(f".{lang}.txt").write_text(ocr(image, lang), encoding="utf-8")
        image.unlink()
        print(f"{stem.name}: {len(lines)} lines", flush=True)


if __name__ == "__main__":
    main()
