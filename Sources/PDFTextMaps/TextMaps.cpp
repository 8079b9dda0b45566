#include "PDFTextMaps.h"

#include <Error.h>
#include <FontInfo.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

const size_t vnp_text_maps_mark_limit = 200000;
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
        if (marks.size() >= vnp_text_maps_mark_limit || uLen != 1 || !u || u[0] != code) return;
        if (!isUnmappedCIDFont(state->getFont().get())) return;
        double deviceX = 0, deviceY = 0;
        state->transform(x + dx / 2, y + dy / 2, &deviceX, &deviceY);
        marks.push_back({ deviceX, deviceY });
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

struct vnp_text_maps {
    std::unique_ptr<PDFDoc> document;
    GlyphIndexMarks device;
};

extern "C" vnp_text_maps *vnp_text_maps_open(const unsigned char *bytes, size_t length) {
    if (!bytes || length == 0 || length > (size_t)INT64_MAX) return nullptr;
    if (!globalParams) return nullptr; // poppler-glib sets it up while its document is open
    Object dictionary;
    auto *stream = new MemStream(reinterpret_cast<const char *>(bytes), 0, (Goffset)length, std::move(dictionary));
    auto maps = std::make_unique<vnp_text_maps>();
    maps->document = std::make_unique<PDFDoc>(stream);
    if (!maps->document->isOk()) return nullptr;
    return maps.release();
}

extern "C" void vnp_text_maps_close(vnp_text_maps *maps) { delete maps; }

extern "C" int vnp_text_maps_has_unmapped_fonts(vnp_text_maps *maps) {
    if (!maps) return 0;
    FontInfoScanner scanner(maps->document.get(), 0);
    bool unmapped = false;
    // scan() hands the fonts over: every one is deleted.
    for (FontInfo *font : scanner.scan(maps->document->getNumPages())) {
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

extern "C" size_t vnp_text_maps_page_marks(vnp_text_maps *maps, int index, const vnp_glyph_index_mark **marks) {
    if (marks) *marks = nullptr;
    if (!maps || index < 0 || index >= maps->document->getNumPages()) return 0;
    maps->device.marks.clear();
    // As poppler-glib lays out a page's text: 72 dpi, crop box, annotations as shown on screen.
    maps->document->displayPage(&maps->device, index + 1, 72, 72, 0, false, true, false);
    if (marks) *marks = maps->device.marks.data();
    return maps->device.marks.size();
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
