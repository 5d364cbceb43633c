# Fuzz targets (docs/fuzzing.md). A target is one file defining reader::fuzz::fuzzOne
# (fuzz_target.h), built twice:
#   test_fuzz_<name>  always: a doctest replaying regressions/<name>/ and corpus/<name>/ (CTest fuzz/<name>)
#   fuzz_<name>       with READER_FUZZ (the fuzz preset, clang): the libFuzzer binary, in <build>/fuzz-bin/,
#                     built by the target `fuzz_targets` and run by scripts/fuzz.sh
# Adding a target is one line at the end of this file: reader_fuzz_target(NAME SOURCE LIBS...).
option(READER_FUZZ "Build the libFuzzer binaries (needs clang; the fuzz preset sets it)" OFF)
set(READER_FUZZ_DIR "${CMAKE_CURRENT_LIST_DIR}")
if(READER_FUZZ)
  add_custom_target(fuzz_targets)
endif()

function(reader_fuzz_target name source)
  set(source "${READER_FUZZ_DIR}/${source}")
  add_executable(test_fuzz_${name} "${READER_FUZZ_DIR}/replay_test.cpp" "${source}")
  target_link_libraries(test_fuzz_${name} PRIVATE doctest_main ${ARGN})
  target_compile_definitions(test_fuzz_${name} PRIVATE READER_FUZZ_TARGET="${name}" READER_FUZZ_DIR="${READER_FUZZ_DIR}")
  reader_warnings(test_fuzz_${name})
  add_test(NAME fuzz/${name} COMMAND test_fuzz_${name})
  if(READER_FUZZ)
    add_executable(fuzz_${name} "${READER_FUZZ_DIR}/libfuzzer_main.cpp" "${source}")
    target_link_libraries(fuzz_${name} PRIVATE ${ARGN})
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    set_target_properties(fuzz_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/fuzz-bin")
    reader_warnings(fuzz_${name})
    add_dependencies(fuzz_targets fuzz_${name})
  endif()
endfunction()

reader_fuzz_target(loader fuzz_loader.cpp reader_core nlohmann_json_headers)
reader_fuzz_target(shard fuzz_shard.cpp reader_core nlohmann_json_headers)
reader_fuzz_target(split_index fuzz_split_index.cpp reader_core)
reader_fuzz_target(line_breaker fuzz_line_breaker.cpp reader_core)
reader_fuzz_target(layout fuzz_layout.cpp reader_core)
reader_fuzz_target(ruby_parser fuzz_ruby_parser.cpp reader_core)
if(TARGET reader_ingest)
  reader_fuzz_target(ingest fuzz_ingest.cpp reader_ingest reader_core)
endif()
reader_fuzz_target(frame fuzz_frame.cpp reader_ui)
