#include <poppler.h>
#include <cairo.h>
#include <cairo-script.h>
