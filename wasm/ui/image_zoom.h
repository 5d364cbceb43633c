// ImageZoom: a figure's image over the whole reader, to look at closely. A click, a tap or Enter on
// a figure opens it; the wheel and a pinch zoom about the pointer (1x: the image fitted to the
// screen, up to 8x), a drag pans, Esc or a click or tap outside the image closes it. Keys: arrows
// pan, + and - zoom, 0 fits again; the article under the view does not scroll meanwhile. The image is
// asked for at the size the screen can show it sharp (FigureImages::zoomed); the figure's smaller
// texture stands in until it comes, and the alt text while there is none.
#pragma once

#include <cstddef>
#include <string>

#include <imgui.h>

#include "core/bundle.h"
#include "figure_images.h"
#include "view_context.h"

namespace reader::ui {

class ImageZoom {
public:
    void open(std::string articleId, size_t figure);
    void close() { m_open = false; }
    bool isOpen() const { return m_open; }
    const std::string& articleId() const { return m_articleId; }
    size_t figure() const { return m_figure; }
    float scale() const { return m_scale; }
    ImVec2 pan() const { return m_pan; }
    // A pinch on a touch screen (the platform's zoom factor).
    void zoomBy(float factor);

    // Draws the view over the whole display as its own window and handles its input; closes itself
    // when the figure is no longer in `article` (null: no article shown).
    void draw(const ViewContext& ctx, const core::Article* article, FigureImages& images);

private:
    void handleKeys();
    void handleInput(ImVec2 imageMin, ImVec2 imageMax, ImVec2 centre);

    bool m_open = false;
    bool m_focusPending = false;  // the window takes keyboard focus in its first frame
    std::string m_articleId;
    size_t m_figure = 0;
    float m_scale = 1.0f;     // times the fitted size
    ImVec2 m_pan{0.0f, 0.0f};  // the image's centre from the screen's, logical pixels
    bool m_dragged = false;   // the press being held has moved: its release closes nothing
};

}  // namespace reader::ui
