// WebGL2 renderer for Dear ImGui's draw data, in place of imgui_impl_opengl3 on the web: the reader
// owns its canvas's context, so the renderer sets the state it needs once and never reads GL state
// back. A query (getParameter, getError, readPixels) is a synchronous round trip to the browser's
// GPU process, which first finishes the frames queued before it: with software GL the stock
// backend's reads cost most of a frame (docs/benchmarks.md, "Frame CPU and SwiftShader").
//  [x] ImGuiBackendFlags_RendererHasTextures: textures created, updated by sub-rectangle (the font
//      atlas grows as glyphs are baked on demand) and destroyed as Dear ImGui asks
//  [x] ImGuiBackendFlags_RendererHasVtxOffset: meshes over 64k vertices with 16-bit indices
//  [x] clip rectangles in framebuffer pixels (display framebuffer scale)
//  [x] textures from other code (photos): createTexture() / destroyTexture(), ids for ImGui::Image;
//      createBoundTexture() for a figure's ImageBitmap uploaded by the page's JS
//  [x] no GL query in a frame: state is set at init and tracked (bound texture, viewport, ...)
//  [ ] a lost WebGL context is not restored (neither was it with the stock backend)
#pragma once

#include <imgui.h>

namespace reader::web {

class WebGLRenderer {
public:
    // Needs the WebGL2 context current. Compiles the shader, sets the fixed state and tells Dear
    // ImGui (the current context) what the renderer can do. False when the shader does not build.
    bool init();

    // Clears the canvas to `clear`, makes the textures Dear ImGui asked for, draws its lists.
    void render(ImDrawData* drawData, const ImVec4& clear);

    // A texture for ImGui::Image from RGBA pixels: 8 bits a channel, non-premultiplied alpha, rows
    // top to bottom with no gap (width * 4 bytes each); sampled linearly, clamped at the edges. The
    // pixels are copied; the caller keeps them. Returns ImTextureID_Invalid when width or height is
    // not positive or above the context's limit (maxTextureSize()). The id is valid until
    // destroyTexture(id); Dear ImGui must not draw it after that.
    ImTextureID createTexture(const unsigned char* rgba, int width, int height);
    // A texture left bound, rows packed (no row length), for the caller to fill with one
    // texImage2D from an ImageBitmap (web_images.cpp): no pixels pass through the wasm heap.
    ImTextureID createBoundTexture();
    // Binds a texture made by createBoundTexture again, for the next band of its upload.
    void bindForUpload(ImTextureID id);
    void destroyTexture(ImTextureID id);
    int maxTextureSize() const { return m_maxTextureSize; }

private:
    void setFixedState();
    void updateTexture(ImTextureData& tex);
    void uploadRect(ImTextureData& tex, const ImTextureRect& rect);
    void bindTexture(unsigned texture);
    void pointAttributes(unsigned vtxOffset);
    void setProjection(const ImDrawData& drawData);
    void drawList(const ImDrawList& list, const ImDrawData& drawData, int fbHeight);

    // GL names are GLuint, i.e. unsigned int: the header leaves GLES3/gl3.h to the .cpp.
    unsigned m_program = 0;
    int m_projectionLocation = -1;
    unsigned m_vertexArray = 0;
    unsigned m_vertexBuffer = 0;
    unsigned m_indexBuffer = 0;
    int m_maxTextureSize = 0;
    // What is set now, so that a frame sets only what changed (the context is ours alone).
    unsigned m_boundTexture = 0;
    unsigned m_vtxOffset = 0;  // the attributes point this many vertices into the vertex buffer
    int m_unpackRowLength = 0;
    int m_viewport[2] = {0, 0};  // framebuffer pixels; 0 until the first frame sets it
    ImVec2 m_projectionPos{0, 0}, m_projectionSize{0, 0};
};

}  // namespace reader::web
