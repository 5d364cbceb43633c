// WebGLRenderer: Dear ImGui's draw data to the reader's WebGL2 canvas, with no GL query in a frame
// (webgl_renderer.h). The output matches imgui_impl_opengl3's pixel for pixel: same shaders, blend
// function, texture sampling, projection and scissor arithmetic.
#include "webgl_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace reader::web {

namespace {

// Dear ImGui's own GLSL ES 3.00 shaders (imgui_impl_opengl3.cpp): a vertex's colour times the
// texture's texel, positions through an orthographic projection.
constexpr const char* kVertexShader =
    "#version 300 es\n"
    "precision highp float;\n"
    "layout (location = 0) in vec2 Position;\n"
    "layout (location = 1) in vec2 UV;\n"
    "layout (location = 2) in vec4 Color;\n"
    "uniform mat4 ProjMtx;\n"
    "out vec2 Frag_UV;\n"
    "out vec4 Frag_Color;\n"
    "void main() {\n"
    "    Frag_UV = UV;\n"
    "    Frag_Color = Color;\n"
    "    gl_Position = ProjMtx * vec4(Position.xy, 0, 1);\n"
    "}\n";
constexpr const char* kFragmentShader =
    "#version 300 es\n"
    "precision mediump float;\n"
    "uniform sampler2D Texture;\n"
    "in vec2 Frag_UV;\n"
    "in vec4 Frag_Color;\n"
    "layout (location = 0) out vec4 Out_Color;\n"
    "void main() {\n"
    "    Out_Color = Frag_Color * texture(Texture, Frag_UV.st);\n"
    "}\n";

// The attribute locations the shader declares.
constexpr GLuint kPosition = 0, kUv = 1, kColor = 2;

ImTextureID textureId(GLuint name) { return static_cast<ImTextureID>(name); }
GLuint glName(ImTextureID id) { return static_cast<GLuint>(id); }

// Compiles one stage; the log goes to the console (the page's console.error) when it fails.
GLuint compile(GLenum stage, const char* source) {
    const GLuint shader = glCreateShader(stage);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    char log[1024] = "";
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "WebGLRenderer: the %s shader does not compile: %s\n", stage == GL_VERTEX_SHADER ? "vertex" : "fragment", log);
    glDeleteShader(shader);
    return 0;
}

GLuint link(GLuint vertex, GLuint fragment) {
    const GLuint program = glCreateProgram();
    glAttachShader(program, vertex);
    glAttachShader(program, fragment);
    glLinkProgram(program);
    glDeleteShader(vertex);  // flagged: freed with the program
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok == GL_TRUE) return program;
    char log[1024] = "";
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    std::fprintf(stderr, "WebGLRenderer: the shader program does not link: %s\n", log);
    glDeleteProgram(program);
    return 0;
}

}  // namespace

bool WebGLRenderer::init() {
    const GLuint vertex = compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    if (vertex == 0 || fragment == 0) return false;
    m_program = link(vertex, fragment);
    if (m_program == 0) return false;
    m_projectionLocation = glGetUniformLocation(m_program, "ProjMtx");
    glUseProgram(m_program);
    glUniform1i(glGetUniformLocation(m_program, "Texture"), 0);  // texture unit 0, for good

    // One vertex array for the renderer's life: it holds the index buffer binding and the enabled
    // attributes, so a frame only uploads and draws.
    glGenVertexArrays(1, &m_vertexArray);
    glGenBuffers(1, &m_vertexBuffer);
    glGenBuffers(1, &m_indexBuffer);
    glBindVertexArray(m_vertexArray);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_indexBuffer);
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &m_maxTextureSize);  // the one query, before any frame
    setFixedState();

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "reader_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures | ImGuiBackendFlags_RendererHasVtxOffset;
    ImGuiPlatformIO& platform = ImGui::GetPlatformIO();
    platform.Renderer_TextureMaxWidth = platform.Renderer_TextureMaxHeight = m_maxTextureSize;
    return true;
}

