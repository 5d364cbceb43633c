# tools/ruby: `reader-tool ruby` and `reader-tool ruby --strip`, run as a user would.
# Usage: cmake -DTOOL=path/to/reader-tool -P ruby_test.cmake
# Each line of stdin is one paragraph: the toneless 的(de) is text on a line of its own and ruby on a
# line that also has a toned annotation. --strip keeps every other byte, the empty line and the
# missing final newline included.
if(NOT DEFINED TOOL)
  message(FATAL_ERROR "ruby_test.cmake needs -DTOOL=...")
endif()

set(scratch "${CMAKE_CURRENT_BINARY_DIR}/ruby_test")
file(REMOVE_RECURSE "${scratch}")
file(MAKE_DIRECTORY "${scratch}")
set(input "${scratch}/input.txt")
file(WRITE "${input}"
  "2023年(nián)第一(yī)次自治(zì zhì)區\n"
  "報(bào)訊(記者 王明)\n"
  "(各區(qū)、縣)（試行）A(ā)\n"
  "\n"
  "我的(de)書\n"
  "年（nián），好嗎(ma)")

# Runs `reader-tool ARGS < input` and fails unless exit status, stdout and stderr are as expected.
function(expect_ruby want_rc want_stdout want_stderr)
  execute_process(COMMAND "${TOOL}" ruby ${ARGN} INPUT_FILE "${input}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL want_rc OR NOT out STREQUAL want_stdout OR NOT err STREQUAL want_stderr)
    message(FATAL_ERROR "reader-tool ruby ${ARGN} < ${input}\n"
      "  exit status: ${rc} (wanted ${want_rc})\n"
      "  stdout: [${out}] (wanted [${want_stdout}])\n"
      "  stderr: [${err}] (wanted [${want_stderr}])")
  endif()
endfunction()

expect_ruby(0
  "年\tnián\n一\tyī\n自治\tzì zhì\n報\tbào\n區\tqū\n年\tnián\n嗎\tma\n"
  "")

expect_ruby(0
  "2023年第一次自治區\n報訊(記者 王明)\n(各區、縣)（試行）A(ā)\n\n我的(de)書\n年，好嗎"
  ""
  --strip)

# A wrong argument: exit status 2 and the reason first, then the usage text.
execute_process(COMMAND "${TOOL}" ruby --stripped INPUT_FILE "${input}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(FIND "${err}" "reader-tool: ruby takes no arguments but --strip\n\nusage: reader-tool COMMAND" at)
if(NOT rc EQUAL 2 OR NOT out STREQUAL "" OR NOT at EQUAL 0)
  message(FATAL_ERROR "reader-tool ruby --stripped: exit status ${rc} (wanted 2), stdout [${out}], stderr [${err}]")
endif()

file(REMOVE_RECURSE "${scratch}")
