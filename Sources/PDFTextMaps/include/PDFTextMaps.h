// What poppler-glib does not tell of a PDF's text, read with poppler's core library: which
// glyphs a font drew without any map to Unicode, and poppler's own error messages.
#ifndef VNPLAN_PDF_TEXT_MAPS_H
#define VNPLAN_PDF_TEXT_MAPS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A glyph whose "letter" in the text layer is its glyph index: drawn by a CID font without a
/// ToUnicode map, for which poppler fell back to reading each code as a code point.
typedef struct {
    /// The middle of the glyph's advance on its baseline, in points from the page's top left
    /// (the frame of poppler-glib's text layout).
    double x, y;
} vnp_glyph_index_mark;

typedef struct vnp_text_maps vnp_text_maps;

/// Opens the PDF held in `bytes`, which must outlive the handle. NULL when poppler cannot.
vnp_text_maps *vnp_text_maps_open(const unsigned char *bytes, size_t length);
void vnp_text_maps_close(vnp_text_maps *maps);

/// Whether any font of the document is a CID font without a ToUnicode map (only then can a
/// page hold glyph-index marks; the document's font list is read once).
int vnp_text_maps_has_unmapped_fonts(vnp_text_maps *maps);

/// The glyph-index marks of page `index` (0-based), at most `vnp_text_maps_mark_limit` of
/// them; `*marks` stays valid until the next call on the handle.
size_t vnp_text_maps_page_marks(vnp_text_maps *maps, int index, const vnp_glyph_index_mark **marks);
extern const size_t vnp_text_maps_mark_limit;

/// Routes poppler's messages (which it would print on stderr) into a buffer of the thread that
/// read, at most `vnp_poppler_message_limit` of them kept per thread. Once per process is enough.
void vnp_poppler_messages_capture(void);
/// The messages this thread captured since its last call, one per line, written into `buffer`
/// (cut to `capacity` − 1 bytes and ended by a NUL); returns how many messages there were.
size_t vnp_poppler_messages_take(char *buffer, size_t capacity);
extern const size_t vnp_poppler_message_limit;

#ifdef __cplusplus
}
#endif

#endif
