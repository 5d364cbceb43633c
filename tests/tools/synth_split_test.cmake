# tools/synth_split: `reader-tool synth` and `reader-tool split`, run as a user would.
# Usage: cmake -DTOOL=path/to/reader-tool -P synth_split_test.cmake
# synth: the same seed gives the same bytes (pinned by SHA-256, so that a change of the generator is
# a deliberate one: benchmarks compare bundles by seed), another seed other bytes, and the bundle
# passes `validate`. split: the files it writes, old shards removed, errors. That split + shards give
# the same articles as the bundle is checked by core/shard_loader.
if(NOT DEFINED TOOL)
  message(FATAL_ERROR "synth_split_test.cmake needs -DTOOL=...")
endif()

set(scratch "${CMAKE_CURRENT_BINARY_DIR}/synth_split_test")
file(REMOVE_RECURSE "${scratch}")
file(MAKE_DIRECTORY "${scratch}")

# Runs `reader-tool ARGS` and fails unless exit status, stdout and stderr are as expected
# (stderr: only its first line, when want_stderr ends with "\n..." the usage text may follow).
function(expect_tool want_rc want_stdout want_stderr)
  execute_process(COMMAND "${TOOL}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(want_stderr MATCHES "\n\\.\\.\\.$")
    string(REGEX REPLACE "\\.\\.\\.$" "" want_stderr "${want_stderr}")
    string(FIND "${err}" "${want_stderr}" at)
    set(err_ok FALSE)
    if(at EQUAL 0)
      set(err_ok TRUE)
    endif()
  else()
    set(err_ok FALSE)
    if(err STREQUAL want_stderr)
      set(err_ok TRUE)
    endif()
  endif()
  if(NOT rc STREQUAL want_rc OR NOT out STREQUAL want_stdout OR NOT err_ok)
    message(FATAL_ERROR "reader-tool ${ARGN}\n"
      "  exit status: ${rc} (wanted ${want_rc})\n"
      "  stdout: [${out}] (wanted [${want_stdout}])\n"
      "  stderr: [${err}] (wanted [${want_stderr}])")
  endif()
endfunction()

# [synth]
expect_tool(0 "" "" synth --articles 300 --seed 42 --out "${scratch}/a.json")
expect_tool(0 "" "" synth --seed 42 --articles 300 --out "${scratch}/b.json")
expect_tool(0 "" "" synth --articles 300 --seed 43 --out "${scratch}/c.json")
file(SHA256 "${scratch}/a.json" a)
file(SHA256 "${scratch}/b.json" b)
file(SHA256 "${scratch}/c.json" c)
if(NOT a STREQUAL b OR a STREQUAL c)
  message(FATAL_ERROR "synth: seed 42 twice gave ${a} and ${b}; seed 43 gave ${c}")
endif()
expect_tool(0 "ok\n" "" validate "${scratch}/a.json")

# Without --out the bundle goes to stdout; these bytes are pinned.
execute_process(COMMAND "${TOOL}" synth --articles 20 --seed 7 RESULT_VARIABLE rc OUTPUT_FILE "${scratch}/small.json")
file(SHA256 "${scratch}/small.json" small)
set(want_small 1fe3934f050838faf3041b9dcc4945587480ab59179d9762288e77573097faef)
if(NOT rc EQUAL 0 OR NOT small STREQUAL want_small)
  message(FATAL_ERROR "synth --articles 20 --seed 7: exit status ${rc}, SHA-256 ${small} (pinned ${want_small}).\n"
    "If the generator was changed on purpose, pin the new checksum.")
endif()
expect_tool(0 "ok\n" "" validate "${scratch}/small.json")
expect_tool(0 "" "" synth --articles 0 --seed 1 --out "${scratch}/empty.json")
expect_tool(0 "ok\n" "" validate "${scratch}/empty.json")

expect_tool(2 "" "reader-tool: synth needs --articles N and --seed S\n\n..."
  synth --articles 5)
expect_tool(2 "" "reader-tool: synth: --articles takes a whole number from 0 to 1000000, not \"ten\"\n\n..."
  synth --articles ten --seed 1)
expect_tool(2 "" "reader-tool: synth: --seed takes a whole number from 0 to 2^64-1, not \"-1\"\n\n..."
  synth --articles 5 --seed -1)
expect_tool(2 "" "reader-tool: synth: unknown option --colour\n\n..." synth --articles 5 --seed 1 --colour red)

# [split]
set(search_line "${scratch}/split/search/66d10592/: search index, manifest 1000 bytes, 11 shards, 273639 bytes in all\n")
expect_tool(0 "${scratch}/split/index.json: 300 articles, 5 shards of up to 64\n${search_line}" ""
  split "${scratch}/a.json" "${scratch}/split" --shard-articles 64)
foreach(shard 0000 0001 0002 0003 0004)
  if(NOT EXISTS "${scratch}/split/shards/${shard}.json")
    message(FATAL_ERROR "split: shards/${shard}.json is missing")
  endif()
endforeach()
file(READ "${scratch}/split/index.json" index)
string(FIND "${index}" "\"body\"" body)
string(FIND "${index}" "\"shard\":\"shards/0004.json\"" lastShard)
string(FIND "${index}" "\"version\":\"1.1\"" version)
if(NOT body EQUAL -1 OR lastShard EQUAL -1 OR version EQUAL -1)
  message(FATAL_ERROR "split: index.json should hold no body, point at shards/0004.json and say version 1.1")
endif()

# Splitting again into fewer shards leaves no stale one behind; other files stay.
file(WRITE "${scratch}/split/shards/notes.txt" "mine")
file(MAKE_DIRECTORY "${scratch}/split/search/0badbeef")  # an earlier build of the index
expect_tool(0 "${scratch}/split/index.json: 300 articles, 2 shards of up to 200\n${search_line}" ""
  split "${scratch}/a.json" "${scratch}/split")
if(EXISTS "${scratch}/split/search/0badbeef" OR NOT EXISTS "${scratch}/split/search/66d10592/0010.bin")
  message(FATAL_ERROR "split: a second split should leave this build's search index only")
endif()
file(READ "${scratch}/split/index.json" index)
if(NOT index MATCHES "\"searchIndex\": \"search/66d10592/manifest.bin\"")
  message(FATAL_ERROR "split: index.json should name its search index")
endif()

# [split-search] The split index answers as the whole bundle does: single characters, bigrams, longer
# words in either script, a miss; cold queries read only their own shards.
string(CONCAT split_search "\"消\": 299 results, same ids; cold: 1 shards, 26291 bytes\n"
  "\"投訴\": 290 results, same ids; cold: 1 shards, 26680 bytes\n"
  "\"消費者權益\": 150 results, same ids; cold: 3 shards, 79225 bytes\n"
  "\"消费者权益\": 150 results, same ids; cold: 3 shards, 79225 bytes\n"
  "\"熊猫\": 0 results, same ids; cold: 1 shards, 26729 bytes\n"
  "manifest 1000 bytes; 0 queries differ\n")
expect_tool(0 "${split_search}" "" split-search "${scratch}/a.json" "${scratch}/split" 消 投訴 消費者權益 消费者权益 熊猫)
# A shard cut short (the one 消 needs): refused by name, the query's answer is incomplete, exit 1.
file(WRITE "${scratch}/split/search/66d10592/0006.bin" "RSIS")
string(CONCAT cut_short "\"消\": 0 results, DIFFERENT ids; cold: 1 shards, 4 bytes; "
  "0006.bin: truncated or replaced: 4 bytes, the manifest says 26291\nmanifest 1000 bytes; 1 queries differ\n")
expect_tool(1 "${cut_short}" ""
  split-search "${scratch}/a.json" "${scratch}/split" 消)
if(EXISTS "${scratch}/split/shards/0002.json" OR NOT EXISTS "${scratch}/split/shards/0001.json"
   OR NOT EXISTS "${scratch}/split/shards/notes.txt")
  message(FATAL_ERROR "split: a second split should leave shards 0000-0001 and notes.txt only")
endif()

file(WRITE "${scratch}/broken.json" "{\"format\": {\"name\": \"article-reader-bundle\", \"version\": \"2.0\"}}\n")
string(CONCAT newer "${scratch}/broken.json: /format/version: this bundle is format version 2.0, "
  "newer than this reader supports (1.x); update the reader\n")
expect_tool(1 "" "${newer}" split "${scratch}/broken.json" "${scratch}/broken")
expect_tool(2 "" "reader-tool: split needs BUNDLE and OUTDIR\n\n..." split "${scratch}/a.json")
expect_tool(2 "" "reader-tool: split: --shard-articles takes a whole number above 0, not \"0\"\n\n..."
  split "${scratch}/a.json" "${scratch}/split" --shard-articles 0)

file(REMOVE_RECURSE "${scratch}")
