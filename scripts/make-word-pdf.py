#!/usr/bin/env python3
"""Makes a PDF whose fonts are embedded the way Microsoft Word 2016 embeds them on export.

Why: a Word-exported PDF draws one typeface through several font objects at once, and a
reader once got that wrong. Word embeds Times New Roman three ways and switches between them
in the middle of a word. This script takes a LibreOffice-rendered sample and redraws the
same text at the same positions in the same typeface, embedded the way Word does it:

  (a) a Type0 font, CIDFontType2, Encoding /Identity-H, CIDToGIDMap /Identity, with the
      WHOLE face embedded (FontFile2) and a /ToUnicode CMap, named like the face
      ("LiberationSerif", no subset tag);
  (b) a Type0 /Identity-H font with a SUBSET of the same face (subset tag, e.g.
      "QWERTY+LiberationSerif"), codes being the glyph ids of the subset, with a /ToUnicode CMap;
  (c) a simple /TrueType font, /Encoding /WinAnsiEncoding, same BaseFont, no /ToUnicode
      (Word writes none), used for the plain ASCII characters.

Each face used in the input (regular, bold, italic, bold italic) gets its own three fonts.
Runs switch fonts mid-word as Word does: ASCII characters are drawn with (c), and every run
of other characters (Vietnamese letters) with (a) or (b), alternating run by run within each
face. "Thời" is thus drawn as "Th" with (c) and "ời" with (a) or (b).

Positions are kept: every run starts with its own Tm (the text matrix where the input drew
its first glyph), and the TJ adjustments between glyphs make up the difference between the
input's advances and the new fonts' widths (/W and /Widths come from the face's hmtx).
Everything in the content streams that is not text (rulings, fills, clips, colours) is copied
through operator by operator.

The face is taken from /usr/share/fonts (fonts-liberation2: Liberation Serif, the typeface
the LibreOffice sample uses, metric-compatible with Times New Roman; the input only embeds
subsets). Without it, DejaVu Serif is used; glyphs still start where the input drew them,
but DejaVu's glyphs are wider and overlap, so pdftotext may then split or join a few words
differently: install fonts-liberation2 before regenerating the sample.

The font descriptors carry the face's real Ascent/Descent (hhea), as Word writes them; the
LibreOffice input writes 0 for both, so pdftotext falls back to 0.95/-0.35 em there. Word
boxes therefore agree in x and baseline, but their top and bottom differ by up to ~0.14 em.

The output is deterministic: no clock time, the /ID is derived from the content, fontTools
does not touch the subset's timestamps.

Usage: python3 scripts/make-word-pdf.py samples/kh-xa-hoa-binh-2026.pdf \\
           samples/kh-xa-hoa-binh-2026.word.pdf
Needs: pip install pikepdf fonttools; apt-get install fonts-liberation2.
"""
import hashlib
import io
import os
import re
import sys
import unicodedata

import pikepdf
from fontTools import subset as ftsubset
from fontTools.ttLib import TTFont
from pikepdf import Array, Dictionary, Name

FONT_DIRS = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"]
DEJAVU_DIR = "/usr/share/fonts/truetype/dejavu"
STYLES = ["Regular", "Bold", "Italic", "BoldItalic"]
DEJAVU_STYLE = {"Regular": "", "Bold": "-Bold", "Italic": "-Italic", "BoldItalic": "-BoldItalic"}

# Text operators this script redraws itself; all other operators are copied through.
TEXT_SHOW = {"Tj", "TJ", "'", '"'}
TEXT_STATE_DROPPED = {"Td", "TD", "Tm", "T*", "Tf", "Tc", "Tw", "TL"}


