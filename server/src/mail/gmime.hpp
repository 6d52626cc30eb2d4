// GMime 3's C headers (MIME composition), included as a system header so the C-style casts
// in its GObject macros do not fail the -Werror build; plus RAII for its objects.
#pragma once
#pragma GCC system_header

#include <gmime/gmime.h>

#include <memory>

namespace marquee::server::mail::gm {

// Makes GMime usable; safe to call from any thread, any number of times.
void ensureInitialised();

struct ObjectUnref {
    void operator()(void* object) const { if (object != nullptr) g_object_unref(object); }
};
// Owns one reference of a GObject.
template <typename T>
using Ref = std::unique_ptr<T, ObjectUnref>;

} // namespace marquee::server::mail::gm
