# tools/standalone: `reader-tool standalone`, run as a user would, on a web folder of its own: the
# real shell (reader.js and the modules beside it, page.css) with a stand-in module and wasm, so that
# the native tests need no web build (tests/browser/standalone.test.mjs opens the real page).
# Usage: cmake -DTOOL=path/to/reader-tool -DSOURCE_DIR=path/to/repo -P standalone_test.cmake
foreach(var TOOL SOURCE_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "standalone_test.cmake needs -D${var}=...")
  endif()
endforeach()

set(scratch "${CMAKE_CURRENT_BINARY_DIR}/standalone_test")
file(REMOVE_RECURSE "${scratch}")
file(MAKE_DIRECTORY "${scratch}/web")
file(GLOB shell_modules "${SOURCE_DIR}/shell/*.js")
file(COPY ${shell_modules} "${SOURCE_DIR}/shell/page.css" DESTINATION "${scratch}/web")
# Emscripten's ES module factory has this shape (-sMODULARIZE -sEXPORT_ES6), with a '</script>' in
# a string, as minified code may have.
file(WRITE "${scratch}/web/reader-module.js"
  "var createReaderModule = (() => {\n"
  "  var _scriptDir = import.meta.url;\n"
  "  return (function(m) { m.note = '</script><!-- in a string'; return m; });\n"
  "})();\n"
  "export default createReaderModule;\n")
file(WRITE "${scratch}/web/reader-module.wasm" "abc")
file(WRITE "${scratch}/web/t2s.txt" "乾淨\t干净\n")

# An untrusted bundle: the sample with markup in an article's title and in the site's name.
file(READ "${SOURCE_DIR}/data/sample-bundle.json" sample)
string(JSON sample SET "${sample}" articles 0 title "\"</script><script>window.pwned=1</script><!-- x\"")
string(JSON sample SET "${sample}" site name "\"</title><script>window.pwned=2</script>\"")
file(WRITE "${scratch}/evil.json" "${sample}")