// Everything a frame relies on, set at once: at init, and again after a draw callback (which may
// have changed any of it). The tracked values are reset to what is now set.
void WebGLRenderer::setFixedState() {
    glUseProgram(m_program);
    glBindVertexArray(m_vertexArray);
    glBindBuffer(GL_ARRAY_BUFFER, m_vertexBuffer);
    glActiveTexture(GL_TEXTURE0);
    glBindSampler(0, 0);  // the texture's own filtering applies
    glBindTexture(GL_TEXTURE_2D, 0);
    m_boundTexture = 0;
    // Alpha blending that keeps the canvas opaque, as imgui_impl_opengl3 sets it.
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    // Texture rows are RGBA, 4 bytes a pixel: byte alignment is always right.
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    m_unpackRowLength = 0;
    pointAttributes(0);
    m_projectionSize = ImVec2(0, 0);  // set again before the next draw
}

void WebGLRenderer::render(ImDrawData* drawData, const ImVec4& clear) {
    // The framebuffer's size as imgui_impl_opengl3 computes it (truncated), so that viewport and
    // scissor rectangles fall on the same pixels.
    const int fbWidth = static_cast<int>(drawData->DisplaySize.x * drawData->FramebufferScale.x);
    const int fbHeight = static_cast<int>(drawData->DisplaySize.y * drawData->FramebufferScale.y);
    if (fbWidth <= 0 || fbHeight <= 0) return;
    if (fbWidth != m_viewport[0] || fbHeight != m_viewport[1]) {
        glViewport(0, 0, fbWidth, fbHeight);
        m_viewport[0] = fbWidth;
        m_viewport[1] = fbHeight;
    }
    // The whole canvas is cleared: no scissor for it.
    glDisable(GL_SCISSOR_TEST);
    glClearColor(clear.x, clear.y, clear.z, clear.w);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);

    // Dear ImGui's texture requests (the font atlas grows and changes as glyphs are baked).
    if (drawData->Textures != nullptr) {
        for (ImTextureData* tex : *drawData->Textures) {
            if (tex->Status != ImTextureStatus_OK) updateTexture(*tex);
        }
    }
    setProjection(*drawData);
    for (const ImDrawList* list : drawData->CmdLists) drawList(*list, *drawData, fbHeight);
}

// Maps Dear ImGui's display rectangle (CSS pixels) onto clip space, y down; the uniform is set
// only when the rectangle changed (a resize).
void WebGLRenderer::setProjection(const ImDrawData& drawData) {
    if (drawData.DisplayPos.x == m_projectionPos.x && drawData.DisplayPos.y == m_projectionPos.y &&
        drawData.DisplaySize.x == m_projectionSize.x && drawData.DisplaySize.y == m_projectionSize.y) return;
    m_projectionPos = drawData.DisplayPos;
    m_projectionSize = drawData.DisplaySize;
    const float l = drawData.DisplayPos.x, r = l + drawData.DisplaySize.x;
    const float t = drawData.DisplayPos.y, b = t + drawData.DisplaySize.y;
    const float projection[4][4] = {
        {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
    };
    glUniformMatrix4fv(m_projectionLocation, 1, GL_FALSE, &projection[0][0]);
}

void WebGLRenderer::drawList(const ImDrawList& list, const ImDrawData& drawData, int fbHeight) {
    // A new store for each list, as imgui_impl_opengl3 does (never bufferSubData into a store that
    // a queued draw may still read).
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(static_cast<size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert)), list.VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(static_cast<size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx)), list.IdxBuffer.Data, GL_STREAM_DRAW);
    const ImVec2 offset = drawData.DisplayPos, scale = drawData.FramebufferScale;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.UserCallback != nullptr) {
            if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
            setFixedState();  // the callback may have changed anything
            glViewport(0, 0, m_viewport[0], m_viewport[1]);
            setProjection(drawData);
            continue;
        }
        // The clip rectangle in framebuffer pixels, y up for glScissor.
        const ImVec2 clipMin((cmd.ClipRect.x - offset.x) * scale.x, (cmd.ClipRect.y - offset.y) * scale.y);
        const ImVec2 clipMax((cmd.ClipRect.z - offset.x) * scale.x, (cmd.ClipRect.w - offset.y) * scale.y);
        if (clipMax.x <= clipMin.x || clipMax.y <= clipMin.y) continue;
        glScissor(static_cast<int>(clipMin.x), static_cast<int>(static_cast<float>(fbHeight) - clipMax.y),
                  static_cast<int>(clipMax.x - clipMin.x), static_cast<int>(clipMax.y - clipMin.y));
        bindTexture(glName(cmd.GetTexID()));
        // WebGL2 has no glDrawElementsBaseVertex: a command's vertex offset moves the attributes.
        if (cmd.VtxOffset != m_vtxOffset) pointAttributes(cmd.VtxOffset);
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(static_cast<uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
    }
}

