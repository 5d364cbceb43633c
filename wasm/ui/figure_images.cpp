// FigureImages: figures near the viewport asked for at their displayed size (figure_images.h).
#include "figure_images.h"

#include <algorithm>
#include <cmath>

namespace reader::ui {

namespace {

constexpr uint32_t kMaxZoomSide = 4096;  // device pixels a side the zoom view asks for at most

ImTextureID asTexture(uint64_t texture) { return texture == 0 ? ImTextureID_Invalid : static_cast<ImTextureID>(texture); }

}  // namespace

uint32_t devicePixels(float logical) {
    return static_cast<uint32_t>(std::max(1.0f, std::round(logical * ImGui::GetIO().DisplayFramebufferScale.x)));
}

ImTextureID FigureImages::figure(const std::string& articleId, size_t figure, const core::Block& block, ImVec2 min, ImVec2 size) {
    const float viewTop = ImGui::GetWindowPos().y, viewBottom = viewTop + ImGui::GetWindowHeight();
    if (!core::nearViewport(min.y, min.y + size.y, viewTop, viewBottom)) return ImTextureID_Invalid;
    uint64_t texture = 0;
    m_cache.want(core::ImageKey{articleId, figure, devicePixels(size.x), devicePixels(size.y)}, block.src, texture);
    return asTexture(texture);
}

ImTextureID FigureImages::zoomed(const std::string& articleId, size_t figure, const core::Block& block, ImVec2 size) {
    // The source's own size, as large as the screen can show it sharp, within a quarter of the budget.
    uint32_t width = 0, height = 0;
    const uint32_t screenSide = std::max(devicePixels(size.x), devicePixels(size.y));
    core::fitImageSize(block.width, block.height, std::min(kMaxZoomSide, screenSide), m_cache.budget() / 4, width, height);
    uint64_t texture = 0;
    m_cache.want(core::ImageKey{articleId, figure, width, height}, block.src, texture);
    return asTexture(texture != 0 ? texture : m_cache.anyTexture(articleId, figure));
}

}  // namespace reader::ui