function(run_tool)
  execute_process(COMMAND "${TOOL}" standalone ${ARGN}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(rc "${rc}" PARENT_SCOPE)
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()
# expect(WHAT CONDITION...): fails with WHAT and the last run's output unless if(CONDITION) holds.
function(expect what)
  if(NOT (${ARGN}))
    message(FATAL_ERROR "standalone: ${what}\n  exit status: ${rc}\n  stdout: [${out}]\n  stderr: [${err}]")
  endif()
endfunction()

# A good run.
set(page "${scratch}/page.html")
run_tool("${scratch}/evil.json" "${page}" --web "${scratch}/web")
expect("wanted exit status 0" rc EQUAL 0)
file(READ "${page}" html)
string(REGEX MATCHALL "</[sS][cC][rR][iI][pP][tT]" closers "${html}")
list(LENGTH closers n)
expect("wanted 4 '</script' (the three data blocks and the module script), found ${n}" n EQUAL 4)
string(FIND "${html}" "<!--" at)
expect("'<!--' left in the page" at EQUAL -1)
string(FIND "${html}" "\\u003c/script>\\u003cscript>window.pwned=1\\u003c/script>\\u003c!-- x" at)
expect("the title's markup is not escaped as \\u003c" NOT at EQUAL -1)
string(FIND "${html}" "<title>&lt;/title&gt;&lt;script&gt;window.pwned=2&lt;/script&gt;</title>" at)
expect("the site's name is not escaped in <title>" NOT at EQUAL -1)
string(FIND "${html}" "<script type=\"application/octet-stream\" id=\"reader-wasm\">YWJj</script>" at)
expect("the wasm is not there in base64" NOT at EQUAL -1)
string(FIND "${html}" "<script type=\"text/plain\" id=\"reader-t2s\">乾淨\t干净\n</script>" at)
expect("the t2s table is not there as text" NOT at EQUAL -1)
string(FIND "${html}" "'<\\/script><\\!-- in a string'" at)
expect("the module's string is not escaped" NOT at EQUAL -1)
string(REGEX MATCH "\n[ \t]*(import|export)[ \t{]" left "${html}")
expect("an import or export statement is left: ${left}" NOT left)
string(FIND "${html}" "const module_reader_js = (() => {" at)
expect("reader.js is not in a scope of its own" NOT at EQUAL -1)
# Every module reader.js reaches, each in a scope of its own after the modules it imports; none of
# the page's own scripts.
# Two chains of imports: module_memory.js <- session.js <- mount.js <- reader.js, and
# reader-module.js <- module_start.js <- mount.js.
function(expect_import_order)
  set(previous -1)
  foreach(name ${ARGN})
    string(FIND "${html}" "const module_${name} = (() => {" at)
    expect("module_${name} is not in a scope of its own after the modules it imports" at GREATER previous)
    set(previous ${at})
  endforeach()
endfunction()
expect_import_order(module_memory_js session_js mount_js reader_js)
expect_import_order(reader_module_js module_start_js mount_js)
string(FIND "${html}" "const module_page_js" at)
expect("page.js is inlined, though reader.js does not import it" at EQUAL -1)
string(REGEX MATCH "script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'" csp "${html}")
expect("no Content-Security-Policy with the script's hash" csp)

# Images: the files the figures name beside the bundle (drawn as the build draws the sample's)
# become data: URIs in it, and stdout says how many bytes they added; the attachment's PDF stays a
# path; a file that only calls itself a PNG stays a path, with a warning; the page lets images come
# from data: URIs and nothing else in.
execute_process(COMMAND node "${SOURCE_DIR}/scripts/sample-assets.mjs" "${scratch}/evil.json" "${scratch}" RESULT_VARIABLE drawn)
expect("node scripts/sample-assets.mjs failed" drawn EQUAL 0)
file(WRITE "${scratch}/sample-assets/grassland.png" "<svg onload=alert(1)>")
file(SIZE "${scratch}/sample-assets/complaints-chart.png" chart)
math(EXPR added "(${chart} + 2) / 3 * 4 + 22 - 34")  # base64 and "data:image/png;base64," for "sample-assets/complaints-chart.png"
run_tool("${scratch}/evil.json" "${scratch}/images.html" --web "${scratch}/web")
expect("images: wanted exit status 0" rc EQUAL 0)
string(FIND "${out}" "\nimages: 1 inlined, ${added} bytes added\n" at)
expect("images: stdout does not say that one image added ${added} bytes" NOT at EQUAL -1)
expect("images: the warning is not word for word" err STREQUAL
  "${scratch}/sample-assets/grassland.png: not inlined, the page shows its alt text: not a PNG, JPEG, WebP or GIF image\n")
file(READ "${scratch}/images.html" html)
# (CMake wrote evil.json: `"key" : "value"`.)
string(REGEX MATCH "\"src\" *: *\"data:image/png;base64,iVBORw0KGgo" found "${html}")
expect("images: the chart is not a data: URI" found)
string(REGEX MATCH "\"src\" *: *\"sample-assets/grassland.png\"" found "${html}")
expect("images: the file that is no image is not left as a path" found)
string(REGEX MATCH "\"href\" *: *\"sample-assets/gongshi-banfa.pdf\"" found "${html}")
expect("images: the attachment is not left as a path" found)
string(FIND "${html}" "; img-src data: blob:; connect-src data:\">" at)
expect("images: the Content-Security-Policy does not let data: images in" NOT at EQUAL -1)

# A bundle that is not format v1 is refused, located.
file(WRITE "${scratch}/broken.json" "{\n  \"format\": {\"name\": \"article-reader-bundle\", \"version\": \"1.0\"},\n}\n")
run_tool("${scratch}/broken.json" "${scratch}/broken.html" --web "${scratch}/web")
expect("a broken bundle: wanted exit status 1" rc EQUAL 1)
string(FIND "${err}" "${scratch}/broken.json:3:" at)
expect("a broken bundle: the error does not say where" NOT at EQUAL -1)
expect("a page was written for a broken bundle" NOT EXISTS "${scratch}/broken.html")

# A shell module with an export the tool does not know how to inline is an error, not a broken page.
file(APPEND "${scratch}/web/bundle_fetch.js" "export * from './elsewhere.js';\n")
run_tool("${scratch}/evil.json" "${scratch}/other.html" --web "${scratch}/web")
expect("an unknown export: wanted exit status 1" rc EQUAL 1)
string(FIND "${err}" "bundle_fetch.js:" at)
expect("an unknown export: the error does not name the file" NOT at EQUAL -1)

# An import cycle cannot be function scopes in order; a module that imports a missing file.
file(COPY ${shell_modules} DESTINATION "${scratch}/web")
file(APPEND "${scratch}/web/reader.js" "import { mount as again } from './reader.js';\n")
run_tool("${scratch}/evil.json" "${scratch}/other.html" --web "${scratch}/web")
expect("an import cycle: wanted exit status 1" rc EQUAL 1)
expect("an import cycle: the error is not word for word"
  err STREQUAL "${scratch}/web/reader.js: an import cycle this tool cannot inline: reader.js -> reader.js\n")
file(COPY "${SOURCE_DIR}/shell/reader.js" DESTINATION "${scratch}/web")
file(APPEND "${scratch}/web/reader.js" "import { gone } from './missing.js';\n")
run_tool("${scratch}/evil.json" "${scratch}/other.html" --web "${scratch}/web")
expect("a missing module: wanted exit status 1" rc EQUAL 1)
expect("a missing module: the error is not word for word" err STREQUAL
  "${scratch}/web/missing.js: cannot read: No such file or directory (build the web reader first, or pass --web DIR)\n")
expect("a page was written for a missing module" NOT EXISTS "${scratch}/other.html")

# A t2s table with '<' in it could end its data block: refused.
file(WRITE "${scratch}/web/t2s.txt" "</script>\tx\n")
run_tool("${scratch}/evil.json" "${scratch}/other.html" --web "${scratch}/web")
expect("a t2s table with '<': wanted exit status 1" rc EQUAL 1)
expect("a t2s table with '<': the error is not word for word" err STREQUAL "${scratch}/web/t2s.txt: contains \"<\"\n")

# A web folder without the module; a wrong command line.
run_tool("${scratch}/evil.json" "${scratch}/other.html" --web "${scratch}/nowhere")
expect("a missing web build: wanted exit status 1" rc EQUAL 1)
string(FIND "${err}" "nowhere/page.css: cannot read" at)
expect("a missing web build: the error does not name the file" NOT at EQUAL -1)
run_tool("${scratch}/evil.json")
expect("one argument: wanted exit status 2" rc EQUAL 2)

file(REMOVE_RECURSE "${scratch}")
