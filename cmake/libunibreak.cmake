# libunibreak (UAX #14 line breaking, zlib licence) compiled once per platform into a static library
# `unibreak`: the line-breaking part and grapheme clusters (UAX #29, for the cap on a cluster's length,
# core/grapheme_clusters.h). The same C sources and tables go into the native and the web build, so
# both break lines identically. LB30 needs East Asian Width, hence eastasianwidth*.c; clusters need
# Extended_Pictographic (GB11), hence emojidef.c.
if(NOT EXISTS "${LIBUNIBREAK_DIR}/src/linebreak.c")
  message(FATAL_ERROR "libunibreak source not found in ${LIBUNIBREAK_DIR}: run ./dev build (it fetches it from Debian)")
endif()

add_library(unibreak STATIC
  ${LIBUNIBREAK_DIR}/src/linebreak.c
  ${LIBUNIBREAK_DIR}/src/linebreakdata.c
  ${LIBUNIBREAK_DIR}/src/linebreakdef.c
  ${LIBUNIBREAK_DIR}/src/unibreakdef.c
  ${LIBUNIBREAK_DIR}/src/eastasianwidthdef.c
  ${LIBUNIBREAK_DIR}/src/eastasianwidthdata.c
  ${LIBUNIBREAK_DIR}/src/graphemebreak.c
  ${LIBUNIBREAK_DIR}/src/emojidef.c)
target_include_directories(unibreak SYSTEM PUBLIC ${LIBUNIBREAK_DIR}/src)
set_target_properties(unibreak PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
