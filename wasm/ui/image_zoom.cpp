// ImageZoom: one figure's image over the reader, zoomed and panned (image_zoom.h).
#include "image_zoom.h"

#include <algorithm>
#include <cmath>

#include "core/block_layout.h"

namespace reader::ui {

namespace {

constexpr float kMinScale = 1.0f, kMaxScale = 8.0f;
constexpr float kWheelStep = 1.2f;   // zoom factor per wheel notch
constexpr float kMargin = 24.0f;     // logical pixels between the fitted image and the screen's edges
constexpr float kDragSlop = 4.0f;    // logical pixels a press moves before it is a drag
constexpr float kKeyPan = 48.0f;     // logical pixels an arrow key pans, as it scrolls an article

}  // namespace

void ImageZoom::open(std::string articleId, size_t figure) {
    m_open = true;
    m_focusPending = true;
    m_articleId = std::move(articleId);
    m_figure = figure;
    m_scale = 1.0f;
    m_pan = ImVec2(0.0f, 0.0f);
    m_dragged = false;
}

void ImageZoom::zoomBy(float factor) {
    if (factor > 0.0f) m_scale = std::clamp(m_scale * factor, kMinScale, kMaxScale);
}

void ImageZoom::draw(const ViewContext& ctx, const core::Article* article, FigureImages& images) {
    const std::vector<core::Block> blocks = article && article->id == m_articleId ? core::bodyBlocks(*article) : std::vector<core::Block>{};
    if (m_figure >= blocks.size() || blocks[m_figure].kind != core::BlockKind::figure) {
        m_open = false;
        return;
    }
    const core::Block& block = blocks[m_figure];
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    if (m_focusPending) ImGui::SetNextWindowFocus();
    m_focusPending = false;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 220));
    ImGui::Begin("##image-zoom", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    // Fitted: the source's pixels as logical pixels, scaled down (never up) to the screen.
    const core::BoxSize fitted = core::figureBox(block.width, block.height, viewport->Size.x - 2 * kMargin);
    const float down = std::min(1.0f, (viewport->Size.y - 2 * kMargin) / std::max(1.0f, fitted.height));
    const ImVec2 size(std::max(1.0f, fitted.width * down) * m_scale, std::max(1.0f, fitted.height * down) * m_scale);
    const ImVec2 centre(viewport->Pos.x + viewport->Size.x * 0.5f + m_pan.x, viewport->Pos.y + viewport->Size.y * 0.5f + m_pan.y);
    const ImVec2 min(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), max(min.x + size.x, min.y + size.y);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImTextureID texture = images.zoomed(m_articleId, m_figure, block, viewport->Size);
    if (texture != ImTextureID_Invalid) {
        drawList->AddImage(ImTextureRef(texture), min, max);
    } else {
        drawList->AddRectFilled(min, max, ctx.theme.rowHover);
        const std::string alt = ctx.chrome(block.alt);
        drawList->AddText(ctx.font, bodyFontSize(ctx), ImVec2(min.x + 12.0f, min.y + 12.0f), ctx.theme.muted, alt.c_str(),
                          alt.c_str() + alt.size(), std::max(1.0f, size.x - 24.0f));
    }
    // The image as an item, so that tests and shells can aim at it ("zoom:image").
    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(size);
    ctx.items.addLastItem("zoom:image");
    handleInput(min, max, centre);
    ImGui::End();
}

// The keys while the view is open: they act on the image, never on the article under it (the
// reader leaves its scroll keys alone meanwhile). Arrows pan, + and - zoom about the screen's
// centre, 0 fits the image again, Esc closes.
void ImageZoom::handleKeys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        m_open = false;
        return;
    }
    if (io.KeyCtrl || io.KeyAlt) return;
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) m_pan.x += kKeyPan;
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) m_pan.x -= kKeyPan;
    if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) m_pan.y += kKeyPan;
    if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) m_pan.y -= kKeyPan;
    const float before = m_scale;
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) zoomBy(kWheelStep);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) zoomBy(1.0f / kWheelStep);
    m_pan.x *= m_scale / before;  // the point at the screen's centre stays there
    m_pan.y *= m_scale / before;
    if (ImGui::IsKeyPressed(ImGuiKey_0, false) || ImGui::IsKeyPressed(ImGuiKey_Keypad0, false)) {
        m_scale = 1.0f;
        m_pan = ImVec2(0.0f, 0.0f);
    }
}

// Wheel and pinch zoom about the pointer, drag to pan, a click outside the image to close.
void ImageZoom::handleInput(ImVec2 imageMin, ImVec2 imageMax, ImVec2 centre) {
    const ImGuiIO& io = ImGui::GetIO();
    handleKeys();
    if (!m_open || !ImGui::IsWindowHovered()) return;
    if (io.MouseWheel != 0.0f) {
        const float before = m_scale;
        zoomBy(std::pow(kWheelStep, io.MouseWheel));
        const float f = m_scale / before;  // the point under the pointer stays under it
        m_pan.x += (io.MousePos.x - centre.x) * (1.0f - f);
        m_pan.y += (io.MousePos.y - centre.y) * (1.0f - f);
    }
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_dragged = false;
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragSlop)) {
        m_dragged = true;
        m_pan.x += io.MouseDelta.x;
        m_pan.y += io.MouseDelta.y;
    }
    const ImVec2 at = io.MousePos;
    const bool onImage = at.x >= imageMin.x && at.x < imageMax.x && at.y >= imageMin.y && at.y < imageMax.y;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !m_dragged && !onImage) m_open = false;
}

}  // namespace reader::ui
