# Dear ImGui compiled once per platform into static libraries:
#   imgui          core (no backend), with our imconfig
#   imgui_opengl3  OpenGL3 renderer backend (native only: the web has its own, webgl_renderer.cpp)
#   imgui_glfw     GLFW platform backend (native only)
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui source not found in ${IMGUI_DIR}: run ./dev build (it fetches it from Debian)")
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp
  ${IMGUI_DIR}/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
  ${PROJECT_SOURCE_DIR}/wasm/imgui_config/imgui_stb.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${PROJECT_SOURCE_DIR}/wasm/imgui_config)
target_compile_definitions(imgui PUBLIC IMGUI_USER_CONFIG="imconfig_reader.h")

if(EMSCRIPTEN)
  # The web reader draws only with its own font sources: ProggyClean would be dead weight.
  target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEFAULT_FONT)
else()
  find_package(glfw3 3.3 REQUIRED)
  find_package(OpenGL REQUIRED)
  add_library(imgui_opengl3 STATIC ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
  target_include_directories(imgui_opengl3 SYSTEM PUBLIC ${IMGUI_DIR}/backends)
  target_link_libraries(imgui_opengl3 PUBLIC imgui OpenGL::GL ${CMAKE_DL_LIBS})
  add_library(imgui_glfw STATIC ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp)
  target_include_directories(imgui_glfw SYSTEM PUBLIC ${IMGUI_DIR}/backends)
  target_link_libraries(imgui_glfw PUBLIC imgui glfw)
endif()
