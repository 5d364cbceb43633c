# Copies SOURCE_FILE to OUT with @READER_VERSION@ replaced by READER_VERSION (shell/reader.js's `version`).
# Usage: cmake -DSOURCE_FILE=shell/reader.js -DOUT=build/web/reader.js -DREADER_VERSION=1.0.0 -P stamp_version.cmake
cmake_minimum_required(VERSION 3.22)  # new policies: @VAR@ in a script is text, not a variable
foreach(var SOURCE_FILE OUT READER_VERSION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "stamp_version.cmake needs -D${var}=...")
  endif()
endforeach()
file(READ "${SOURCE_FILE}" text)
string(FIND "${text}" "@READER_VERSION@" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${SOURCE_FILE} has no @READER_VERSION@ to replace")
endif()
string(REPLACE "@READER_VERSION@" "${READER_VERSION}" text "${text}")
file(WRITE "${OUT}" "${text}")
