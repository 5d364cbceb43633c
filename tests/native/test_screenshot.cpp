// The desktop reader in a real window (Xvfb in tests): --screenshot writes a PNG of the window;
// the capture options, the fixed capture date and the log.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace {

struct Image {
    int width = 0, height = 0;
    unsigned char* pixels = nullptr;
    ~Image() { stbi_image_free(pixels); }
};

int run(const std::string& command) { return std::system(command.c_str()); }

std::string base64(const std::string& bytes) {
    static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const size_t n = std::min<size_t>(3, bytes.size() - i);
        uint32_t v = 0;
        for (size_t k = 0; k < 3; k++) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (size_t k = 0; k < 4; k++) out += k <= n ? digits[(v >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

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

TEST_CASE("native: capture options that cannot apply are refused with the reason") {
    const std::string reader = std::string(READER_BINARY) + " " READER_SOURCE_DIR "/data/sample-bundle.json";
    CHECK(WEXITSTATUS(run(reader + " --theme neon --screenshot x.png 2>/dev/null")) == 2);
    CHECK(WEXITSTATUS(run(reader + " --today 2026-02-30 --screenshot x.png 2>/dev/null")) == 2);
    CHECK(WEXITSTATUS(run(reader + " --record r.jsonl --screenshot x.png 2>/dev/null")) == 2);
    CHECK(WEXITSTATUS(run(reader + " --theme neon 2>&1 | head -1 | grep -qx "
                                   "'reader: --theme neon: not auto, light, dark or sepia'")) == 0);
}

TEST_CASE("native: --today sets the date a capture shows; without it captures show 2026-01-01") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string reader = std::string(READER_BINARY) + " " READER_SOURCE_DIR "/data/sample-bundle.json --width 640 --height 200";
    REQUIRE(run(reader + " --screenshot today-default.png") == 0);
    REQUIRE(run(reader + " --today 2026-01-01 --theme light --screenshot today-fixed.png") == 0);
    REQUIRE(run(reader + " --today 2027-06-15 --screenshot today-other.png") == 0);
    Image fixedDefault, fixedGiven, other;
    int channels = 0;
    fixedDefault.pixels = stbi_load("today-default.png", &fixedDefault.width, &fixedDefault.height, &channels, 4);
    fixedGiven.pixels = stbi_load("today-fixed.png", &fixedGiven.width, &fixedGiven.height, &channels, 4);
    other.pixels = stbi_load("today-other.png", &other.width, &other.height, &channels, 4);
    REQUIRE((fixedDefault.pixels && fixedGiven.pixels && other.pixels));
    const size_t bytes = static_cast<size_t>(fixedDefault.width) * fixedDefault.height * 4;
    CHECK(std::equal(fixedDefault.pixels, fixedDefault.pixels + bytes, fixedGiven.pixels));
    CHECK_FALSE(std::equal(fixedDefault.pixels, fixedDefault.pixels + bytes, other.pixels));
}

TEST_CASE("native: --log info says what was loaded and how long each phase took; the log is off by default") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::string reader = std::string(READER_BINARY) + " " READER_SOURCE_DIR "/data/sample-bundle.json --width 640 --height 400";
    REQUIRE(run(reader + " --log info --screenshot log.png 2>log-info.txt") == 0);
    std::ifstream file("log-info.txt");
    const std::string log((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    for (const char* phase : {"reader: info: window 640 x 400", "reader: info: fetch: read ", "reader: info: bundle loaded: ",
                              "; parse ", "reader: info: search index built: ", "reader: info: first view drawn ", "reader: info: wrote log.png"}) {
        CHECK_MESSAGE(log.find(phase) != std::string::npos, phase);
    }
    REQUIRE(run(reader + " --screenshot log.png 2>log-off.txt") == 0);
    CHECK(std::filesystem::file_size("log-off.txt") == 0);
    REQUIRE(run(std::string(READER_BINARY) + " /nonexistent/bundle.json --log warn --screenshot log.png 2>log-warn.txt") == 0);
    std::ifstream warn("log-warn.txt");
    const std::string warnLog((std::istreambuf_iterator<char>(warn)), std::istreambuf_iterator<char>());
    CHECK(warnLog.find("reader: error: /nonexistent/bundle.json: cannot open: No such file or directory") != std::string::npos);
}

TEST_CASE("native: a split bundle's shard that is a symbolic link out of its folder is refused") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    namespace fs = std::filesystem;
    const fs::path root = fs::absolute("symlinked-shard");
    fs::remove_all(root);
    fs::create_directories(root / "site/shards");
    const auto write = [](const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; };
    write(root / "site/index.json", R"({"format": {"name": "article-reader-bundle", "version": "1.1"},
      "site": {"name": "消協", "locale": "zh-Hant"}, "categories": [{"id": "news", "name": "消協動态"}],
      "articles": [{"id": "a", "category": "news", "title": "甲文章", "published": "2024-03-15T09:00:00+08:00",
                    "shard": "shards/0000.json"}]})");
    // A valid shard, outside the bundle's folder, reached through a link inside it.
    write(root / "secret.json", R"({"format": {"name": "article-reader-shard", "version": "1.1"}, "articles": {"a": ["外面的文字。"]}})");
    fs::create_symlink(root / "secret.json", root / "site/shards/0000.json");
    const std::string command = std::string(READER_BINARY) + " " + (root / "site/index.json").string() +
                                " --view article:a --screenshot " + (root / "shot.png").string() + " 2>" + (root / "stderr.txt").string();
    REQUIRE(run(command) == 0);
    std::ifstream file(root / "stderr.txt");
    const std::string log((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    CHECK_MESSAGE(log.find((root / "site/shards/0000.json").string() + ": refused: a symbolic link leads out of the bundle's folder") !=
                      std::string::npos, log);
    // A link that stays inside the folder is followed as before.
    fs::remove(root / "site/shards/0000.json");
    fs::rename(root / "secret.json", root / "site/real-0000.json");
    fs::create_symlink(root / "site/real-0000.json", root / "site/shards/0000.json");
    REQUIRE(run(command) == 0);
    std::ifstream again(root / "stderr.txt");
    const std::string log2((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>());
    CHECK_MESSAGE(log2.find("refused") == std::string::npos, log2);
}

TEST_CASE("native: a figure's data: URI is decoded and shown; an https: URL is fetched, and its failure logged with the alt text kept") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    namespace fs = std::filesystem;
    const fs::path root = fs::absolute("figure-urls");
    fs::remove_all(root);
    fs::create_directories(root);
    std::vector<unsigned char> red(120 * 60 * 3);
    for (size_t i = 0; i < red.size(); i += 3) red[i] = 200, red[i + 1] = 60, red[i + 2] = 60;
    REQUIRE(stbi_write_png((root / "red.png").string().c_str(), 120, 60, 3, red.data(), 120 * 3));
    const std::string uri = "data:image/png;base64," + base64(readText(root / "red.png"));
    std::ofstream(root / "bundle.json", std::ios::binary) << R"({"format": {"name": "article-reader-bundle", "version": "1.2"},
      "site": {"name": "消協", "locale": "zh-Hant"}, "categories": [{"id": "news", "name": "消協動态"}],
      "articles": [{"id": "a", "category": "news", "title": "圖片", "published": "2024-03-15T09:00:00+08:00", "body": [
        {"type": "figure", "src": ")" + uri + R"(", "width": 600, "height": 300, "alt": "紅色方塊"},
        {"type": "figure", "src": "https://127.0.0.1:9/nothing-listens.png", "width": 600, "height": 300, "alt": "無法取得的圖"}]}]})";
    const std::string shot = (root / "shot.png").string();
    REQUIRE(run(std::string(READER_BINARY) + " " + (root / "bundle.json").string() + " --width 900 --height 1000 --view article:a" +
                " --log warn --screenshot " + shot + " 2>" + (root / "stderr.txt").string()) == 0);
    const std::string log = readText(root / "stderr.txt");
    CHECK_MESSAGE(log.find("reader: warn: image https://127.0.0.1:9/nothing-listens.png: could not be fetched: ") != std::string::npos, log);
    CHECK_MESSAGE(log.find("data:image") == std::string::npos, log);  // the data: image did not fail
    Image image;
    int channels = 0;
    image.pixels = stbi_load(shot.c_str(), &image.width, &image.height, &channels, 4);
    REQUIRE(image.pixels != nullptr);
    size_t redPixels = 0;
    for (size_t i = 0; i < static_cast<size_t>(image.width) * image.height; ++i) {
        const unsigned char* p = image.pixels + i * 4;
        if (p[0] == 200 && p[1] == 60 && p[2] == 60) ++redPixels;
    }
    CHECK(redPixels > 100000);  // most of the 600 x 300 figure
}
