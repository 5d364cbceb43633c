# tools/breaks: `reader-tool breaks`, run as a user would.
# Usage: cmake -DTOOL=path/to/reader-tool -P breaks_test.cmake
# Lines of hex code points in, the same lines with UAX #14's ÷ (break) and × (no break) out, exactly
# as LineBreakTest.txt writes them; a line of that file, marks and comment included, reads the same.
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

# Not a code point: the line number and the token; lines before it are printed.
expect_breaks("0041\n0041 zz\n" 1 "× 0041 ÷\n" "stdin:2: \"zz\" is not a code point (hex, 0 to 10FFFF)\n")
expect_breaks("110000\n" 1 "" "stdin:1: \"110000\" is not a code point (hex, 0 to 10FFFF)\n")

# Arguments are a usage error (exit status 2); the usage text goes to stderr.
execute_process(COMMAND "${TOOL}" breaks extra RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
if(NOT rc STREQUAL 2)
  message(FATAL_ERROR "reader-tool breaks extra: exit status ${rc} (wanted 2)")
endif()

file(REMOVE_RECURSE "${scratch}")