void WebGLRenderer::pointAttributes(unsigned vtxOffset) {
    const uintptr_t base = static_cast<uintptr_t>(vtxOffset) * sizeof(ImDrawVert);
    const auto at = [base](size_t field) { return reinterpret_cast<const void*>(base + field); };
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
    m_vtxOffset = vtxOffset;
}

void WebGLRenderer::bindTexture(GLuint texture) {
    if (texture == m_boundTexture) return;
    glBindTexture(GL_TEXTURE_2D, texture);
    m_boundTexture = texture;
}

// [SECTION] Textures: Dear ImGui's requests (ImTextureData) and other code's (createTexture)

void WebGLRenderer::updateTexture(ImTextureData& tex) {
    switch (tex.Status) {
        case ImTextureStatus_WantCreate: {
            IM_ASSERT(tex.Format == ImTextureFormat_RGBA32);  // Dear ImGui's default atlas format
            const ImTextureID id = createTexture(static_cast<const unsigned char*>(tex.GetPixels()), tex.Width, tex.Height);
            tex.SetTexID(id);
            tex.SetStatus(ImTextureStatus_OK);
            break;
        }
        case ImTextureStatus_WantUpdates:
            // Only regions never drawn from before are written (Dear ImGui's promise).
            bindTexture(glName(tex.TexID));
            for (const ImTextureRect& rect : tex.Updates) uploadRect(tex, rect);
            tex.SetStatus(ImTextureStatus_OK);
            break;
        case ImTextureStatus_WantDestroy:
            if (tex.UnusedFrames == 0) break;  // this frame still draws from it: a later one
            destroyTexture(tex.TexID);
            tex.SetTexID(ImTextureID_Invalid);
            tex.SetStatus(ImTextureStatus_Destroyed);
            break;
        default:
            break;
    }
}

// A sub-rectangle straight from the texture's pixels: the row length skips the rest of each row,
// so nothing is copied first.
void WebGLRenderer::uploadRect(ImTextureData& tex, const ImTextureRect& rect) {
    if (m_unpackRowLength != tex.Width) {
        glPixelStorei(GL_UNPACK_ROW_LENGTH, tex.Width);
        m_unpackRowLength = tex.Width;
    }
    glTexSubImage2D(GL_TEXTURE_2D, 0, rect.x, rect.y, rect.w, rect.h, GL_RGBA, GL_UNSIGNED_BYTE, tex.GetPixelsAt(rect.x, rect.y));
}

ImTextureID WebGLRenderer::createTexture(const unsigned char* rgba, int width, int height) {
    if (width <= 0 || height <= 0 || width > m_maxTextureSize || height > m_maxTextureSize) return ImTextureID_Invalid;
    const ImTextureID texture = createBoundTexture();
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return texture;
}

ImTextureID WebGLRenderer::createBoundTexture() {
    GLuint texture = 0;
    glGenTextures(1, &texture);
    bindTexture(texture);
    // Linear sampling, as Dear ImGui's anti-aliased lines drawn from the atlas need.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    if (m_unpackRowLength != 0) {  // rows packed one after the other
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        m_unpackRowLength = 0;
    }
    return textureId(texture);
}

void WebGLRenderer::bindForUpload(ImTextureID id) {
    bindTexture(glName(id));
    if (m_unpackRowLength != 0) {
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        m_unpackRowLength = 0;
    }
}

void WebGLRenderer::destroyTexture(ImTextureID id) {
    const GLuint texture = glName(id);
    if (texture == 0) return;
    if (texture == m_boundTexture) m_boundTexture = 0;  // deleting a bound texture unbinds it
    glDeleteTextures(1, &texture);
}

}  // namespace reader::web