def num(x):
    """A PDF number: at most 4 decimals, no trailing zeros, no '-0'."""
    s = ("%.4f" % x).rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def mat_mul(m, n):
    """m × n for PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def translate(tx, ty, m):
    return mat_mul((1, 0, 0, 1, tx, ty), m)


# ---------------------------------------------------------------- input fonts

def parse_tounicode(data):
    """code (int) -> unicode string, from a ToUnicode CMap's bfchar and bfrange sections."""
    text = data.decode("latin-1")
    out = {}

    def u16(h):
        b = bytes.fromhex(h)
        return b.decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = u16(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for m in re.finditer(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            lo, hi, dst = int(m.group(1), 16), int(m.group(2), 16), m.group(3)
            if dst.startswith("["):
                for i, h in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", dst)):
                    out[lo + i] = u16(h)
            else:
                h = dst[1:-1]
                base = int(h, 16)
                for i in range(hi - lo + 1):
                    out[lo + i] = u16("%0*X" % (len(h), base + i))
    return out


class InputFont:
    """A simple (one-byte) input font: its face, code->unicode and code->width (1/1000 em)."""

    def __init__(self, font):
        if font.get("/Subtype") not in (Name.TrueType, Name.Type1) or "/ToUnicode" not in font:
            raise SystemExit(f"unsupported input font {font.get('/BaseFont')}: "
                             "only simple fonts with a /ToUnicode are handled")
        base = str(font.BaseFont)[1:]
        if re.match(r"^[A-Z]{6}\+", base):
            base = base[7:]
        family, _, style = base.partition("-")
        style = style or "Regular"
        if style not in STYLES:
            raise SystemExit(f"unknown style {style!r} in {base}")
        self.family, self.style = family, style
        self.unicode = parse_tounicode(font.ToUnicode.read_bytes())
        first = int(font.get("/FirstChar", 0))
        widths = [float(w) for w in font.get("/Widths", [])]
        missing = float(font.FontDescriptor.get("/MissingWidth", 0)) if "/FontDescriptor" in font else 0.0
        self.width = lambda code: widths[code - first] if 0 <= code - first < len(widths) else missing


def face_file(family, style):
    """The .ttf of the input's face, or DejaVu Serif/Sans in the same style."""
    for d in FONT_DIRS:
        p = os.path.join(d, f"{family}-{style}.ttf")
        if os.path.exists(p):
            return p, False
    dv = "DejaVuSans" if "Sans" in family else "DejaVuSerif"
    p = os.path.join(DEJAVU_DIR, f"{dv}{DEJAVU_STYLE[style]}.ttf")
    if not os.path.exists(p):
        raise SystemExit(f"no font file for {family}-{style} (install fonts-liberation2)")
    return p, True


# ---------------------------------------------------------------- content streams

class Run:
    """Glyphs drawn with one output font, from one text position (Tm of the first glyph).
    glyphs: [(char, x)] where x is the input's position along the baseline (text space)."""

    def __init__(self, face, kind, size, th, tm):
        self.face, self.kind, self.size, self.th, self.tm = face, kind, size, th, tm
        self.glyphs = []
        self.end_x = 0.0  # where the input's last glyph ended


def rewrite_page(page, fonts_by_res, counters):
    """Splits the page's content into raw bytes (non-text operators) and Runs."""
    items = []  # bytes or Run
    resources = page.Resources
    font_res = resources.get("/Font", Dictionary())
    in_fonts = {}
    for key, f in font_res.items():
        objgen = f.objgen
        if objgen not in fonts_by_res:
            fonts_by_res[objgen] = InputFont(f)
        in_fonts[key] = fonts_by_res[objgen]

    tm = tlm = (1, 0, 0, 1, 0, 0)
    tc = tw = 0.0
    th = 1.0
    tl = 0.0
    font = None
    size = 0.0
    seg_x = 0.0  # advance along the baseline since the last Td/Tm/T* (text space)
    run = None

    def flush():
        nonlocal run
        if run is not None and run.glyphs:
            items.append(run)
        run = None

    def new_line(m):
        nonlocal tm, tlm, seg_x
        flush()
        tlm = m
        tm = m
        seg_x = 0.0

    def show(string):
        nonlocal run, seg_x
        if font is None:
            raise SystemExit("text shown before Tf")
        for code in bytes(string):
            u = font.unicode.get(code)
            if u is None:
                raise SystemExit(f"code {code} of {font.family}-{font.style} has no unicode")
            u = unicodedata.normalize("NFC", u)
            if len(u) != 1:
                raise SystemExit(f"code {code} maps to {u!r}: one glyph, several characters")
            ascii_char = 0x20 <= ord(u) <= 0x7E
            face = (font.family, font.style)
            if ascii_char:
                kind = "c"
            elif run is not None and run.face == face and run.kind in "ab" and run.size == size:
                kind = run.kind  # the non-ASCII run goes on
            else:
                n = counters.get(face, 0)
                counters[face] = n + 1
                kind = "a" if n % 2 == 0 else "b"
            if run is None or (run.face, run.kind, run.size, run.th) != (face, kind, size, th):
                flush()
                run = Run(face, kind, size, th, translate(seg_x, 0, tlm))
                run.x0 = seg_x
            run.glyphs.append((u, seg_x - run.x0))
            adv = (font.width(code) / 1000.0 * size + tc + (tw if code == 32 else 0.0)) * th
            seg_x += adv
            run.end_x = seg_x - run.x0

    def raw(operands, op):
        items.append(pikepdf.unparse_content_stream([(operands, op)]))

    in_text = False
    for instr in pikepdf.parse_content_stream(page):
        if isinstance(instr, pikepdf.ContentStreamInlineImage):
            flush()
            items.append(pikepdf.unparse_content_stream([instr]))
            continue
        operands, op = instr.operands, str(instr.operator)
        if op == "BT":
            in_text = True
            tm = tlm = (1, 0, 0, 1, 0, 0)
            seg_x = 0.0
            raw(operands, instr.operator)
        elif op == "ET":
            flush()
            in_text = False
            raw(operands, instr.operator)
        elif op == "Td":
            new_line(translate(float(operands[0]), float(operands[1]), tlm))
        elif op == "TD":
            tl = -float(operands[1])
            new_line(translate(float(operands[0]), float(operands[1]), tlm))
        elif op == "Tm":
            new_line(tuple(float(v) for v in operands))
        elif op == "T*":
            new_line(translate(0, -tl, tlm))
        elif op == "Tf":
            font = in_fonts[str(operands[0])]
            size = float(operands[1])
        elif op == "Tc":
            tc = float(operands[0])
        elif op == "Tw":
            tw = float(operands[0])
        elif op == "TL":
            tl = float(operands[0])
        elif op == "Tz":
            flush()
            th = float(operands[0]) / 100.0
            raw(operands, instr.operator)
        elif op == "Tj":
            show(operands[0])
        elif op == "'":
            new_line(translate(0, -tl, tlm))
            show(operands[0])
        elif op == '"':
            tw, tc = float(operands[0]), float(operands[1])
            new_line(translate(0, -tl, tlm))
            show(operands[2])
        elif op == "TJ":
            for el in operands[0]:
                if isinstance(el, pikepdf.String):
                    show(el)
                else:
                    seg_x -= float(el) / 1000.0 * size * th
        else:
            # Ts, Tr, colours, paths, clips, q/Q, cm, XObjects...: copied through as they are.
            if in_text:
                flush()
            raw(operands, instr.operator)
    flush()
    return items


# ---------------------------------------------------------------- output fonts

def tounicode_cmap(pairs):
    """A ToUnicode CMap for two-byte codes: pairs [(code, char)]."""
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    pairs = sorted(pairs)
    for i in range(0, len(pairs), 100):
        chunk = pairs[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for code, ch in chunk:
            lines.append("<%04X> <%s>" % (code, ch.encode("utf-16-be").hex().upper()))
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")


def w_array(widths):
    """/W for {gid: width}: runs of consecutive gids as [first [w w w]]."""
    out = Array()
    gids = sorted(widths)
    i = 0
    while i < len(gids):
        j = i
        while j + 1 < len(gids) and gids[j + 1] == gids[j] + 1:
            j += 1
        out.append(gids[i])
        out.append(Array([widths[g] for g in gids[i:j + 1]]))
        i = j + 1
    return out


class Face:
    """One face (e.g. Liberation Serif Bold) and its three output fonts."""

    def __init__(self, family, style):
        self.path, self.fallback = face_file(family, style)
        with open(self.path, "rb") as f:
            self.data = f.read()
        self.tt = TTFont(io.BytesIO(self.data), recalcTimestamp=False)
        self.upm = self.tt["head"].unitsPerEm
        self.cmap = self.tt.getBestCmap()
        self.psname = self.tt["name"].getDebugName(6) or f"{family}-{style}"
        self.style = style
        self.chars = {"a": set(), "b": set(), "c": set()}
        self.sub = None  # subset TTFont
        self.sub_data = None
        self.sub_cmap = None

    def width(self, tt, gid):
        """Advance of glyph gid of tt in 1/1000 em, rounded as written into the PDF."""
        name = tt.getGlyphOrder()[gid]
        return round(tt["hmtx"][name][0] * 1000.0 / self.upm, 3)

    def gid(self, kind, ch):
        if kind == "a":
            return self.tt.getGlyphID(self.cmap[ord(ch)])
        if kind == "b":
            return self.sub.getGlyphID(self.sub_cmap[ord(ch)])
        return ord(ch)  # (c): WinAnsi code of an ASCII character

    def advance(self, kind, ch):
        """Width of ch in the output font of this kind, 1/1000 em (what the PDF says)."""
        if kind == "b":
            return self.width(self.sub, self.gid("b", ch))
        return self.width(self.tt, self.tt.getGlyphID(self.cmap[ord(ch)]))

    def check(self):
        for kind, chars in self.chars.items():
            for ch in chars:
                if ord(ch) not in self.cmap:
                    raise SystemExit(f"{self.path} has no glyph for {ch!r} (U+{ord(ch):04X})")

    def make_subset(self):
        opts = ftsubset.Options()
        opts.retain_gids = False
        opts.notdef_outline = True
        opts.recalc_timestamp = False
        opts.layout_features = []
        opts.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "gasp", "FFTM"]
        opts.name_IDs = ["*"]
        self.sub = TTFont(io.BytesIO(self.data), recalcTimestamp=False)
        sub = ftsubset.Subsetter(opts)
        sub.populate(unicodes=sorted(ord(c) for c in self.chars["b"]) or [0x20])
        sub.subset(self.sub)
        self.sub_cmap = self.sub.getBestCmap()
        buf = io.BytesIO()
        self.sub.recalcTimestamp = False
        self.sub.save(buf)
        self.sub_data = buf.getvalue()
        digest = hashlib.sha256(self.psname.encode() + self.sub_data).digest()
        self.tag = "".join(chr(ord("A") + b % 26) for b in digest[:6])

    def descriptor(self, pdf, name, fontfile):
        tt = self.tt
        s = 1000.0 / self.upm
        head, hhea, post, os2 = tt["head"], tt["hhea"], tt["post"], tt["OS/2"]
        italic = "Italic" in self.style
        d = Dictionary(
            Type=Name.FontDescriptor,
            FontName=Name("/" + name),
            Flags=32 | (64 if italic else 0),
            FontBBox=Array([round(head.xMin * s), round(head.yMin * s),
                            round(head.xMax * s), round(head.yMax * s)]),
            ItalicAngle=round(float(post.italicAngle), 2),
            Ascent=round(hhea.ascent * s),
            Descent=round(hhea.descent * s),
            CapHeight=round(getattr(os2, "sCapHeight", 0) * s) or round(hhea.ascent * s),
            AvgWidth=round(os2.xAvgCharWidth * s),
            StemV=int(50 + (os2.usWeightClass / 65.0) ** 2),
            FontFile2=fontfile,
        )
        return pdf.make_indirect(d)

    def build(self, pdf):
        """Makes the three font dictionaries: self.fonts = {kind: indirect font}."""
        whole = pikepdf.Stream(pdf, self.data)
        whole.Length1 = len(self.data)
        whole = pdf.make_indirect(whole)
        subfile = pikepdf.Stream(pdf, self.sub_data)
        subfile.Length1 = len(self.sub_data)
        subfile = pdf.make_indirect(subfile)
        self.fonts = {}

        def type0(kind, base, fontfile, tt):
            pairs, widths = [], {}
            for ch in self.chars[kind]:
                g = self.gid(kind, ch)
                pairs.append((g, ch))
                widths[g] = self.width(tt, g)
            cid = pdf.make_indirect(Dictionary(
                Type=Name.Font, Subtype=Name.CIDFontType2, BaseFont=Name("/" + base),
                CIDSystemInfo=Dictionary(Registry=pikepdf.String("Adobe"),
                                         Ordering=pikepdf.String("Identity"), Supplement=0),
                FontDescriptor=self.descriptor(pdf, base, fontfile),
                DW=1000, W=w_array(widths), CIDToGIDMap=Name.Identity))
            tu = pdf.make_indirect(pikepdf.Stream(pdf, tounicode_cmap(pairs)))
            return pdf.make_indirect(Dictionary(
                Type=Name.Font, Subtype=Name.Type0, BaseFont=Name("/" + base),
                Encoding=Name("/Identity-H"), DescendantFonts=Array([cid]), ToUnicode=tu))

        self.fonts["a"] = type0("a", self.psname, whole, self.tt)
        self.fonts["b"] = type0("b", self.tag + "+" + self.psname, subfile, self.sub)
        widths = Array([self.width(self.tt, self.tt.getGlyphID(self.cmap[c]))
                        for c in range(32, 127)])
        self.fonts["c"] = pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.TrueType, BaseFont=Name("/" + self.psname),
            FirstChar=32, LastChar=126, Widths=widths, Encoding=Name.WinAnsiEncoding,
            FontDescriptor=self.descriptor(pdf, self.psname, whole)))


