# tools/ingest: `reader-tool ingest`, run as a user would.
# Usage: cmake -DTOOL=path/to/reader-tool -DSOURCE_DIR=path/to/repo -P ingest_test.cmake
# The seed capture (shared/seed/ beside the repository) must become a bundle that `reader-tool
# validate` accepts; merged into the sample bundle it must leave it byte for byte as it was; merging
# the fixtures twice must add nothing; an unreadable page gives exit status 1 and the others are
# still written; a wrong command line gives 2.
foreach(var TOOL SOURCE_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "ingest_test.cmake needs -D${var}=...")
  endif()
endforeach()

get_filename_component(seed "${SOURCE_DIR}/../shared/seed/000_18c22c8b62b97626.txt" ABSOLUTE)
if(NOT EXISTS "${seed}")
  message(FATAL_ERROR "the seed capture is missing: ${seed} (shared/ must sit beside the repository)")
endif()
set(sample "${SOURCE_DIR}/data/sample-bundle.json")
set(fixtures "${SOURCE_DIR}/tests/fixtures/ingest")
set(pages "${fixtures}/gbk_table.html" "${fixtures}/big5_div.html" "${fixtures}/modern_utf8.html"
  "${fixtures}/gb18030_nometa.html")

set(scratch "${CMAKE_CURRENT_BINARY_DIR}/ingest_test")
file(REMOVE_RECURSE "${scratch}")
file(MAKE_DIRECTORY "${scratch}")

