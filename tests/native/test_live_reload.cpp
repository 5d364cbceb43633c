// Live reload: the desktop reader watches its bundle file. An edited title shows within a second
// with the open article and its scroll position kept; a broken edit shows the error with its
// position and keeps the previous bundle (and its title) on screen. Checked through the state
// lines of --print-state-on-change, with inotify and with polling.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>

#include "process.h"

namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr const char* kSeedId = "2023-08-17-zhishichanquan-lianxi-huiyi";
const std::string kSeedTitle = "2023年(nián)第一(yī)次自(zì)治區知識産權戰略實施工(gōng)作廳際聯席會議召開";

std::string readFile(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void writeInPlace(const fs::path& path, const std::string& text) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << text;
}

// As many editors save: a new file renamed over the old one.
void writeByRename(const fs::path& path, const std::string& text) {
    const fs::path temporary = path.string() + ".saving";
    writeInPlace(temporary, text);
    fs::rename(temporary, path);
}

std::string withSeedTitle(std::string bundle, const std::string& title) {
    const std::string from = "\"title\": \"" + kSeedTitle + "\"";
    const size_t at = bundle.find(from);
    REQUIRE(at != std::string::npos);
    return bundle.replace(at, from.size(), "\"title\": \"" + title + "\"");
}

// The value of `key=` in a state line (state_line.h): up to the next space, or a quoted string
// without its quotes (the titles here have no escapes).
std::string field(const std::string& line, const std::string& key) {
    size_t at = 0;
    while (at < line.size()) {
        const size_t equals = line.find('=', at);
        if (equals == std::string::npos) break;
        const bool quoted = equals + 1 < line.size() && line[equals + 1] == '"';
        const size_t end = quoted ? line.find('"', equals + 2) : line.find(' ', equals);
        const std::string value = quoted ? line.substr(equals + 2, end - equals - 2) : line.substr(equals + 1, end - equals - 1);
        if (line.compare(at, equals - at, key) == 0 && equals - at == key.size()) return value;
        if (end == std::string::npos) break;
        at = end + (quoted ? 2 : 1);
    }
    return "(no " + key + ")";
}

// Reads state lines until one satisfies `wanted`, within `timeout`; the last line read otherwise.
std::optional<std::string> waitFor(reader::test::BackgroundProcess& reader, std::chrono::milliseconds timeout,
                                   const std::function<bool(const std::string&)>& wanted) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        const auto line = reader.readLine(left);
        if (!line) return std::nullopt;
        if (wanted(*line)) return line;
    }
}

void checkLiveReload(const char* watch) {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "needs an X display (./dev test starts Xvfb)");
    const fs::path dir = fs::temp_directory_path() / ("reader-live-reload-" + std::to_string(getpid()) + "-" + watch);
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path bundle = dir / "bundle.json";
    const std::string original = readFile(READER_SOURCE_DIR "/data/sample-bundle.json");
    writeInPlace(bundle, original);
    // A replayed wheel scrolls the seed article down; then the session is live.
    {
        std::ofstream recording(dir / "scroll.jsonl");
        recording << "{\"type\":\"header\",\"format\":\"article-reader-recording\",\"version\":1,\"width\":1024,\"height\":720,"
                     "\"dpr\":1,\"view\":\"article:"
                  << kSeedId
                  << "\",\"fontSize\":\"medium\",\"ruby\":\"above\",\"zoom\":1,\"today\":\"2026-01-01\"}\n"
                     "{\"type\":\"mouse-pos\",\"frame\":1,\"x\":600,\"y\":400}\n"
                     "{\"type\":\"wheel\",\"frame\":2,\"x\":0,\"y\":-3}\n"
                     "{\"type\":\"frame\",\"frame\":6}\n";
    }
    reader::test::BackgroundProcess reader({READER_BINARY, bundle.string(), "--replay", (dir / "scroll.jsonl").string(),
                                            "--print-state-on-change", "--watch", watch});

    const auto scrolled = waitFor(reader, 10s, [](const std::string& line) { return field(line, "scrollY") != "0"; });
    REQUIRE_MESSAGE(scrolled.has_value(), "the replayed wheel did not scroll the article");
    std::string still = *scrolled;
    while (const auto line = reader.readLine(300ms)) still = *line;  // until the state is still
    const std::string scrollY = field(still, "scrollY");
    CHECK(field(still, "article") == kSeedId);

    // An edited title: on screen within a second, the article and the scroll position kept.
    const std::string newTitle = "即時重新載入：新的標題";
    const auto edited = std::chrono::steady_clock::now();
    writeInPlace(bundle, withSeedTitle(original, newTitle));
    const auto reloaded = waitFor(reader, 1000ms, [&](const std::string& line) { return field(line, "title") == newTitle; });
    REQUIRE_MESSAGE(reloaded.has_value(), "the new title was not shown within a second");
    MESSAGE("reloaded after " << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - edited).count() << " ms");
    CHECK(field(*reloaded, "view") == "article");
    CHECK(field(*reloaded, "article") == kSeedId);
    CHECK(field(*reloaded, "scrollY") == scrollY);
    CHECK(field(*reloaded, "error").empty());

    // A broken edit (a comma too many), saved by renaming: the error with its position, the
    // previous bundle's title still on screen.
    std::string broken = withSeedTitle(original, "不會顯示的標題");
    broken.insert(broken.find("\"articles\""), ",");
    writeByRename(bundle, broken);
    const auto failed = waitFor(reader, 1000ms, [](const std::string& line) { return !field(line, "error").empty(); });
    REQUIRE_MESSAGE(failed.has_value(), "the error was not shown within a second");
    CHECK(field(*failed, "error").starts_with("line "));
    CHECK(field(*failed, "title") == newTitle);
    CHECK(field(*failed, "article") == kSeedId);
    CHECK(field(*failed, "scrollY") == scrollY);

    // Fixed again: the error goes.
    writeInPlace(bundle, original);
    const auto fixed = waitFor(reader, 1000ms, [&](const std::string& line) {
        return field(line, "error").empty() && field(line, "title") == kSeedTitle;
    });
    CHECK(fixed.has_value());
    fs::remove_all(dir);
}

}  // namespace

TEST_CASE("native: live reload with inotify") { checkLiveReload("auto"); }

TEST_CASE("native: live reload by polling") { checkLiveReload("poll"); }
