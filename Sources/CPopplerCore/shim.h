// poppler's core library (C++), used only by the PopplerCore target for what poppler-glib does
// not expose: which font object drew each glyph, and poppler's own error messages.
#include <poppler-config.h>