def serialize(items, faces, res_names):
    """The new content stream of a page, and the font resource keys it uses."""
    out = []
    used = set()
    cur = None  # (resource key, size) set by the last Tf
    for it in items:
        if isinstance(it, bytes):
            out.append(it)
            if it.strip() == b"BT":
                cur = None  # Tf state persists, but be explicit after every BT
            continue
        face = faces[it.face]
        key = res_names[(it.face, it.kind)]
        used.add(key)
        parts = []
        if cur != (key, it.size):
            parts.append(f"/{key} {num(it.size)} Tf")
            cur = (key, it.size)
        parts.append(" ".join(num(v) for v in it.tm) + " Tm")
        scale = it.size * it.th / 1000.0
        arr = []
        for i, (ch, x) in enumerate(it.glyphs):
            code = face.gid(it.kind, ch)
            arr.append(("<%02X>" if it.kind == "c" else "<%04X>") % code)
            nxt = it.glyphs[i + 1][1] if i + 1 < len(it.glyphs) else it.end_x
            gap = nxt - x - face.advance(it.kind, ch) * scale
            adj = -gap / scale
            if i + 1 < len(it.glyphs) and abs(adj) >= 0.0005:
                arr.append(num(round(adj, 3)))
        # Merge neighbouring hex strings into one (<0102> rather than <01><02>).
        merged = []
        for a in arr:
            if merged and a.startswith("<") and merged[-1].startswith("<"):
                merged[-1] = merged[-1][:-1] + a[1:]
            else:
                merged.append(a)
        parts.append("[" + " ".join(merged) + "] TJ")
        out.append(" ".join(parts).encode("ascii"))
    return b"\n".join(out) + b"\n", used


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.strip().split("Usage:")[1].split("Needs:")[0].strip())
    src, dst = sys.argv[1], sys.argv[2]
    pdf = pikepdf.open(src)
    fonts_by_res, counters = {}, {}
    pages_items = [rewrite_page(p, fonts_by_res, counters) for p in pdf.pages]

    faces = {}
    for items in pages_items:
        for it in items:
            if isinstance(it, Run):
                if it.face not in faces:
                    faces[it.face] = Face(*it.face)
                faces[it.face].chars[it.kind].update(ch for ch, _ in it.glyphs)
    order = sorted(faces, key=lambda f: (f[0], STYLES.index(f[1])))
    res_names = {}
    n = 0
    for fk in order:
        face = faces[fk]
        face.check()
        if face.fallback:
            print(f"warning: {fk[0]}-{fk[1]} not installed, using {face.path}", file=sys.stderr)
        face.make_subset()
        face.build(pdf)
        for kind in "cab":
            n += 1
            res_names[(fk, kind)] = f"F{n}"

    for page, items in zip(pdf.pages, pages_items):
        content, used = serialize(items, faces, res_names)
        page.Contents = pdf.make_stream(content)
        fonts = Dictionary()
        for (fk, kind), key in sorted(res_names.items(), key=lambda kv: int(kv[1][1:])):
            if key in used:
                fonts[Name("/" + key)] = faces[fk].fonts[kind]
        resources = Dictionary({k: v for k, v in page.Resources.items() if k != "/Font"})
        resources.Font = fonts
        page.Resources = resources  # pages of the input may share one /Resources

    info = pdf.docinfo
    info.Producer = pikepdf.String("vnplan scripts/make-word-pdf.py (fonts as Word 2016 embeds them)")
    pdf.save(dst, deterministic_id=True, compress_streams=True,
             object_stream_mode=pikepdf.ObjectStreamMode.disable)

    for fk in order:
        kinds = {k: len(v) for k, v in faces[fk].chars.items()}
        print(f"{fk[0]}-{fk[1]}: {faces[fk].path} chars per font {kinds}", file=sys.stderr)


if __name__ == "__main__":
    main()
