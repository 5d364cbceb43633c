// FigureImages: the images of an article's figures as the views see them. Each frame the article
// view asks for the figures near the viewport at their displayed size in device pixels; the cache
// (core/image_cache.h) decides what to request and what to keep, and the platform answers
// (ReaderApp::imageArrived / imageFailed). Until an image is there, or when it failed, the figure
// is its placeholder with the alt text, of the same size: nothing moves when an image arrives.
#pragma once

#include <cstdint>
#include <string>

#include <imgui.h>

#include "core/bundle.h"
#include "core/image_cache.h"

namespace reader::ui {

class FigureImages {
public:
    // The texture for figure `figure` (block index) of `articleId`, its box at screen `min` with
    // `size` logical pixels, if the image is here; else ImTextureID_Invalid. Figures within about a
    // screen of the current window's visible part are asked for; others are left alone.
    ImTextureID figure(const std::string& articleId, size_t figure, const core::Block& block, ImVec2 min, ImVec2 size);
    // The same figure at a larger size (the zoom view's: `size` the screen's, logical pixels),
    // asked for at once; any texture of the figure already here stands in until it arrives.
    ImTextureID zoomed(const std::string& articleId, size_t figure, const core::Block& block, ImVec2 size);

    core::ImageCache& cache() { return m_cache; }
    const core::ImageCache& cache() const { return m_cache; }

private:
    core::ImageCache m_cache;
};

// Displayed size in device pixels: logical pixels times the display's framebuffer scale.
uint32_t devicePixels(float logical);

}  // namespace reader::ui
