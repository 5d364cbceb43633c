# tools/version: `reader-tool --version` prints the version of the VERSION file, the one source of it.
# Usage: cmake -DTOOL=path/to/reader-tool -DSOURCE_DIR=path/to/repo -P version_test.cmake
foreach(var TOOL SOURCE_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "version_test.cmake needs -D${var}=...")
  endif()
endforeach()

file(STRINGS "${SOURCE_DIR}/VERSION" version LIMIT_COUNT 1)
if(NOT version MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "VERSION holds [${version}], not MAJOR.MINOR.PATCH")
endif()
execute_process(COMMAND "${TOOL}" --version RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc STREQUAL "0" OR NOT out STREQUAL "reader-tool ${version}\n" OR NOT err STREQUAL "")
  message(FATAL_ERROR "reader-tool --version\n"
    "  exit status: ${rc} (wanted 0)\n"
    "  stdout: [${out}] (wanted [reader-tool ${version}\\n])\n"
    "  stderr: [${err}] (wanted [])")
endif()