# Runs reader-tool with ARGN; fails unless the exit status is want_rc. Leaves stdout and stderr in
# the caller's `out` and `err`.
function(run_tool want_rc)
  execute_process(COMMAND "${TOOL}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT rc STREQUAL want_rc)
    message(FATAL_ERROR "reader-tool ${ARGN}\n  exit status: ${rc} (wanted ${want_rc})\n  stderr: ${stderr}")
  endif()
  set(out "${stdout}" PARENT_SCOPE)
  set(err "${stderr}" PARENT_SCOPE)
endfunction()

function(expect_in haystack needle what)
  string(FIND "${haystack}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what}: wanted [${needle}] in:\n${haystack}")
  endif()
endfunction()

function(expect_valid file)
  run_tool(0 validate "${file}")
  if(NOT out STREQUAL "ok\n")
    message(FATAL_ERROR "reader-tool validate ${file}: [${out}]")
  endif()
endfunction()

# The seed alone: a new bundle, valid, with its article and the site's facts reported.
run_tool(0 ingest "${seed}" --out "${scratch}/seed.json")
expect_valid("${scratch}/seed.json")
expect_in("${err}" "  title: 2023年(nián)第一(yī)次自(zì)治區知識産權戰略實施工(gōng)作廳際聯席會議召開\n" "report")
expect_in("${err}" "  published: 2023-08-17T22:10:37+08:00\n" "report")
expect_in("${err}" "  body: 6 paragraphs\n" "report")
expect_in("${err}" "  hotlines: 投訴電話 12315, 投訴電話 0471-6920007\n" "report")
expect_in("${err}" "  added: a-8c0bc04ffb05b626 in cat-e2bed3d3 (消協動态, new category)\n" "report")
file(READ "${scratch}/seed.json" seed_bundle)
expect_in("${seed_bundle}" "\"address\": \"呼和浩特市新城區興安南路9号 舊站\"" "seed bundle")
expect_in("${seed_bundle}" "\"visitorCount\": 2125453021" "seed bundle")

# The seed into the sample, to stdout: already there, so the sample comes out unchanged.
run_tool(0 ingest --into "${sample}" "${seed}")
file(READ "${sample}" sample_text)
if(NOT out STREQUAL sample_text)
  message(FATAL_ERROR "ingesting the seed into the sample changed it")
endif()
expect_in("${err}" "  already present: 2023-08-17-zhishichanquan-lianxi-huiyi\n" "report")

# A page that states no publish time is added, dated by the file's modification time, with a warning.
execute_process(COMMAND cp "${fixtures}/text_no_date.txt" "${scratch}/undated.txt")
execute_process(COMMAND touch -d "2024-01-25 08:00:00 +0800" "${scratch}/undated.txt" RESULT_VARIABLE touched)
if(NOT touched EQUAL 0)
  message(FATAL_ERROR "touch -d could not date ${scratch}/undated.txt")
endif()
run_tool(0 ingest "${scratch}/undated.txt" --out "${scratch}/undated.json")
expect_valid("${scratch}/undated.json")
expect_in("${err}" "  title: 春節前夕市消委會開展預付卡消費專項檢查\n" "report")
expect_in("${err}" "  warning: the page states no publish time; dated by the file's modification time, 2024-01-25T08:00:00+08:00\n" "report")

# The fixtures into the sample, twice: the second run adds nothing.
run_tool(0 ingest --into "${sample}" --out "${scratch}/once.json" ${pages})
expect_valid("${scratch}/once.json")
run_tool(0 ingest --into "${scratch}/once.json" --out "${scratch}/twice.json" ${pages} "${seed}")
file(READ "${scratch}/once.json" once)
file(READ "${scratch}/twice.json" twice)
if(NOT once STREQUAL twice)
  message(FATAL_ERROR "merging the fixtures a second time changed the bundle")
endif()
expect_in("${err}" "  already present: " "report")

# A page that cannot be read: exit status 1, the other page still written.
run_tool(1 ingest --out "${scratch}/partial.json" "${scratch}/no-such-page.html" "${seed}")
expect_in("${err}" "${scratch}/no-such-page.html: cannot read: No such file or directory\n" "report")
expect_valid("${scratch}/partial.json")

# A saved page ("save complete": the page and its _files folder) with --assets: its image copied
# beside the bundle, named by its bytes' hash (a GIF, whatever its name says), sized from the file.
file(MAKE_DIRECTORY "${scratch}/saved/saved_rich_files")
file(COPY "${fixtures}/saved_rich.html" DESTINATION "${scratch}/saved")
execute_process(COMMAND printf "GIF89a\\200\\002h\\001\\001\\001\\001" OUTPUT_FILE "${scratch}/saved/saved_rich_files/meeting.png")
run_tool(0 ingest --out "${scratch}/rich/bundle.json" --assets "${scratch}/rich/assets" "${scratch}/saved/saved_rich.html")
expect_valid("${scratch}/rich/bundle.json")
expect_in("${err}" "  body: 28 texts in 16 blocks (2 headings, 4 figures, 1 list, 1 table, 2 attachments)\n" "report")
expect_in("${err}" "  figures: 4 (1 copied into --assets)\n" "report")
file(GLOB copied RELATIVE "${scratch}/rich" "${scratch}/rich/assets/*")
list(LENGTH copied copies)
if(NOT copies EQUAL 1 OR NOT copied MATCHES "^assets/[0-9a-f]+\\.gif$")
  message(FATAL_ERROR "--assets: wanted one .gif in ${scratch}/rich/assets, got [${copied}]")
endif()
file(READ "${scratch}/rich/bundle.json" rich)
expect_in("${rich}" "\"version\": \"1.2\"" "rich bundle")
if(NOT rich MATCHES "\"src\": \"${copied}\",[ \n]+\"width\": 640,[ \n]+\"height\": 360")
  message(FATAL_ERROR "rich bundle: the copied image is not the figure's src with the file's size:\n${rich}")
endif()
run_tool(2 ingest --out "${scratch}/rich/bundle.json" --assets "${scratch}/elsewhere" "${scratch}/saved/saved_rich.html")
expect_in("${err}" "reader-tool: ingest: --assets \"${scratch}/elsewhere\" must be a folder inside the bundle's folder, named with A-Z a-z 0-9 . _ -\n" "usage")

# Wrong command lines.
run_tool(2 ingest)
run_tool(2 ingest --tz 8 "${seed}")
expect_in("${err}" "reader-tool: ingest: --tz wants an offset like +08:00, got \"8\"\n" "usage")
run_tool(2 ingest --url https://example.org/a.html "${seed}" "${seed}")

file(REMOVE_RECURSE "${scratch}")
