// Record and replay: a recording made under Xvfb with xdotool driving the mouse and keyboard
// (recordings/open-seed-article-large-back.jsonl: from the 消協動态 list, open the seed article,
// click 大, Alt+← back, pointer off the window) replays to the same final state and the same
// picture as a direct capture of that state. docs/debugging.md says how it was made.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "image_compare.h"
#include "process.h"

namespace {

const std::string kSample = READER_SOURCE_DIR "/data/sample-bundle.json";
const std::string kRecording = READER_SOURCE_DIR "/tests/native/recordings/open-seed-article-large-back.jsonl";

}  // namespace

TEST_CASE("native: a recorded session replays to the state and the picture of a direct capture") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "needs an X display (./dev test starts Xvfb)");
    const auto replay = reader::test::run({READER_BINARY, kSample, "--replay", kRecording, "--screenshot", "replay.png", "--print-state"});
    INFO(replay.err);
    REQUIRE(replay.status == 0);
    CHECK(replay.out.starts_with("view=list category=xiaoxie-dongtai article= fontSize=large ruby=above zoom=1.00 scrollY=0 debug=off"));

    const auto direct = reader::test::run({READER_BINARY, kSample, "--view", "category:xiaoxie-dongtai", "--font-size", "large",
                                           "--width", "1024", "--height", "720", "--screenshot", "direct.png", "--print-state"});
    REQUIRE(direct.status == 0);
    CHECK(replay.out == direct.out);

    const auto replayed = reader::test::Image::load("replay.png");
    const auto captured = reader::test::Image::load("direct.png");
    REQUIRE(replayed.has_value());
    REQUIRE(captured.has_value());
    const reader::test::Difference difference = reader::test::compare(*captured, *replayed);
    MESSAGE(difference.describe());
    CHECK(difference.matches());
}

TEST_CASE("native: the same recording replays to the same pixels twice") {
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    REQUIRE(reader::test::run({READER_BINARY, kSample, "--replay", kRecording, "--screenshot", "replay-1.png"}).status == 0);
    REQUIRE(reader::test::run({READER_BINARY, kSample, "--replay", kRecording, "--screenshot", "replay-2.png"}).status == 0);
    const auto first = reader::test::Image::load("replay-1.png");
    const auto second = reader::test::Image::load("replay-2.png");
    REQUIRE(first.has_value());
    REQUIRE(second.has_value());
    CHECK(first->rgba == second->rgba);
}

TEST_CASE("native: a file that is not a recording is refused with its line") {
    {
        std::ofstream file("not-a-recording.jsonl");
        file << "{\"type\":\"header\",\"format\":\"article-reader-recording\",\"version\":1,\"fontSize\":\"medium\","
                "\"ruby\":\"above\",\"today\":\"2026-01-01\"}\n"
                "{\"type\":\"key\",\"frame\":3,\"key\":\"NoSuchKey\",\"down\":true}\n";
    }
    const auto result = reader::test::run({READER_BINARY, kSample, "--replay", "not-a-recording.jsonl"});
    CHECK(result.status == 2);
    CHECK(result.err == "reader: not-a-recording.jsonl:2: unknown key \"NoSuchKey\"\n");
    const auto withView = reader::test::run({READER_BINARY, kSample, "--replay", kRecording, "--view", "list"});
    CHECK(withView.status == 2);
    CHECK(withView.err.starts_with("reader: --view cannot be used with --replay: the recording says how the session started\n"));
}
