// Golden images: the desktop reader's captures of a few states, compared with tests/golden/*.png
// within the small tolerance of tests/native/image_compare.h. They are made by the native build with
// Debian's Noto Sans CJK under Xvfb (Mesa's llvmpipe), at logical size 1024 x 720 (unless a case says a height), DPR 1, the
// light theme and the capture date 2026-01-01.
//
// A change that moves pixels on purpose: `./dev test --update-goldens` (READER_UPDATE_GOLDENS=1)
// writes the new captures over the goldens; look at them before committing. A failure leaves
// golden-<name>-actual.png and golden-<name>-diff.png (differences in red) in the test's folder.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "../native/image_compare.h"
#include "../native/process.h"

namespace {

using reader::test::Image;

constexpr const char* kSeed = "article:2023-08-17-zhishichanquan-lianxi-huiyi";
const std::string kSample = READER_SOURCE_DIR "/data/sample-bundle.json";

std::string capture(const std::string& name, std::vector<std::string> args, int height = 720) {
    const std::string out = "golden-" + name + "-actual.png";
    std::filesystem::remove(out);
    args.insert(args.begin(), READER_BINARY);
    const std::vector<std::string> common{"--width", "1024", "--height", std::to_string(height), "--dpr", "1", "--theme", "light", "--screenshot"};
    args.insert(args.end(), common.begin(), common.end());
    args.push_back(out);
    const auto result = reader::test::run(args);
    INFO(result.err);
    REQUIRE(result.status == 0);
    return out;
}

void checkGolden(const std::string& name, const std::vector<std::string>& args, int height = 720) {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "needs an X display (./dev test starts Xvfb)");
    const std::string actualPath = capture(name, args, height);
    const std::string goldenPath = READER_SOURCE_DIR "/tests/golden/" + name + ".png";
    const char* update = std::getenv("READER_UPDATE_GOLDENS");
    if (update && std::string(update) == "1") {
        std::filesystem::copy_file(actualPath, goldenPath, std::filesystem::copy_options::overwrite_existing);
        MESSAGE("updated " << goldenPath);
        return;
    }
    const auto golden = Image::load(goldenPath);
    REQUIRE_MESSAGE(golden.has_value(), goldenPath << " is missing: ./dev test --update-goldens makes it");
    const auto actual = Image::load(actualPath);
    REQUIRE(actual.has_value());
    const reader::test::Difference difference = reader::test::compare(*golden, *actual);
    MESSAGE(name << ": " << difference.describe());
    if (!difference.matches()) {
        const std::string diffPath = "golden-" + name + "-diff.png";
        reader::test::writeDifference(diffPath, *golden, *actual);
        FAIL_CHECK(name << " differs from " << goldenPath << ": look at " << std::filesystem::absolute(actualPath) << " and "
                        << std::filesystem::absolute(diffPath)
                        << "; if the change is meant, ./dev test --update-goldens");
    }
}

}  // namespace

TEST_CASE("golden: the home list") { checkGolden("list", {kSample, "--view", "list"}); }

TEST_CASE("golden: the seed article, medium text") {
    checkGolden("article-medium", {kSample, "--view", kSeed, "--font-size", "medium", "--ruby", "above"});
}

TEST_CASE("golden: the seed article, large text") {
    checkGolden("article-large", {kSample, "--view", kSeed, "--font-size", "large", "--ruby", "above"});
}

// Format 1.2's blocks: a subheading, a table, a chart figure with its caption. The sample beside the
// binary, whose images the build drew (data/ has the bundle, not the images).
TEST_CASE("golden: the complaint analysis, with its table and chart") {
    const std::string besideBinary = (std::filesystem::path(READER_BINARY).parent_path() / "sample-bundle.json").string();
    checkGolden("article-rich", {besideBinary, "--view", "article:2026-01-16-2025-niandu-tousu-fenxi", "--font-size", "medium"}, 1500);
}

TEST_CASE("golden: a broken bundle shows its error with the position") {
    checkGolden("error", {READER_SOURCE_DIR "/tests/golden/broken-bundle.json"});
}

TEST_CASE("golden: two captures with the same flags are the same pixels") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    const std::vector<std::string> args{kSample, "--view", kSeed, "--font-size", "large"};
    const auto first = Image::load(capture("repeat-1", args));
    const auto second = Image::load(capture("repeat-2", args));
    REQUIRE(first.has_value());
    REQUIRE(second.has_value());
    CHECK(first->rgba == second->rgba);
}
