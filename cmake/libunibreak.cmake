# libunibreak (UAX #14 line breaking, zlib licence) compiled once per platform into a static library
# `unibreak`: only the line-breaking part. The same C sources and tables go into the native and the
# web build, so both break lines identically. LB30 needs East Asian Width, hence eastasianwidth*.c.
if(NOT EXISTS "${LIBUNIBREAK_DIR}/src/linebreak.c")
  message(FATAL_ERROR "libunibreak source not found in ${LIBUNIBREAK_DIR}: run ./dev build (it fetches it from Debian)")
endif()

add_library(unibreak STATIC
  ${LIBUNIBREAK_DIR}/src/linebreak.c
  ${LIBUNIBREAK_DIR}/src/linebreakdata.c
  ${LIBUNIBREAK_DIR}/src/linebreakdef.c
  ${LIBUNIBREAK_DIR}/src/unibreakdef.c
  ${LIBUNIBREAK_DIR}/src/eastasianwidthdef.c
  ${LIBUNIBREAK_DIR}/src/eastasianwidthdata.c)
target_include_directories(unibreak SYSTEM PUBLIC ${LIBUNIBREAK_DIR}/src)
set_target_properties(unibreak PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
