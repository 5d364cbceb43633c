# Writes search's folding table (for text_fold.cpp) from OpenCC's character dictionaries: rows
# {FROM, TO} sorted by FROM, delta-coded as bytes (FROM minus the previous FROM, then TO minus FROM
# zigzagged, each a LEB128 varint), 13 KB where 32-bit pairs take 33 KB (10 KB gzip against 16 KB in
# the web module, which every first visit downloads). Run at build time by cmake/opencc.cmake, the same way for the native and the web build:
#   cmake -DDICTIONARY_DIR=.deps/opencc/data/dictionary -DOUTPUT=fold_table.inc -P gen_fold_table.cmake
# A CMake script, not a program: the web build cannot run what em++ compiles, and CMake is the one
# tool both builds are sure to have.
#
# Each dictionary line is `KEY<TAB>CANDIDATE[ CANDIDATE...]`, one character each. Rules, in order
# (a character mapped by an earlier rule keeps that mapping):
# 1. TSCharacters (traditional -> simplified): KEY -> its FIRST candidate (動 -> 动, 態 -> 态).
# 2. STCharacters (simplified -> traditional): each candidate that rule 1 left unmapped and that is
#    not itself a simplified key -> KEY (牠 -> 它).
# 3. TWVariants, HKVariants (OpenCC's traditional -> regional variants): each variant -> the fold of
#    KEY (偽 -> fold(僞) = 伪), unless the variant is a simplified key or any TS candidate (吃, 台 stay).
# Then chains are followed to their end, so folding twice is folding once, and identities are dropped.
# Code points are handled as decimal numbers: CMake has no ord(), so UTF-8 is decoded by hand.
foreach(var DICTIONARY_DIR OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "gen_fold_table.cmake needs -D${var}=...")
  endif()
endforeach()

# One character (UTF-8) -> its code point, in decimal.
function(code_point ch out)
  string(HEX "${ch}" hex)
  string(LENGTH "${hex}" digits)
  if(digits EQUAL 2)
    math(EXPR cp "0x${hex}")
  elseif(digits EQUAL 4)
    string(SUBSTRING "${hex}" 0 2 b0)
    string(SUBSTRING "${hex}" 2 2 b1)
    math(EXPR cp "((0x${b0} & 0x1F) << 6) | (0x${b1} & 0x3F)")
  elseif(digits EQUAL 6)
    string(SUBSTRING "${hex}" 0 2 b0)
    string(SUBSTRING "${hex}" 2 2 b1)
    string(SUBSTRING "${hex}" 4 2 b2)
    math(EXPR cp "((0x${b0} & 0x0F) << 12) | ((0x${b1} & 0x3F) << 6) | (0x${b2} & 0x3F)")
  elseif(digits EQUAL 8)
    string(SUBSTRING "${hex}" 0 2 b0)
    string(SUBSTRING "${hex}" 2 2 b1)
    string(SUBSTRING "${hex}" 4 2 b2)
    string(SUBSTRING "${hex}" 6 2 b3)
    math(EXPR cp "((0x${b0} & 0x07) << 18) | ((0x${b1} & 0x3F) << 12) | ((0x${b2} & 0x3F) << 6) | (0x${b3} & 0x3F)")
  else()
    message(FATAL_ERROR "gen_fold_table: \"${ch}\" is not one character")
  endif()
  set(${out} ${cp} PARENT_SCOPE)
endfunction()

# Reads DICTIONARY_DIR/NAME into the list `${prefix}_keys` (code points) and, for each key K,
# `${prefix}_${K}` (its candidates' code points, in OpenCC's order).
macro(read_dictionary name prefix)
  set(path "${DICTIONARY_DIR}/${name}")
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "gen_fold_table: ${path} not found")
  endif()
  file(STRINGS "${path}" lines ENCODING UTF-8)
  set(${prefix}_keys)
  foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^#")
      continue()
    endif()
    if(NOT line MATCHES "^([^\t ]+)\t([^\t]+)$")
      message(FATAL_ERROR "gen_fold_table: ${name}: unexpected line \"${line}\"")
    endif()
    set(keyText "${CMAKE_MATCH_1}")
    string(REPLACE " " ";" candidates "${CMAKE_MATCH_2}")
    code_point("${keyText}" key)
    set(values)
    foreach(candidate IN LISTS candidates)
      code_point("${candidate}" value)
      list(APPEND values ${value})
    endforeach()
    list(APPEND ${prefix}_keys ${key})
    set(${prefix}_${key} ${values})
  endforeach()
