# tools/convert: `reader-tool convert --to simplified|traditional`, run as a user would, on the seed's
# mixed spellings; a wrong command line says so.
# Usage: cmake -DTOOL=path/to/reader-tool -P convert_test.cmake
if(NOT DEFINED TOOL)
  message(FATAL_ERROR "convert_test.cmake needs -DTOOL=...")
endif()

set(scratch "${CMAKE_CURRENT_BINARY_DIR}/convert_test")
file(REMOVE_RECURSE "${scratch}")
file(MAKE_DIRECTORY "${scratch}")
set(input "${scratch}/input.txt")
file(WRITE "${input}" "消協動态：自(zì)治區狀態，關于頭发\n")

function(expect_convert want_rc want_stdout)
  execute_process(COMMAND "${TOOL}" convert ${ARGN} INPUT_FILE "${input}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL want_rc OR NOT out STREQUAL want_stdout)
    message(FATAL_ERROR "reader-tool convert ${ARGN} < ${input}\n  exit status: ${rc} (wanted ${want_rc})\n"
      "  stdout: [${out}] (wanted [${want_stdout}])\n  stderr: [${err}]")
  endif()
endfunction()

expect_convert(0 "消协动态：自(zì)治区状态，关于头发\n" --to simplified)
expect_convert(0 "消協動態：自(zì)治區狀態，關於頭髮\n" --to traditional)
expect_convert(2 "" --to latin)
expect_convert(1 "" --to traditional --table "${scratch}/missing.txt")
