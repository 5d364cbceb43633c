// The desktop reader's --import-annotations: an export (the web's or the desktop's) merged at start,
// said on stderr, and its highlights drawn in the article; a file that is not annotations of this
// bundle's site refused with where and why.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <stb/stb_image.h>

#include "process.h"

namespace {

const std::string kSample = READER_SOURCE_DIR "/data/sample-bundle.json";
const std::string kSeed = "2023-08-17-zhishichanquan-lianxi-huiyi";

std::string write(const std::string& name, const std::string& text) {
    std::ofstream(name, std::ios::binary) << text;
    return name;
}

// A green highlight of the seed article's opening words, as the reader exports it for this file.
std::string exportOf(const std::string& source) {
    return R"([{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:00000000-0000-4000-8000-000000000001", "type": "Annotation",
 "motivation": "highlighting", "created": "2026-12-07T10:00:00Z", "modified": "2026-12-07T10:00:00Z",
 "body": [{"type": "TextualBody", "purpose": "tagging", "value": "green"}],
 "target": {"source": ")" + source + "#/article/" + kSeed + R"(", "selector": [
  {"type": "TextQuoteSelector", "exact": "8月10日下午,2023年第一次自治區", "prefix": "", "suffix": "知識産權戰略"},
  {"type": "TextPositionSelector", "start": 0, "end": 19}]}}])";
}

// Pixels of the green highlight's fill over the light theme's page (a few levels either way).
int greenFillPixels(const std::string& png) {
    int width = 0, height = 0, channels = 0;
    unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 4);
    REQUIRE(pixels != nullptr);
    int count = 0;
    for (int i = 0; i < width * height; ++i) {
        const unsigned char* p = pixels + 4 * i;
        if (std::abs(p[0] - 176) < 8 && std::abs(p[1] - 229) < 8 && std::abs(p[2] - 176) < 8) ++count;
    }
    stbi_image_free(pixels);
    return count;
}

}  // namespace

TEST_CASE("native: --import-annotations merges an export and draws its highlight; another site's file is refused") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "needs an X display (./dev test starts Xvfb)");
    const std::string source = "file://" + std::filesystem::absolute(kSample).lexically_normal().string();
    const std::string good = write("annotations-import.json", exportOf(source));
    const auto shown = reader::test::run({READER_BINARY, kSample, "--view", "article:" + kSeed, "--screenshot", "annotations-import.png",
                                          "--import-annotations", good});
    REQUIRE(shown.status == 0);
    CHECK(shown.err.find("annotations-import.json: 1 annotations added, 0 updated, 0 already there") != std::string::npos);
    CHECK(greenFillPixels("annotations-import.png") > 500);

    const auto plain = reader::test::run({READER_BINARY, kSample, "--view", "article:" + kSeed, "--screenshot", "annotations-none.png"});
    REQUIRE(plain.status == 0);
    CHECK(greenFillPixels("annotations-none.png") == 0);

    const std::string other = write("annotations-other.json", exportOf("https://elsewhere.example/bundle.json"));
    const auto refused = reader::test::run({READER_BINARY, kSample, "--screenshot", "annotations-other.png", "--import-annotations", other});
    REQUIRE(refused.status == 0);  // the reader goes on; the file is refused
    CHECK(refused.err.find("annotations-other.json: /0: annotations of https://elsewhere.example, not of file://") != std::string::npos);
    const std::string broken = write("annotations-broken.json", "[{\"id\": ");
    const auto syntax = reader::test::run({READER_BINARY, kSample, "--screenshot", "annotations-broken.png", "--import-annotations", broken});
    CHECK(syntax.err.find("annotations-broken.json:1:") != std::string::npos);
}
