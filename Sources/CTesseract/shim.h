#include <stdio.h>
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>

/// Replaces the C library's `stderr` stream and returns the one it replaced. libpng and
/// libjpeg print their complaints straight to `stderr` and offer leptonica's callers no hook;
/// the image decoder points it at a memory stream while it decodes.
static inline FILE *vnplan_swap_stderr(FILE *stream) {
    FILE *previous = stderr;
    stderr = stream;
    return previous;
}
