# Header-only libraries from Debian's packages. For the web build the machine's /usr/include must
# not be on the include path (it would shadow Emscripten's libc headers), so each library gets a
# private include folder holding only a link to its own headers.
function(reader_header_library target header_subdir probe)
  find_path(${target}_ROOT ${probe} PATHS /usr/include NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  if(NOT ${target}_ROOT)
    message(FATAL_ERROR "${probe} not found under /usr/include (./dev installs it)")
  endif()
  set(dir "${CMAKE_BINARY_DIR}/deps-include/${target}")
  if(NOT EXISTS "${dir}/${header_subdir}")
    file(MAKE_DIRECTORY "${dir}")
    file(CREATE_LINK "${${target}_ROOT}/${header_subdir}" "${dir}/${header_subdir}" SYMBOLIC)
  endif()
  add_library(${target} INTERFACE)
  target_include_directories(${target} SYSTEM INTERFACE "${dir}")
endfunction()
