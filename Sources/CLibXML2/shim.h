#include <libxml/xmlversion.h>
// libxml2 pulls in the system ICU, whose types clash with Foundation's copy.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

// xmlFree is a mutable C global, which Swift 6 refuses to touch from concurrent code.
static inline void vnplan_xmlFree(void *pointer) { xmlFree(pointer); }
