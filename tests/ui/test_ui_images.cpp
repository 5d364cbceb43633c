// Figures' images in the real views (tests/fixtures/rich/rich-bundle.json): the article asks the
// platform for the figure near the view at its displayed size; the texture it answers with is
// drawn in the placeholder's place; a click or Enter on the figure opens the zoom view, which asks
// for a larger size; Esc closes the zoom view and leaves the article open; a failed image is not
// asked for again; another bundle releases every texture.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "headless_imgui.h"
#include "ui/reader_app.h"

using namespace reader;

namespace {

std::string fixture() {
    std::ifstream in(std::string(READER_SOURCE_DIR) + "/tests/fixtures/rich/rich-bundle.json", std::ios::binary);
    REQUIRE(in.good());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Fixture {
    test::HeadlessImGui imgui{900, 1400};
    ui::ReaderApp app{ui::Ports{.today = [] { return core::CivilDate{2026, 11, 25}; }}};
    std::function<void()> draw = [this] { app.frame(); };

    Fixture() {
        app.setFont(imgui.font());
        REQUIRE(app.loadBundle(fixture()).ok());
        imgui.frame(draw);
        REQUIRE(app.open("rich"));
        imgui.frame(draw);
        imgui.frame(draw);
    }
    std::vector<ui::PlatformRequest> requests(ui::PlatformRequest::Kind kind) {
        std::vector<ui::PlatformRequest> out;
        for (ui::PlatformRequest& request : app.takeRequests()) {
            if (request.kind == kind) out.push_back(request);
        }
        return out;
    }
    void clickItem(const std::string& key) {
        const auto rect = app.itemRect(key);
        REQUIRE(rect);
        imgui.click(rect->x + rect->w / 2, rect->y + rect->h / 2, draw);
    }
    void press(ImGuiKey key) {
        ImGui::GetIO().AddKeyEvent(key, true);
        imgui.frame(draw);
        ImGui::GetIO().AddKeyEvent(key, false);
        imgui.frame(draw);
        imgui.frame(draw);
    }
};

}  // namespace

TEST_CASE("ui: the figure near the view is asked for once, at its displayed size") {
    Fixture f;
    const std::vector<ui::PlatformRequest> images = f.requests(ui::PlatformRequest::Kind::Image);
    REQUIRE(images.size() == 1);
    CHECK(images[0].path == "images/chart.png");
    CHECK(images[0].image.articleId == "rich");
    const auto box = f.app.itemRect("figure:" + std::to_string(images[0].image.figure));
    REQUIRE(box);
    CHECK(images[0].image.width == static_cast<uint32_t>(box->w));  // framebuffer scale 1
    CHECK(images[0].image.height == static_cast<uint32_t>(box->h));
    CHECK(static_cast<float>(images[0].image.width) / static_cast<float>(images[0].image.height) == doctest::Approx(2.0f).epsilon(0.01));
    f.imgui.frame(f.draw);
    CHECK(f.requests(ui::PlatformRequest::Kind::Image).empty());
    f.app.imageArrived(images[0].image, 42);
    f.imgui.frame(f.draw);
    CHECK(f.app.images().textures() == 1);
    CHECK(f.app.images().bytes() == core::textureBytes(images[0].image.width, images[0].image.height));
}

TEST_CASE("ui: a click on a figure opens the zoom view at a larger size; Esc closes it and the article stays") {
    Fixture f;
    const std::vector<ui::PlatformRequest> images = f.requests(ui::PlatformRequest::Kind::Image);
    REQUIRE(images.size() == 1);
    f.app.imageArrived(images[0].image, 42);
    const std::string key = "figure:" + std::to_string(images[0].image.figure);
    f.clickItem(key);
    REQUIRE(f.app.imageZoom().isOpen());
    CHECK(f.app.imageZoom().figure() == images[0].image.figure);
    f.imgui.frame(f.draw);  // a size is asked for from the second frame that wants it
    const std::vector<ui::PlatformRequest> larger = f.requests(ui::PlatformRequest::Kind::Image);
    REQUIRE(larger.size() == 1);
    CHECK(larger[0].image.width == 1200);  // the source's own size: within the screen's 1400 pixels
    CHECK(larger[0].image.height == 600);
    CHECK(f.app.itemRect("zoom:image"));
    // The wheel over the image zooms it.
    const auto image = f.app.itemRect("zoom:image");
    f.imgui.wheel(image->x + image->w / 2, image->y + image->h / 2, -2.0f, f.draw);
    CHECK(f.app.imageZoom().scale() == doctest::Approx(1.44f));
    f.press(ImGuiKey_Escape);
    CHECK_FALSE(f.app.imageZoom().isOpen());
    CHECK(f.app.navigator().current().view == core::View::Article);
    CHECK(f.app.navigator().current().articleId == "rich");
}

TEST_CASE("ui: keys act on the zoomed image, never on the article under it") {
    Fixture f;
    const std::vector<ui::PlatformRequest> images = f.requests(ui::PlatformRequest::Kind::Image);
    REQUIRE(images.size() == 1);
    f.clickItem("figure:" + std::to_string(images[0].image.figure));
    REQUIRE(f.app.imageZoom().isOpen());
    const float scrolled = f.app.scrollY();
    for (ImGuiKey key : {ImGuiKey_PageDown, ImGuiKey_Space, ImGuiKey_End, ImGuiKey_DownArrow}) f.press(key);
    CHECK(f.app.scrollY() == scrolled);
    CHECK(f.app.imageZoom().isOpen());
    CHECK(f.app.imageZoom().pan().y < 0.0f);  // ↓ moved the image up, to show more of its lower part
    f.press(ImGuiKey_Equal);
    CHECK(f.app.imageZoom().scale() == doctest::Approx(1.2f));
    f.press(ImGuiKey_Minus);
    CHECK(f.app.imageZoom().scale() == doctest::Approx(1.0f));
    f.press(ImGuiKey_Equal);
    f.press(ImGuiKey_0);
    CHECK(f.app.imageZoom().scale() == 1.0f);
    CHECK(f.app.imageZoom().pan().y == 0.0f);
    f.press(ImGuiKey_Escape);
    REQUIRE_FALSE(f.app.imageZoom().isOpen());
    f.press(ImGuiKey_PageDown);  // and the article's keys are its own again
    CHECK(f.app.scrollY() > scrolled);
}

TEST_CASE("ui: a click outside the zoomed image closes the zoom view") {
    Fixture f;
    const std::vector<ui::PlatformRequest> images = f.requests(ui::PlatformRequest::Kind::Image);
    REQUIRE(images.size() == 1);
    f.clickItem("figure:" + std::to_string(images[0].image.figure));
    REQUIRE(f.app.imageZoom().isOpen());
    f.imgui.click(5, 5, f.draw);
    CHECK_FALSE(f.app.imageZoom().isOpen());
}

TEST_CASE("ui: Enter on the figure that has keyboard focus opens the zoom view") {
    Fixture f;
    const std::vector<ui::PlatformRequest> images = f.requests(ui::PlatformRequest::Kind::Image);
    REQUIRE(images.size() == 1);
    f.app.showMirrorFocus("figure:" + std::to_string(images[0].image.figure));
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    f.press(ImGuiKey_Enter);
    CHECK(f.app.imageZoom().isOpen());
}

TEST_CASE("ui: a failed image is not asked for again; another bundle releases every texture") {
    Fixture f;
    const std::vector<ui::PlatformRequest> images = f.requests(ui::PlatformRequest::Kind::Image);
    REQUIRE(images.size() == 1);
    f.app.imageFailed(images[0].image, "HTTP 404");
    for (int i = 0; i < 3; ++i) f.imgui.frame(f.draw);
    CHECK(f.requests(ui::PlatformRequest::Kind::Image).empty());
    CHECK(f.app.images().failure(images[0].image) == "HTTP 404");

    REQUIRE(f.app.loadBundle(fixture()).ok());
    REQUIRE(f.app.open("rich"));
    f.imgui.frame(f.draw);
    f.imgui.frame(f.draw);
    const std::vector<ui::PlatformRequest> again = f.requests(ui::PlatformRequest::Kind::Image);
    REQUIRE(again.size() == 1);
    f.app.imageArrived(again[0].image, 77);
    f.imgui.frame(f.draw);
    REQUIRE(f.app.loadBundle(fixture()).ok());
    const std::vector<ui::PlatformRequest> released = f.requests(ui::PlatformRequest::Kind::ReleaseTexture);
    REQUIRE(released.size() == 1);
    CHECK(released[0].texture == 77);
}
