#include "PopplerCore.h"

#include <Error.h>
#include <FontInfo.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

const size_t vnp_glyph_index_mark_limit = 200000;
const size_t vnp_poppler_message_limit = 64;

namespace {

bool isUnmappedCIDFont(const GfxFont *font) {
    return font && font->isCIDFont() && !font->hasToUnicodeCMap();
}

/// An output device that draws nothing: it notes where a glyph-indexed glyph sits.
class GlyphIndexMarks final : public OutputDev {
public:
    std::vector<vnp_glyph_index_mark> marks;

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return false; }

    void drawChar(GfxState *state, double x, double y, double dx, double dy, double, double, CharCode code, int,
                  const Unicode *u, int uLen) override {
        // poppler's identity fallback gives the code itself as the letter; a real map (the
        // font's own cmap, say) gives something else, which is then left alone.
        if (marks.size() >= vnp_glyph_index_mark_limit || uLen != 1 || !u || u[0] != code) return;
        if (!isUnmappedCIDFont(state->getFont().get())) return;
        double deviceX = 0, deviceY = 0;
        state->transform(x + dx / 2, y + dy / 2, &deviceX, &deviceY);
        marks.push_back({ deviceX, deviceY });
    }
};

/// An output device that draws nothing but notes the axis-aligned lines a page paints. It
/// asks for no glyphs (so no font file is loaded, and cairo's font engine cannot print its
/// complaints), skips images and takes shadings and tiling patterns as drawn.
class PaintedLines final : public OutputDev {
public:
    std::vector<vnp_painted_line> lines;
    double straightness = 0.5, thickness = 4;
    size_t limit = 0;
    bool truncated = false;

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return false; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }
    bool useTilingPatternFill() override { return true; }
    bool useShadedFills(int) override { return true; }
    bool tilingPatternFill(GfxState *, Gfx *, Catalog *, GfxTilingPattern *, const double *, int, int, int, int, double,
                           double) override { return true; }
    bool functionShadedFill(GfxState *, GfxFunctionShading *) override { return true; }
    bool axialShadedFill(GfxState *, GfxAxialShading *, double, double) override { return true; }
    bool radialShadedFill(GfxState *, GfxRadialShading *, double, double) override { return true; }
    bool gouraudTriangleShadedFill(GfxState *, GfxGouraudTriangleShading *) override { return true; }
    bool patchMeshShadedFill(GfxState *, GfxPatchMeshShading *) override { return true; }

    void stroke(GfxState *state) override {
        GfxRGB colour;
        state->getStrokeRGB(&colour);
        if (isWhite(colour)) return;
        const double width = std::fabs(state->getTransformedLineWidth());
        const GfxPath *path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *subpath = path->getSubpath(s);
            for (int i = 1; i < subpath->getNumPoints(); ++i) {
                // A piece with a control point at either end is part of a curve.
                if (subpath->getCurve(i - 1) || subpath->getCurve(i)) continue;
                double x0, y0, x1, y1;
                state->transform(subpath->getX(i - 1), subpath->getY(i - 1), &x0, &y0);
                state->transform(subpath->getX(i), subpath->getY(i), &x1, &y1);
                const double across = std::fmin(std::fabs(x1 - x0), std::fabs(y1 - y0));
                const double along = std::fmax(std::fabs(x1 - x0), std::fabs(y1 - y0));
                if (across <= straightness && along > straightness) add({ x0, y0, x1, y1, width, 0 });
            }
        }
    }

    void fill(GfxState *state) override { fillRectangles(state); }
    void eoFill(GfxState *state) override { fillRectangles(state); }

private:
    static bool isWhite(const GfxRGB &colour) {
        return colToDbl(colour.r) > 0.9 && colToDbl(colour.g) > 0.9 && colToDbl(colour.b) > 0.9;
    }

    /// Each subpath of four axis-aligned corners (a PDF `re`, or m/l/l/l/h) that is thin.
    void fillRectangles(GfxState *state) {
        GfxRGB colour;
        state->getFillRGB(&colour);
        if (isWhite(colour)) return;
        const GfxPath *path = state->getPath();
        for (int s = 0; s < path->getNumSubpaths(); ++s) {
            const GfxSubpath *subpath = path->getSubpath(s);
            int count = subpath->getNumPoints();
            if (count == 5 && subpath->getX(4) == subpath->getX(0) && subpath->getY(4) == subpath->getY(0)) count = 4;
            if (count != 4) continue;
            double xs[4], ys[4];
            bool curved = false;
            for (int i = 0; i < 4; ++i) {
                curved = curved || subpath->getCurve(i);
                state->transform(subpath->getX(i), subpath->getY(i), &xs[i], &ys[i]);
            }
            if (curved || !isAxisAligned(xs, ys)) continue;
            const double minX = std::fmin(std::fmin(xs[0], xs[1]), std::fmin(xs[2], xs[3]));
            const double maxX = std::fmax(std::fmax(xs[0], xs[1]), std::fmax(xs[2], xs[3]));
            const double minY = std::fmin(std::fmin(ys[0], ys[1]), std::fmin(ys[2], ys[3]));
            const double maxY = std::fmax(std::fmax(ys[0], ys[1]), std::fmax(ys[2], ys[3]));
            const double shortSide = std::fmin(maxX - minX, maxY - minY);
            const double longSide = std::fmax(maxX - minX, maxY - minY);
            if (shortSide <= thickness && longSide > 2 * shortSide) add({ minX, minY, maxX, maxY, shortSide, 1 });
        }
    }

    /// Whether four corners in order go round a rectangle whose sides follow the axes.
    static bool isAxisAligned(const double *xs, const double *ys) {
        const double tolerance = 1e-3;
        for (int i = 0; i < 4; ++i) {
            const int next = (i + 1) % 4;
            const bool horizontal = std::fabs(ys[i] - ys[next]) <= tolerance;
            const bool vertical = std::fabs(xs[i] - xs[next]) <= tolerance;
            if (horizontal == vertical) return false; // a slanted side, or two corners in one
        }
        return true;
    }

    void add(const vnp_painted_line &line) {
        if (!std::isfinite(line.x0) || !std::isfinite(line.y0) || !std::isfinite(line.x1) || !std::isfinite(line.y1)
            || !std::isfinite(line.thickness)) return;
        if (lines.size() >= limit) { truncated = true; return; }
        lines.push_back(line);
    }
};

