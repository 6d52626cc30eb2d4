# Project-wide options and warnings as INTERFACE targets (cpp-best-practices style).
add_library(marquee_options INTERFACE)
add_library(Marquee::options ALIAS marquee_options)
target_compile_features(marquee_options INTERFACE cxx_std_20)

option(MARQUEE_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
option(MARQUEE_SANITIZE "Build with AddressSanitizer and UBSan" OFF)

add_library(marquee_warnings INTERFACE)
add_library(Marquee::warnings ALIAS marquee_warnings)
# No -Wnull-dereference: at -O2 it reports false positives inside Boost.Asio headers.
target_compile_options(marquee_warnings INTERFACE
  -Wall -Wextra -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Woverloaded-virtual -Wnon-virtual-dtor -Wcast-align -Wunused -Wpedantic
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(MARQUEE_WARNINGS_AS_ERRORS)
  target_compile_options(marquee_warnings INTERFACE -Werror)
endif()

if(MARQUEE_SANITIZE)
  target_compile_options(marquee_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(marquee_options INTERFACE -fsanitize=address,undefined)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

# Qt hygiene (applied to Qt targets only).
set(MARQUEE_QT_DEFINES QT_NO_CAST_FROM_ASCII QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_URL_CAST_FROM_STRING)
