// What poppler-glib does not tell of a PDF, read with poppler's core library: which glyphs a
// font drew without any map to Unicode, the lines a page paints, and poppler's own messages.
#ifndef VNPLAN_POPPLER_CORE_H
#define VNPLAN_POPPLER_CORE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct vnp_core_document vnp_core_document;

/// Opens the PDF held in `bytes`, which must outlive the handle. NULL when poppler cannot.
vnp_core_document *vnp_core_document_open(const unsigned char *bytes, size_t length);
void vnp_core_document_close(vnp_core_document *document);

// MARK: Glyph indices

/// A glyph whose "letter" in the text layer is its glyph index: drawn by a CID font without a
/// ToUnicode map, for which poppler fell back to reading each code as a code point.
typedef struct {
    /// The middle of the glyph's advance on its baseline, in points from the page's top left
    /// (the frame of poppler-glib's text layout).
    double x, y;
} vnp_glyph_index_mark;

/// Whether any font of the document is a CID font without a ToUnicode map (only then can a
/// page hold glyph-index marks; the document's font list is read once).
int vnp_core_has_unmapped_fonts(vnp_core_document *document);

/// The glyph-index marks of page `index` (0-based), at most `vnp_glyph_index_mark_limit` of
/// them; `*marks` stays valid until the next call on the handle.
size_t vnp_core_glyph_index_marks(vnp_core_document *document, int index, const vnp_glyph_index_mark **marks);
extern const size_t vnp_glyph_index_mark_limit;

// MARK: Painted lines

/// A straight line the page paints: a stroked piece of a path, or a filled rectangle thin
/// enough to be a line (Word and LibreOffice draw cell borders that way). In points from the
/// page's top left; `thickness` is the pen's width or the rectangle's short side.
typedef struct {
    double x0, y0, x1, y1;
    double thickness;
    /// 1 for a filled rectangle, whose corners are (x0, y0) and (x1, y1).
    int filled;
} vnp_painted_line;

/// The axis-aligned lines page `index` (0-based) paints, drawing nothing else: no glyph, no
/// image, no shading. A piece is axis-aligned when its ends differ by at most `straightness`
/// across; a filled rectangle counts when its short side is at most `thickness` and under half
/// its long side. White lines are left out. At most `limit` lines; `*truncated` says whether
/// the page painted more. `*lines` stays valid until the next call on the handle.
size_t vnp_core_painted_lines(vnp_core_document *document, int index, double straightness, double thickness,
                              size_t limit, const vnp_painted_line **lines, int *truncated);

// MARK: Messages

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
