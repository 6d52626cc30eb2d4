// libical's C headers, included as a system header so -Wold-style-cast and friends in its
// macros do not fail the -Werror build.
#pragma once
#pragma GCC system_header

#include <libical/ical.h>