// poppler reports on the thread that reads, so each thread keeps its own: files read at once
// on several cores do not mix their messages.
thread_local std::vector<std::string> messages;
thread_local size_t messageCount = 0;

void keepMessage(ErrorCategory, Goffset, const char *message) {
    messageCount += 1;
    if (messages.size() < vnp_poppler_message_limit) messages.emplace_back(message ? message : "");
}

} // namespace

struct vnp_core_document {
    std::unique_ptr<PDFDoc> document;
    GlyphIndexMarks glyphIndexMarks;
    PaintedLines paintedLines;
};

extern "C" vnp_core_document *vnp_core_document_open(const unsigned char *bytes, size_t length) {
    if (!bytes || length == 0 || length > (size_t)INT64_MAX) return nullptr;
    if (!globalParams) return nullptr; // poppler-glib sets it up while its document is open
    Object dictionary;
    auto *stream = new MemStream(reinterpret_cast<const char *>(bytes), 0, (Goffset)length, std::move(dictionary));
    auto opened = std::make_unique<vnp_core_document>();
    opened->document = std::make_unique<PDFDoc>(stream);
    if (!opened->document->isOk()) return nullptr;
    return opened.release();
}

extern "C" void vnp_core_document_close(vnp_core_document *document) { delete document; }

extern "C" int vnp_core_has_unmapped_fonts(vnp_core_document *document) {
    if (!document) return 0;
    FontInfoScanner scanner(document->document.get(), 0);
    bool unmapped = false;
    // scan() hands the fonts over: every one is deleted.
    for (FontInfo *font : scanner.scan(document->document->getNumPages())) {
        switch (font->getType()) {
        case FontInfo::CIDType0: case FontInfo::CIDType0C: case FontInfo::CIDType0COT:
        case FontInfo::CIDTrueType: case FontInfo::CIDTrueTypeOT:
            unmapped = unmapped || !font->getToUnicode();
            break;
        default:
            break;
        }
        delete font;
    }
    return unmapped ? 1 : 0;
}

extern "C" size_t vnp_core_glyph_index_marks(vnp_core_document *document, int index, const vnp_glyph_index_mark **marks) {
    if (marks) *marks = nullptr;
    if (!document || index < 0 || index >= document->document->getNumPages()) return 0;
    document->glyphIndexMarks.marks.clear();
    // As poppler-glib lays out a page's text: 72 dpi, crop box, annotations as shown on screen.
    document->document->displayPage(&document->glyphIndexMarks, index + 1, 72, 72, 0, false, true, false);
    if (marks) *marks = document->glyphIndexMarks.marks.data();
    return document->glyphIndexMarks.marks.size();
}

extern "C" size_t vnp_core_painted_lines(vnp_core_document *document, int index, double straightness, double thickness,
                                         size_t limit, const vnp_painted_line **lines, int *truncated) {
    if (lines) *lines = nullptr;
    if (truncated) *truncated = 0;
    if (!document || index < 0 || index >= document->document->getNumPages()) return 0;
    PaintedLines &device = document->paintedLines;
    device.lines.clear();
    device.truncated = false;
    device.straightness = straightness;
    device.thickness = thickness;
    device.limit = limit;
    // As poppler-glib renders a page for printing: 72 dpi, crop box, printable annotations.
    document->document->displayPage(&device, index + 1, 72, 72, 0, false, true, true);
    if (lines) *lines = device.lines.data();
    if (truncated) *truncated = device.truncated ? 1 : 0;
    return device.lines.size();
}

extern "C" void vnp_poppler_messages_capture(void) { setErrorCallback(keepMessage); }

extern "C" size_t vnp_poppler_messages_take(char *buffer, size_t capacity) {
    std::string joined;
    for (const auto &message : messages) {
        if (!joined.empty()) joined += '\n';
        joined += message;
    }
    if (buffer && capacity > 0) {
        size_t length = joined.size() < capacity - 1 ? joined.size() : capacity - 1;
        std::memcpy(buffer, joined.data(), length);
        buffer[length] = 0;
    }
    size_t count = messageCount;
    messages.clear();
    messageCount = 0;
    return count;
}