endmacro()

read_dictionary(TSCharacters.txt ts)
read_dictionary(STCharacters.txt st)
read_dictionary(TWVariants.txt tw)
read_dictionary(HKVariants.txt hk)

# `fold_${cp}` holds the mapping of cp; `mapped` lists the mapped code points.
set(mapped)
foreach(key IN LISTS ts_keys)
  list(GET ts_${key} 0 first)
  set(fold_${key} ${first})
  list(APPEND mapped ${key})
  foreach(value IN LISTS ts_${key})
    set(tsValue_${value} 1)
  endforeach()
endforeach()
foreach(key IN LISTS st_keys)
  set(stKey_${key} 1)
endforeach()

# Rule 2.
foreach(key IN LISTS st_keys)
  foreach(value IN LISTS st_${key})
    if(NOT value EQUAL key AND NOT DEFINED fold_${value} AND NOT DEFINED stKey_${value})
      set(fold_${value} ${key})
      list(APPEND mapped ${value})
    endif()
  endforeach()
endforeach()

# The end of cp's chain of mappings; a cycle is an error (the dictionaries have none).
function(resolve cp out)
  set(at ${cp})
  foreach(step RANGE 8)
    if(NOT DEFINED fold_${at} OR fold_${at} EQUAL at)
      set(${out} ${at} PARENT_SCOPE)
      return()
    endif()
    set(at ${fold_${at}})
  endforeach()
  message(FATAL_ERROR "gen_fold_table: a cycle of mappings through code point ${cp}")
endfunction()

# Rule 3.
foreach(prefix tw hk)
  foreach(key IN LISTS ${prefix}_keys)
    resolve(${key} target)
    foreach(value IN LISTS ${prefix}_${key})
      if(NOT value EQUAL key AND NOT value EQUAL target AND NOT DEFINED fold_${value}
         AND NOT DEFINED stKey_${value} AND NOT DEFINED tsValue_${value})
        set(fold_${value} ${target})
        list(APPEND mapped ${value})
      endif()
    endforeach()
  endforeach()
endforeach()

list(REMOVE_DUPLICATES mapped)
list(SORT mapped COMPARE NATURAL)
# Appends VALUE (>= 0) to the list BYTES as a LEB128 varint: 7 bits a byte, low first, the high
# bit set on every byte but the last.
macro(append_varint value)
  set(rest ${value})
  while(rest GREATER_EQUAL 128)
    math(EXPR byte "(${rest} & 127) | 128")
    list(APPEND bytes ${byte})
    math(EXPR rest "${rest} >> 7")
  endwhile()
  list(APPEND bytes ${rest})
endmacro()

set(bytes "")
set(count 0)
set(previous 0)
foreach(cp IN LISTS mapped)
  resolve(${cp} target)
  if(target EQUAL cp)
    continue()
  endif()
  math(EXPR step "${cp} - ${previous}")
  append_varint(${step})
  math(EXPR delta "${target} - ${cp}")
  if(delta LESS 0)
    math(EXPR zigzag "-2 * ${delta} - 1")
  else()
    math(EXPR zigzag "2 * ${delta}")
  endif()
  append_varint(${zigzag})
  set(previous ${cp})
  math(EXPR count "${count} + 1")
endforeach()
list(JOIN bytes "," text)
string(REGEX REPLACE "(([0-9]+,){32})" "\\1\n" text "${text}")

file(WRITE "${OUTPUT}"
  "// Generated by cmake/gen_fold_table.cmake from OpenCC's TSCharacters, STCharacters, TWVariants\n"
  "// and HKVariants: ${count} rows {from, to}, sorted by from, delta-coded. Do not edit.\n"
  "constexpr size_t kOpenCCFoldRows = ${count};\n"
  "constexpr unsigned char kOpenCCFoldBytes[] = {\n${text}};\n")
