# OpenCC 1.1.9 (Apache-2.0): only its character dictionaries are used, turned at build time into the
# folding table of search (wasm/core/text_fold.cpp) by cmake/gen_fold_table.cmake. No OpenCC code is
# compiled. The table is generated into the build folder, never committed.
set(OPENCC_DIR "${PROJECT_SOURCE_DIR}/.deps/opencc" CACHE PATH "OpenCC 1.1.9 source (fetched by ./dev from Debian)")
set(OPENCC_DICTIONARIES
  "${OPENCC_DIR}/data/dictionary/TSCharacters.txt"
  "${OPENCC_DIR}/data/dictionary/STCharacters.txt"
  "${OPENCC_DIR}/data/dictionary/TWVariants.txt"
  "${OPENCC_DIR}/data/dictionary/HKVariants.txt")
foreach(dictionary IN LISTS OPENCC_DICTIONARIES)
  if(NOT EXISTS "${dictionary}")
    message(FATAL_ERROR "OpenCC dictionary ${dictionary} not found: run ./dev build (it fetches OpenCC from Debian)")
  endif()
endforeach()

# Adds the generated `fold_table.inc` to TARGET (which includes it as "fold_table.inc"). Call it from
# the folder that defines TARGET: a custom command's output is only seen by targets of its own folder.
function(reader_fold_table target)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/generated")
  set(table "${dir}/fold_table.inc")
  add_custom_command(OUTPUT "${table}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${dir}"
    COMMAND ${CMAKE_COMMAND} "-DDICTIONARY_DIR=${OPENCC_DIR}/data/dictionary" "-DOUTPUT=${table}"
            -P "${PROJECT_SOURCE_DIR}/cmake/gen_fold_table.cmake"
    DEPENDS ${OPENCC_DICTIONARIES} "${PROJECT_SOURCE_DIR}/cmake/gen_fold_table.cmake"
    COMMENT "Generating the search folding table from OpenCC's character dictionaries"
    VERBATIM)
  target_sources(${target} PRIVATE "${table}")
  target_include_directories(${target} PRIVATE "${dir}")
endfunction()
