# Writes a script conversion table (core/script_converter.h) from OpenCC dictionaries: one
# "KEY<TAB>VALUE" line per entry, KEY a phrase or a character, VALUE its first candidate (OpenCC's
# default). Run at build time by cmake/opencc.cmake:
#   cmake "-DINPUTS=TSPhrases.txt;TSCharacters.txt" -DOUTPUT=t2s.txt -P gen_conversion_table.cmake
# The file is a data file the reader loads when asked. Entries keep the order of INPUTS; the reader sorts.
foreach(var INPUTS OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "gen_conversion_table.cmake needs -D${var}=...")
  endif()
endforeach()

set(table "")
foreach(input IN LISTS INPUTS)
  file(READ "${input}" content)
  # Only the first candidate of each entry: "KEY<TAB>A B C" -> "KEY<TAB>A".
  string(REGEX REPLACE " [^\n]*" "" content "${content}")
  string(REGEX REPLACE "\r" "" content "${content}")
  string(APPEND table "${content}")
  if(NOT table MATCHES "\n$")
    string(APPEND table "\n")
  endif()
endforeach()

file(WRITE "${OUTPUT}.tmp" "${table}")
# Replaced only when it changed, so that nothing depending on it is rebuilt for nothing.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
