# The sample bundle's images and attachment, drawn at build time by scripts/sample-assets.mjs (node)
# into DIR/sample-assets/, beside the copy of the sample the build serves or runs: never committed.
# reader_sample_assets(TARGET DIR [COPY_BUNDLE]): the files, and the sample copied to DIR when the
# build has no copy of it already (the native one); a target TARGET_sample_assets builds them.
function(reader_sample_assets target dir)
  set(bundle "${PROJECT_SOURCE_DIR}/data/sample-bundle.json")
  set(outputs "${dir}/sample-assets/complaints-chart.png" "${dir}/sample-assets/grassland.png"
    "${dir}/sample-assets/gongshi-banfa.pdf")
  add_custom_command(OUTPUT ${outputs}
    COMMAND node "${PROJECT_SOURCE_DIR}/scripts/sample-assets.mjs" "${bundle}" "${dir}"
    DEPENDS "${PROJECT_SOURCE_DIR}/scripts/sample-assets.mjs" "${PROJECT_SOURCE_DIR}/scripts/png.mjs" "${bundle}"
    COMMENT "Drawing the sample bundle's images and attachment into ${dir}/sample-assets"
    VERBATIM)
  if("COPY_BUNDLE" IN_LIST ARGN)
    add_custom_command(OUTPUT "${dir}/sample-bundle.json"
      COMMAND ${CMAKE_COMMAND} -E copy_if_different "${bundle}" "${dir}/sample-bundle.json"
      DEPENDS "${bundle}"
      COMMENT "Copying data/sample-bundle.json into ${dir}"
      VERBATIM)
    list(APPEND outputs "${dir}/sample-bundle.json")
  endif()
  add_custom_target(${target}_sample_assets ALL DEPENDS ${outputs})
endfunction()
