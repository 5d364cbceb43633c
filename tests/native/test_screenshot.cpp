// The desktop reader in a real window (Xvfb in tests): --screenshot writes a PNG of the window.
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>
#include <string>

#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

namespace {

struct Image {
    int width = 0, height = 0;
    unsigned char* pixels = nullptr;
    ~Image() { stbi_image_free(pixels); }
};

int run(const std::string& command) { return std::system(command.c_str()); }

}  // namespace

TEST_CASE("native: the reader opens a window on the sample bundle and captures it") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "needs an X display (./dev test starts Xvfb)");
    const std::string out = "native-screenshot.png";
    std::remove(out.c_str());
    const std::string command = std::string(READER_BINARY) + " " READER_SOURCE_DIR "/data/sample-bundle.json" +
                                " --width 900 --height 700 --screenshot " + out;
    REQUIRE(run(command) == 0);

    Image image;
    int channels = 0;
    image.pixels = stbi_load(out.c_str(), &image.width, &image.height, &channels, 4);
    REQUIRE(image.pixels != nullptr);
    CHECK(image.width == 900);
    CHECK(image.height == 700);

    // Not blank: text was drawn, so many distinct colours (anti-aliased glyph edges) appear.
    std::set<unsigned> colours;
    size_t nonWhite = 0;
    const size_t count = static_cast<size_t>(image.width) * image.height;
    for (size_t i = 0; i < count; ++i) {
        const unsigned char* p = image.pixels + i * 4;
        colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
        if (p[0] < 200 || p[1] < 200 || p[2] < 200) ++nonWhite;
    }
    CHECK(colours.size() > 50);
    CHECK(nonWhite > count / 200);
}

TEST_CASE("native: --dpr 2 captures the seed article, ruby above, at twice the pixels") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string out = "native-ruby-dpr2.png";
    std::remove(out.c_str());
    const std::string command = std::string(READER_BINARY) + " " READER_SOURCE_DIR "/data/sample-bundle.json" +
                                " --view article:2023-08-17-zhishichanquan-lianxi-huiyi --ruby above" +
                                " --width 640 --height 480 --dpr 2 --screenshot " + out;
    REQUIRE(run(command) == 0);
    Image image;
    int channels = 0;
    image.pixels = stbi_load(out.c_str(), &image.width, &image.height, &channels, 4);
    REQUIRE(image.pixels != nullptr);
    CHECK(image.width == 1280);
    CHECK(image.height == 960);
}

TEST_CASE("native: a view that is not in the bundle is reported, the reader still opens") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string command = std::string(READER_BINARY) + " " READER_SOURCE_DIR "/data/sample-bundle.json" +
                                " --view article:nope --screenshot nope.png 2>/dev/null";
    CHECK(run(command) == 0);
    CHECK(WEXITSTATUS(run(std::string(READER_BINARY) + " x.json --view nonsense 2>/dev/null")) == 2);
}

TEST_CASE("native: a bundle that cannot be read still opens the reader with the error shown") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string command = std::string(READER_BINARY) + " /nonexistent/bundle.json --screenshot missing.png";
    CHECK(run(command) == 0);
}

TEST_CASE("native: bad arguments print the usage and exit 2") {
    CHECK(WEXITSTATUS(run(std::string(READER_BINARY) + " 2>/dev/null")) == 2);
}
