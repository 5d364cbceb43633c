# OpenCC 1.1.9 (Apache-2.0): only its dictionaries are used, turned at build time into the folding
# table of search (wasm/core/text_fold.cpp, cmake/gen_fold_table.cmake) and the script conversion
# tables (wasm/core/script_converter.h, cmake/gen_conversion_table.cmake). No OpenCC code is
# compiled. The tables are generated into the build folder, never committed.
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

# Adds the generated include file NAME (in the folder's generated/) to TARGET, written by the CMake
# script SCRIPT run with the -D ARGS, rebuilt when DEPENDS change. Call it from the folder that
# defines TARGET: a custom command's output is only seen by targets of its own folder.
function(reader_generated_include target name script comment)
  cmake_parse_arguments(PARSE_ARGV 4 gen "" "" "ARGS;DEPENDS")
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/generated")
  set(output "${dir}/${name}")
  add_custom_command(OUTPUT "${output}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${dir}"
    COMMAND ${CMAKE_COMMAND} ${gen_ARGS} "-DOUTPUT=${output}" -P "${PROJECT_SOURCE_DIR}/cmake/${script}"
    DEPENDS ${gen_DEPENDS} "${PROJECT_SOURCE_DIR}/cmake/${script}"
    COMMENT "${comment}"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
  target_include_directories(${target} PRIVATE "${dir}")
endfunction()

# Search's folding table, `fold_table.inc`.
function(reader_fold_table target)
  reader_generated_include(${target} fold_table.inc gen_fold_table.cmake
    "Generating the search folding table from OpenCC's character dictionaries"
    ARGS "-DDICTIONARY_DIR=${OPENCC_DIR}/data/dictionary" DEPENDS ${OPENCC_DICTIONARIES})
endfunction()

set(OPENCC_T2S "${OPENCC_DIR}/data/dictionary/TSPhrases.txt;${OPENCC_DIR}/data/dictionary/TSCharacters.txt")
set(OPENCC_S2T "${OPENCC_DIR}/data/dictionary/STPhrases.txt;${OPENCC_DIR}/data/dictionary/STCharacters.txt")

# Writes the script conversion tables, data files a reader loads when it first shows that script,
# into DIR (beside the web module, the desktop binary and reader-tool), built with TARGET:
# t2s.txt (Traditional -> Simplified, about 23 KB gzip) and s2t.txt (Simplified -> Traditional,
# about 420 KB gzip). Neither is compiled in: most visits never switch scripts (issue #16 item 4).
function(reader_script_table_files target dir)
  set(outputs)
  foreach(table t2s s2t)
    string(TOUPPER ${table} upper)
    add_custom_command(OUTPUT "${dir}/${table}.txt"
      COMMAND ${CMAKE_COMMAND} "-DINPUTS=${OPENCC_${upper}}" "-DOUTPUT=${dir}/${table}.txt"
              -P "${PROJECT_SOURCE_DIR}/cmake/gen_conversion_table.cmake"
      DEPENDS ${OPENCC_${upper}} "${PROJECT_SOURCE_DIR}/cmake/gen_conversion_table.cmake"
      COMMENT "Generating the ${table} table from OpenCC's dictionaries"
      VERBATIM)
    list(APPEND outputs "${dir}/${table}.txt")
  endforeach()
  add_custom_target(${target}_script_tables ALL DEPENDS ${outputs})
endfunction()
