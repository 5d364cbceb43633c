# tools/validate: `reader-tool validate`, run as a user would.
# Usage: cmake -DTOOL=path/to/reader-tool -DSOURCE_DIR=path/to/repo -P validate_test.cmake
# The sample bundle must pass with "ok"; broken bundles must fail with exit status 1 and the file,
# line and column (or JSON Pointer) of their first error.
foreach(var TOOL SOURCE_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "validate_test.cmake needs -D${var}=...")
  endif()
endforeach()

# Runs `reader-tool validate FILE` and fails unless exit status, stdout and stderr are as expected.
function(expect_validate file want_rc want_stdout want_stderr)
  execute_process(COMMAND "${TOOL}" validate "${file}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL want_rc OR NOT out STREQUAL want_stdout OR NOT err STREQUAL want_stderr)
    message(FATAL_ERROR "reader-tool validate ${file}\n"
      "  exit status: ${rc} (wanted ${want_rc})\n"
      "  stdout: [${out}] (wanted [${want_stdout}])\n"
      "  stderr: [${err}] (wanted [${want_stderr}])")
  endif()
endfunction()

expect_validate("${SOURCE_DIR}/data/sample-bundle.json" 0 "ok\n" "")

# Broken bundles go to a folder of their own under the working directory (CTest's build folder).
set(scratch "${CMAKE_CURRENT_BINARY_DIR}/validate_test")
file(REMOVE_RECURSE "${scratch}")
file(MAKE_DIRECTORY "${scratch}")

# A trailing comma on line 3, after two Chinese characters: the column counts characters, not bytes.
set(syntax "${scratch}/syntax.json")
file(WRITE "${syntax}"
  "{\n"
  "  \"format\": {\"name\": \"article-reader-bundle\", \"version\": \"1.0\"},\n"
  "  \"site\": {\"name\": \"消協\",}\n"
  "}\n")
expect_validate("${syntax}" 1 ""
  "${syntax}:3:25: syntax error while parsing object key - unexpected '}'; expected string literal\n")

set(schema "${scratch}/schema.json")
file(WRITE "${schema}" "{\"format\": {\"name\": \"article-reader-bundle\", \"version\": \"2.0\"}}\n")
string(CONCAT newer "${schema}: /format/version: this bundle is format version 2.0, "
  "newer than this reader supports (1.x); update the reader\n")
expect_validate("${schema}" 1 "" "${newer}")

file(REMOVE_RECURSE "${scratch}")
