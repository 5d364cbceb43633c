# tools/breaks: `reader-tool breaks`, run as a user would.
# Usage: cmake -DTOOL=path/to/reader-tool -P breaks_test.cmake
# Lines of hex code points in, the same lines with UAX #14's ÷ (break) and × (no break) out, exactly
# as LineBreakTest.txt writes them; a line of that file, marks and comment included, reads the same.
cmake_policy(SET CMP0007 NEW)  # list() keeps empty elements
if(NOT DEFINED TOOL)
  message(FATAL_ERROR "breaks_test.cmake needs -DTOOL=...")
endif()

set(scratch "${CMAKE_CURRENT_BINARY_DIR}/breaks_test")
file(REMOVE_RECURSE "${scratch}")
file(MAKE_DIRECTORY "${scratch}")

# Runs `reader-tool breaks ARGS` with INPUT on stdin; fails unless exit status, stdout and stderr are
# as expected.
function(expect_breaks input want_rc want_stdout want_stderr)
  file(WRITE "${scratch}/input.txt" "${input}")
  execute_process(COMMAND "${TOOL}" breaks ${ARGN} INPUT_FILE "${scratch}/input.txt"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL want_rc OR NOT out STREQUAL want_stdout OR NOT err STREQUAL want_stderr)
    message(FATAL_ERROR "reader-tool breaks ${ARGN} < [${input}]\n"
      "  exit status: ${rc} (wanted ${want_rc})\n"
      "  stdout: [${out}] (wanted [${want_stdout}])\n"
      "  stderr: [${err}] (wanted [${want_stderr}])")
  endif()
endfunction()

# Untailored UAX #14: a break before the '(' of 年(nián) (the reader's Chinese rules glue it), none
# inside 0-1 (HY × NU), one between two CJK Extension B ideographs; blank and comment lines print
# nothing; lower-case hex is read.
string(CONCAT input
  "0023 0023\n"
  "× 0023 × 0020 ÷ 0023 ÷\t#  × [0.3] NUMBER SIGN (AL) × [7.01] SPACE (SP) ÷ [18.0] NUMBER SIGN (AL) ÷ [0.3]\n"
  "\n"
  "# a comment\n"
  "5E74 0028 006E 0069 00E1 006E 0029\n"
  "0030 002D 0031\n"
  "20000 20001\n"
  "4e00 3002 4e00\n")
string(CONCAT output
  "× 0023 × 0023 ÷\n"
  "× 0023 × 0020 ÷ 0023 ÷\n"
  "× 5E74 ÷ 0028 × 006E × 0069 × 00E1 × 006E × 0029 ÷\n"
  "× 0030 × 002D × 0031 ÷\n"
  "× 20000 ÷ 20001 ÷\n"
  "× 4E00 × 3002 ÷ 4E00 ÷\n")
expect_breaks("${input}" 0 "${output}" "")

# Lines libunibreak alone gets wrong: LB25 as UAX #14's Example 7 regular expression (} ÷ %,
# a. ÷ 2, while 1/2 stays whole) and LB30b for an unassigned pictograph before an emoji modifier.
string(CONCAT input "007D 0025\n" "0061 002E 0032\n" "0031 002F 0032\n" "1F02C 1F3FF\n")
string(CONCAT output "× 007D ÷ 0025 ÷\n" "× 0061 × 002E ÷ 0032 ÷\n" "× 0031 × 002F × 0032 ÷\n" "× 1F02C × 1F3FF ÷\n")
expect_breaks("${input}" 0 "${output}" "")

# Every line of Unicode's LineBreakTest.txt reads the same, marks included (all 7,654 of 15.0).
if(NOT DEFINED LINE_BREAK_TEST)
  set(LINE_BREAK_TEST "/usr/share/unicode/auxiliary/LineBreakTest.txt")
endif()
execute_process(COMMAND "${TOOL}" breaks INPUT_FILE "${LINE_BREAK_TEST}" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc STREQUAL 0)
  message(FATAL_ERROR "reader-tool breaks < ${LINE_BREAK_TEST}: exit status ${rc}")
endif()
file(STRINGS "${LINE_BREAK_TEST}" expected REGEX "^×" ENCODING UTF-8)
list(TRANSFORM expected REPLACE "[ \t]*#.*$" "")
string(REPLACE "\n" ";" got "${out}")
list(REMOVE_ITEM got "")
list(LENGTH expected lines)
list(LENGTH got got_lines)
if(NOT lines EQUAL 7654 OR NOT got_lines EQUAL lines)
  message(FATAL_ERROR "${LINE_BREAK_TEST}: ${lines} test lines (wanted 7654), reader-tool printed ${got_lines}")
endif()
set(failed 0)
foreach(want have IN ZIP_LISTS expected got)
  if(NOT want STREQUAL have)
    math(EXPR failed "${failed} + 1")
    if(failed LESS 5)
      message("  wanted: ${want}\n  got:    ${have}")
    endif()
  endif()
endforeach()
if(NOT failed EQUAL 0)
  message(FATAL_ERROR "reader-tool breaks: ${failed} of ${lines} LineBreakTest.txt lines differ")
endif()

# Not a code point: the line number and the token; lines before it are printed.
expect_breaks("0041\n0041 zz\n" 1 "× 0041 ÷\n" "stdin:2: \"zz\" is not a code point (hex, 0 to 10FFFF)\n")
expect_breaks("110000\n" 1 "" "stdin:1: \"110000\" is not a code point (hex, 0 to 10FFFF)\n")

# Arguments are a usage error (exit status 2); the usage text goes to stderr.
execute_process(COMMAND "${TOOL}" breaks extra RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc STREQUAL 2)
  message(FATAL_ERROR "reader-tool breaks extra: exit status ${rc} (wanted 2)")
endif()

file(REMOVE_RECURSE "${scratch}")
